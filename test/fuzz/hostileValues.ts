import type { SeededRandom } from '../../src/domain/seededRandom';

/** Words that read `Object.prototype` when a plain object is used as a table. */
export const prototypeWords = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'] as const;

/** Texts a customer (or an attacker posing as one) can type. */
export const hostileTexts: readonly string[] = [
  '',
  ' ',
  'I have constructor problems',
  '__proto__',
  'constructor',
  'toString hasOwnProperty valueOf',
  'prototype of my order TD-100003',
  'where is my order TD-100003',
  'I want to talk to a human',
  'cancel',
  'stop',
  "I'm going to kill myself",
  'chest pain and I cannot breathe',
  '😀😃😄😁😆😅🤣😂🙂🙃😉😊😇 👨‍👩‍👧‍👦🏳️‍🌈',
  '\u202Egnp.exe\u202C invoice',
  'zero\u200Bwidth\u200Cjoin\u200Dme\uFEFF',
  'null \u0000 byte \u0001\u0002\u0007\u001b[31m',
  'lone surrogate \ud800 and \udfff',
  'line\r\nbreak\u2028\u2029',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  "'; DROP TABLE users; --",
  '${7*7} {{7*7}} #{7*7} %s %n %x',
  '../../../../etc/passwd',
  'my ssn is 078-05-1120 and card 4111 1111 1111 1111',
  'call me at +1 (555) 010-9999 or mail a.b+c@example.com',
  'Ｔｅｓｔ ｆｕｌｌｗｉｄｔｈ',
  'İıŞşĞğ ß ﬁ ǅ',
  'مرحبا أريد التحدث مع شخص',
  '我想和人工客服说话',
  'a'.repeat(5000),
  `${'1'.repeat(3000)}!`,
  `${'a@'.repeat(2000)}x`,
  `${'9 '.repeat(2000)}`,
  `${'Mar 3 '.repeat(500)}`,
  'book an appointment for monday afternoon',
  'yes',
  'no',
  '1',
  '-1',
  'NaN',
  'undefined',
  'null',
  '{"type":"message"}',
];

/** Ids and names: empty, long, separators, traversal, control characters, prototype words. */
export const hostileIds: readonly string[] = [
  '',
  ' ',
  'a',
  '__proto__',
  'constructor',
  'toString',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  'a:b:c',
  'a|b|c',
  '{handoff}',
  'conv:{x}:y',
  '*',
  '%00',
  'x\u0000y',
  'x\ny',
  '😀',
  'x'.repeat(513),
  'y'.repeat(4096),
  '29:1abc-teams@thread.skype;messageid=123',
];

/** JSON values of the wrong type for almost any field. */
export function hostileValue(random: SeededRandom, depth = 0): unknown {
  const kind = random.int(0, depth > 2 ? 11 : 15);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1]);
    case 2:
      return random.chance(0.5);
    case 3:
      return random.pick(hostileTexts);
    case 4:
      return random.pick(hostileIds);
    case 5:
      return [];
    case 6:
      return {};
    case 7:
      return '';
    case 8:
      return random.pick(prototypeWords);
    case 9:
      return { id: random.pick(hostileIds) };
    case 10:
      return 'x'.repeat(random.int(1000, 20_000));
    case 11:
      return Array.from({ length: random.int(1, 60) }, () => ({ id: random.pick(hostileIds), name: random.pick(hostileTexts) }));
    case 12:
      return prototypeObject(random, depth + 1);
    case 13:
      return nested(random.int(2, 40), random.pick(hostileTexts));
    case 14:
      return [hostileValue(random, depth + 1), hostileValue(random, depth + 1)];
    default:
      return { [random.pick(prototypeWords)]: hostileValue(random, depth + 1), text: random.pick(hostileTexts) };
  }
}

/** An object whose keys are prototype words (JSON.parse makes `__proto__` an own key). */
export function prototypeObject(random: SeededRandom, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const word of prototypeWords) {
    if (!random.chance(0.5)) continue;
    // defineProperty: assigning `__proto__` would set the prototype instead of adding the key.
    Object.defineProperty(out, word, {
      value: depth > 2 ? 'polluted' : { polluted: true, text: random.pick(hostileTexts), [random.pick(prototypeWords)]: 'x' },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** `levels` of alternating objects and arrays around `leaf`. */
export function nested(levels: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** Deep JSON written as text (JSON.stringify of 100,000 levels would overflow the stack). */
export function deepJsonText(levels: number, open = '{"a":', close = '}'): string {
  return `${open.repeat(levels)}1${close.repeat(levels)}`;
}

/** Bodies that are not valid JSON, or not JSON objects. */
export const malformedJsonBodies: readonly string[] = [
  '',
  '{',
  '}',
  '{"type":"message",}',
  "{'type':'message'}",
  '{"type":"message" "text":"x"}',
  '{"type":NaN}',
  '{"type":Infinity}',
  '{"a":undefined}',
  '[1,2,3',
  '"just a string"',
  '42',
  'null',
  'true',
  '[]',
  '[{"type":"message"}]',
  '\uFEFF{"type":"message"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1e999999}',
  '{"a":-0}',
  '{"a":0x10}',
  '// comment\n{}',
  '{"a":1}{"b":2}',
  '{"a":"unterminated}',
  '{"a":"\\x41"}',
  '{"type":"message","text":"a","text":"b"}',
];

/** Content types: none, wrong, odd parameters, near misses. */
export const contentTypes: readonly (string | undefined)[] = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json-patch+json',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/octet-stream',
  'application/xml',
  'application/json, text/plain',
  '*/*',
  ';',
  'application/',
  'application/json; boundary=""',
];
