import { randomUUID } from 'node:crypto';
import { parseCsat } from '../../src/bot/csat';
import { errorRegistry } from '../../src/errors';
import { createCorpusUnderstanding } from '../../src/nlu/corpusUnderstanding';
import { cleanText } from '../../src/nlu/language/cleanText';
import { matchChoice } from '../../dialogs/answers/choice';
import { appWithCapturedLogs, say } from '../support/startApp';

/** Names every plain object answers through its prototype: a word table kept in one would find them. */
const prototypeNames = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', 'constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']),
];

/** Everything in an understanding must be plain data: no functions and no NaN or Infinity. */
function badValues(value: unknown, path: string, found: string[]): string[] {
  if (typeof value === 'function') found.push(`${path} is a function`);
  else if (typeof value === 'number' && !Number.isFinite(value)) found.push(`${path} is ${value}`);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) badValues(item, `${path}.${key}`, found);
  return found;
}

const sentences = (name: string) => [
  name,
  `I have ${name} problems`,
  `my ${name} is so ${name}`,
  `very ${name}`,
  `not ${name} at all`,
  `${name.toUpperCase()}!!!`,
  `&${name};`,
  `<b>${name}</b> order`,
];

describe('words that name Object.prototype members', () => {
  const understanding = createCorpusUnderstanding({ maxChars: 4000 });
  const options = { timezone: 'America/New_York', now: new Date('2026-03-10T15:00:00Z') };

  it.each(prototypeNames)('"%s" goes through the whole NLU as plain data', (name) => {
    for (const text of sentences(name)) {
      const result = understanding.nlu.understand(text, options);
      expect({ text, bad: badValues(result, 'understanding', []) }).toEqual({ text, bad: [] });
    }
  });

  it.each(prototypeNames)('"%s" is no HTML entity, rating or choice', (name) => {
    expect(cleanText(`a &${name}; b`, 100).text).not.toMatch(/native code|function/);
    expect(parseCsat(name)).toBeUndefined();
    expect(matchChoice(`the ${name}`, ['Monday', 'Tuesday'])).toBeUndefined();
  });
});

describe('a bot turn about "constructor problems"', () => {
  const { logs, running } = appWithCapturedLogs();
  const baseUrl = (): string => running().baseUrl;

  const errorReplies = Object.values(errorRegistry).map((entry) => entry.user);

  it.each(prototypeNames)('answers messages naming "%s", in and out of a task, without an error reply or an error log', async (name) => {
    const conversationId = `c-${randomUUID()}`;
    const turns = [`I have ${name} problems`, 'I want to book an appointment', name, `my ${name} is very ${name}`, 'cancel', name];
    for (const text of turns) {
      const replies = await say(baseUrl(), conversationId, text);
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) for (const failure of errorReplies) expect({ text, reply }).not.toEqual({ text, reply: expect.stringContaining(failure) });
    }
    expect(logs.lines().filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
