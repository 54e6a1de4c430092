import { deflateSync, gzipSync } from 'node:zlib';
import jwt from 'jsonwebtoken';
import { createSeededRandom, hashSeed, type SeededRandom } from '../../src/domain/seededRandom';
import type { FuzzCase, FuzzFixtures } from './fuzzCase';
import {
  contentTypes,
  deepJsonText,
  hostileIds,
  hostileTexts,
  hostileValue,
  malformedJsonBodies,
  nested,
  prototypeObject,
  prototypeWords,
} from './hostileValues';

type Headers = [string, string][];

interface Draft {
  family: string;
  method: string;
  path: string;
  headers: Headers;
  body?: Buffer;
  raw?: Buffer;
  truncated?: boolean;
}

/** The bot's activity types and a few that are not. */
const activityTypes = ['message', 'message', 'message', 'event', 'invoke', 'conversationUpdate', 'typing', 'endOfConversation', 'messageReaction', 'installationUpdate', 'handoff', 'trace', 'command', 'delay', 'bogus', ''];
const activityFields = ['type', 'id', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'text', 'timestamp', 'localTimestamp', 'localTimezone', 'locale', 'deliveryMode', 'membersAdded', 'membersRemoved', 'value', 'name', 'channelData', 'entities', 'attachments', 'replyToId', 'textFormat', 'suggestedActions', 'relatesTo', 'valueType', 'label', 'speak', 'summary'];
const serviceUrls = ['http://127.0.0.1:1', 'file:///etc/passwd', 'javascript:alert(1)', 'http://[::1]:1/x', 'ftp://127.0.0.1/', 'http://0.0.0.0:1', 'not a url', ''];
const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'CONNECT'];

let gzipBomb: Buffer | undefined;
/** About 100 KB of gzip that inflates to 100 MB (100 members of 1 MB of spaces); built once. */
function bomb(): Buffer {
  if (!gzipBomb) {
    const member = gzipSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9 });
    gzipBomb = Buffer.concat(Array.from({ length: 100 }, () => member));
  }
  return gzipBomb;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** encodeURIComponent that also takes lone surrogates (as their UTF-8 replacement bytes). */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Bytes from the case's own PRNG, so a case is the same on every run. */
function seededBytes(random: SeededRandom, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => random.int(0, 255)));
}
const bearer = (token: string) => ['authorization', `Bearer ${token}`] as [string, string];

/** Bearer credentials that must all be refused (or, for `valid`, accepted) by the Direct Line routes. */
function directLineCredential(random: SeededRandom, fx: FuzzFixtures): { header?: [string, string]; label: string } {
  const forgedKey = seededBytes(random, 32);
  const options: Array<() => { header?: [string, string]; label: string }> = [
    () => ({ header: bearer(fx.chat.token), label: 'token' }),
    () => ({ header: bearer(fx.chat.token), label: 'token' }),
    () => ({ header: bearer(fx.directLineSecret), label: 'secret' }),
    () => ({ label: 'no-auth' }),
    () => ({ header: bearer(fx.otherChat.token), label: 'other-conversation-token' }),
    () => ({ header: bearer(fx.expiredChatToken), label: 'expired-token' }),
    () => ({
      header: bearer(jwt.sign({ conv: fx.chat.conversationId, user: 'dl_attacker', iss: 'tandem-directline' }, forgedKey, { algorithm: 'HS256', noTimestamp: true })),
      label: 'forged-signature',
    }),
    () => ({
      header: bearer(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ conv: fx.chat.conversationId, user: 'x', iss: 'tandem-directline', exp: 4102444800 })).toString('base64url')}.`),
      label: 'alg-none',
    }),
    () => ({ header: bearer(fx.chat.token.slice(0, -4)), label: 'truncated-token' }),
    () => ({ header: bearer(`${fx.chat.token}x`), label: 'padded-token' }),
    () => ({ header: ['authorization', `Basic ${Buffer.from('a:b').toString('base64')}`], label: 'basic' }),
    () => ({ header: ['authorization', 'Bearer'], label: 'empty-bearer' }),
    () => ({ header: bearer('x'.repeat(8000)), label: 'long-token' }),
    () => ({ header: bearer(fx.agentToken), label: 'agent-token' }),
    () => ({ header: bearer(random.pick(prototypeWords)), label: 'prototype-word' }),
  ];
  return random.pick(options)();
}

function agentCredential(random: SeededRandom, fx: FuzzFixtures): { header?: [string, string]; label: string } {
  const options: Array<() => { header?: [string, string]; label: string }> = [
    () => ({ header: bearer(fx.agentToken), label: 'agent' }),
    () => ({ header: bearer(fx.agentToken), label: 'agent' }),
    () => ({ header: bearer(fx.supervisorToken), label: 'supervisor' }),
    () => ({ label: 'no-auth' }),
    () => ({ header: bearer(fx.chat.token), label: 'chat-token' }),
    () => ({ header: bearer(fx.directLineSecret), label: 'directline-secret' }),
    () => ({ header: bearer(`${fx.agentToken} `), label: 'trailing-space' }),
    () => ({ header: ['authorization', fx.agentToken], label: 'bare-token' }),
    () => ({ header: bearer(fx.agentToken.toUpperCase()), label: 'wrong-case' }),
    () => ({ header: bearer(random.pick(prototypeWords)), label: 'prototype-word' }),
    () => ({ header: bearer('dev-agent-token\u0000'), label: 'nul' }),
  ];
  return random.pick(options)();
}

/** A well-formed activity for `/api/messages`, aimed at the fixtures' conversations or a new one. */
function baseActivity(random: SeededRandom, fx: FuzzFixtures): Record<string, unknown> {
  const conversationId = random.pick([
    `fuzz-${random.int(0, 40)}`,
    `fuzz-${seededBytes(random, 6).toString('hex')}`,
    fx.queuedConversationId,
    fx.assignedConversationId,
    fx.chat.conversationId,
  ]);
  return {
    type: 'message',
    id: random.chance(0.9) ? `a-${random.int(0, 5000)}` : seededBytes(random, 8).toString('hex'),
    channelId: random.pick(['test', 'test', 'emulator', 'msteams', 'directline', 'webchat', 'slack']),
    serviceUrl: fx.serviceUrl,
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: random.chance(0.3) ? random.pick(hostileTexts) : 'Customer' },
    recipient: { id: 'tandem', name: 'Tandem' },
    text: random.pick(hostileTexts),
    deliveryMode: random.chance(0.8) ? 'expectReplies' : 'normal',
    locale: random.pick(['en-US', 'en', 'xx', '__proto__', 'en-US-x-'.repeat(10)]),
  };
}

/** One way of breaking an activity: wrong types, missing fields, prototype keys, forged channels. */
function mutateActivity(random: SeededRandom, fx: FuzzFixtures, activity: Record<string, unknown>): string {
  const how = random.int(0, 12);
  const field = random.pick(activityFields);
  switch (how) {
    case 0:
    case 1:
    case 2:
      activity[field] = hostileValue(random);
      return `wrong-type ${field}`;
    case 3:
      delete activity[field];
      return `missing ${field}`;
    case 4:
      Object.assign(activity, prototypeObject(random));
      Object.defineProperty(activity, '__proto__', { value: { type: 'invoke', polluted: true }, enumerable: true, configurable: true, writable: true });
      return 'prototype-keys';
    case 5:
      activity[random.pick(['conversation', 'from', 'recipient'])] = { id: random.pick(hostileIds), ...prototypeObject(random) };
      return 'prototype-account';
    case 6:
      activity.serviceUrl = random.pick(serviceUrls);
      activity.deliveryMode = random.chance(0.5) ? 'normal' : 'expectReplies';
      return 'service-url';
    case 7:
      activity.type = 'event';
      activity.name = random.pick(['handoff.status', 'handoff.initiate', 'webchat/join', random.pick(prototypeWords), random.pick(hostileIds)]);
      activity.value = random.chance(0.5) ? { state: random.pick(['accepted', 'completed', 'failed', 'typo']), message: random.pick(hostileTexts) } : hostileValue(random);
      if (random.chance(0.3)) activity.channelData = { [random.pick(prototypeWords)]: hostileValue(random) };
      return `event ${String(activity.name).slice(0, 20)}`;
    case 8:
      activity.type = 'conversationUpdate';
      activity.membersAdded = Array.from({ length: random.pick([0, 1, 50, 51, 500]) }, (_, i) => ({ id: i % 7 === 0 ? random.pick(hostileIds) : `m${i}`, name: random.pick(hostileTexts) }));
      return `members ${(activity.membersAdded as unknown[]).length}`;
    case 9:
      activity.channelId = random.pick(['webchat', 'directline', 'test', 'msteams']);
      activity.conversation = { id: random.pick([fx.chat.conversationId, fx.otherChat.conversationId, fx.queuedConversationId, fx.assignedConversationId]) };
      activity.serviceUrl = 'http://127.0.0.1:1';
      return 'foreign-conversation';
    case 10:
      activity.type = random.pick(activityTypes);
      activity.value = hostileValue(random);
      activity.channelData = nested(random.int(1, 60), random.pick(hostileTexts));
      return `type ${String(activity.type)}`;
    case 11:
      activity.attachments = Array.from({ length: random.int(1, 5) }, () => ({ contentType: random.pick(['application/json', 'text/html', '__proto__', '']), content: hostileValue(random), name: random.pick(hostileTexts) }));
      activity.entities = Array.from({ length: random.int(1, 5) }, () => ({ type: random.pick(['mention', 'clientInfo', 'constructor']), ...prototypeObject(random) }));
      return 'attachments-entities';
    default:
      activity.text = random.pick(hostileTexts).repeat(random.int(1, 60));
      return 'long-text';
  }
}

/** A body for a JSON route, most often a mutation of `valid`, sometimes not JSON at all. */
function hostileBody(random: SeededRandom, valid: () => Record<string, unknown>): { body: Buffer; label: string } {
  const pick = random.int(0, 19);
  if (pick <= 8) return { body: json(valid()), label: 'valid-shape' };
  if (pick <= 10) {
    const value = valid();
    const field = random.pick(Object.keys(value).length > 0 ? Object.keys(value) : ['text']);
    value[field] = hostileValue(random);
    return { body: json(value), label: `wrong-type ${field}` };
  }
  if (pick === 11) return { body: Buffer.from(random.pick(malformedJsonBodies)), label: 'malformed-json' };
  if (pick === 12) {
    const levels = random.pick([65, 100, 5000, 100_000]);
    const text = JSON.stringify({ ...valid(), value: '__DEEP__' }).replace('"__DEEP__"', deepJsonText(levels, random.chance(0.5) ? '{"a":' : '[', random.chance(0.5) ? '}' : ']'));
    return { body: Buffer.from(text), label: `deep ${levels}` };
  }
  if (pick === 13) return { body: Buffer.from(JSON.stringify({ ...valid(), pad: 'x'.repeat(random.pick([200_000, 300_000, 2_000_000])) })), label: 'huge' };
  if (pick === 14) {
    const wide: Record<string, unknown> = valid();
    for (let i = 0; i < random.int(100, 20_000); i += 1) wide[`k${i}`] = i;
    return { body: json(wide), label: 'wide' };
  }
  if (pick === 15) return { body: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0x22, 0x7d]), label: 'invalid-utf8' };
  if (pick === 16) return { body: Buffer.from(JSON.stringify(valid()), 'utf16le'), label: 'utf16' };
  if (pick === 17) {
    const text = JSON.stringify({ ...valid(), [random.pick(prototypeWords)]: { polluted: true } });
    return { body: Buffer.from(text.replace(/^\{/, '{"__proto__":{"polluted":true},')), label: 'prototype-json' };
  }
  if (pick === 18) return { body: seededBytes(random, random.int(1, 2048)), label: 'random-bytes' };
  return { body: json(hostileValue(random)), label: 'hostile-value' };
}

/** Applies transport-level hostility to a JSON request: content type, coding, header abuse. */
function withTransport(random: SeededRandom, draft: Draft): Draft {
  const headers = draft.headers;
  if (draft.body !== undefined && random.chance(0.85)) headers.push(['content-type', 'application/json']);
  else {
    const type = random.pick(contentTypes);
    if (type !== undefined) headers.push(['content-type', type]);
  }
  const roll = random.int(0, 29);
  let label = '';
  if (roll === 0 && draft.body) {
    draft.body = gzipSync(draft.body);
    headers.push(['content-encoding', random.pick(['gzip', 'x-gzip', 'GZIP'])]);
    label = 'gzip';
  } else if (roll === 1 && draft.body) {
    draft.body = deflateSync(draft.body);
    headers.push(['content-encoding', 'deflate']);
    label = 'deflate';
  } else if (roll === 2) {
    const body = draft.body ?? Buffer.from('{}');
    draft.body = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), body.subarray(0, 64)]);
    headers.push(['content-encoding', 'gzip']);
    label = 'broken-gzip';
  } else if (roll === 3) {
    draft.body = draft.body ? gzipSync(draft.body).subarray(0, Math.max(1, Math.floor(draft.body.length / 3))) : Buffer.from([0x1f, 0x8b]);
    headers.push(['content-encoding', 'gzip']);
    label = 'truncated-gzip';
  } else if (roll === 4) {
    draft.body = bomb();
    headers.push(['content-encoding', 'gzip']);
    label = 'gzip-bomb';
  } else if (roll === 5) {
    headers.push(['content-encoding', random.pick(['br', 'compress', 'zstd', 'gzip, gzip', 'gzip, deflate', 'identity, gzip', '__proto__', ''])]);
    label = 'coding';
  } else if (roll === 6) {
    headers.push(['x-pad', 'x'.repeat(random.pick([9000, 17_000, 70_000]))]);
    label = 'huge-header';
  } else if (roll === 7) {
    for (let i = 0; i < random.pick([50, 150, 2100]); i += 1) headers.push([`x-h${i}`, 'v']);
    label = 'many-headers';
  } else if (roll === 8 && draft.body) {
    headers.push(['content-length', String(draft.body.length)], ['content-length', String(draft.body.length + 5)]);
    label = 'double-length';
  } else if (roll === 9 && draft.body) {
    headers.push(['transfer-encoding', 'chunked'], ['content-length', String(draft.body.length)]);
    label = 'te-and-cl';
  } else if (roll === 10 && draft.body) {
    const body = draft.body;
    headers.push(['transfer-encoding', 'chunked']);
    draft.body = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    label = 'chunked';
  } else if (roll === 11 && draft.body) {
    headers.push(['transfer-encoding', 'chunked']);
    draft.body = Buffer.from(random.pick(['zz\r\nabc\r\n0\r\n\r\n', 'ffffffffffff\r\nab', '5\r\nab\r\n0\r\n\r\n', '-1\r\n\r\n']));
    // Some of these promise more body than they send: the client then stops, as a real one would.
    draft.truncated = true;
    label = 'bad-chunked';
  } else if (roll === 12 && draft.body && draft.body.length > 4) {
    headers.push(['content-length', String(draft.body.length + 100)]);
    draft.truncated = true;
    label = 'short-body';
  } else if (roll === 13) {
    headers.push(['content-type', 'text/plain']);
    label = 'two-content-types';
  } else if (roll === 14) {
    headers.push([random.pick(['x-handoff-hub-token', 'x-forwarded-for', 'idempotency-key', 'accept-encoding', 'expect']), random.pick([...hostileIds.filter((id) => !/[\u0000-\u001f]/.test(id)), '100-continue'])]);
    label = 'odd-header';
  }
  if (label) draft.family = `${draft.family} +${label}`;
  return draft;
}

function messagesCase(random: SeededRandom, fx: FuzzFixtures): Draft {
  let family = 'messages';
  const body = hostileBody(random, () => {
    const activity = baseActivity(random, fx);
    if (random.chance(0.75)) family += ` ${mutateActivity(random, fx, activity)}`;
    return activity;
  });
  const headers: Headers = [];
  if (random.chance(0.1)) headers.push(random.chance(0.5) ? bearer(random.pick(hostileIds.filter((id) => !/[\u0000-\u001f]/.test(id)))) : ['x-handoff-hub-token', 'x'.repeat(40)]);
  return { family: `${family} ${body.label}`, method: 'POST', path: '/api/messages', headers, body: body.body };
}

function userActivity(random: SeededRandom): Record<string, unknown> {
  const activity: Record<string, unknown> = {
    type: random.pick(['message', 'message', 'event', 'typing', 'conversationUpdate', 'invoke', '']),
    text: random.pick(hostileTexts),
  };
  if (random.chance(0.5)) activity.channelData = { clientActivityID: random.chance(0.7) ? `wc-${random.int(0, 200)}` : random.pick(hostileIds), clientTimestamp: new Date(0).toISOString() };
  if (random.chance(0.3)) activity.from = { id: random.pick(hostileIds), name: random.pick(hostileTexts), role: random.pick(['bot', 'user', 'agent']) };
  if (random.chance(0.2)) activity.name = random.pick(['handoff.status', 'webchat/join', ...prototypeWords]);
  if (random.chance(0.2)) activity.value = hostileValue(random);
  if (random.chance(0.1)) activity.attachments = [{ contentType: 'image/png', contentUrl: 'file:///etc/passwd' }];
  if (random.chance(0.1)) activity.entities = Array.from({ length: random.pick([1, 17]) }, () => ({ type: 'ClientCapabilities' }));
  if (random.chance(0.1)) activity.locale = random.pick(['en-US', 'xx-', '__proto__']);
  return activity;
}

function directLineCase(random: SeededRandom, fx: FuzzFixtures): Draft {
  const credential = directLineCredential(random, fx);
  const headers: Headers = credential.header ? [credential.header] : [];
  const conversationId = random.pick([fx.chat.conversationId, fx.chat.conversationId, fx.otherChat.conversationId, random.pick(hostileIds), 'A'.repeat(64), 'A'.repeat(65)]);
  const id = percentEncode(conversationId);
  const route = random.int(0, 9);
  const prefix = '/v3/directline';
  let draft: Draft;
  if (route <= 3) {
    const body = hostileBody(random, () => userActivity(random));
    draft = { family: `directline/post-activity ${credential.label} ${body.label}`, method: 'POST', path: `${prefix}/conversations/${id}/activities`, headers, body: body.body };
  } else if (route === 4) {
    const watermark = random.pick(['', '0', '5', '-1', '1e3', '99999999999999999', 'abc', '__proto__', '%00']);
    draft = { family: `directline/get-activities ${credential.label}`, method: 'GET', path: `${prefix}/conversations/${id}/activities${watermark ? `?watermark=${percentEncode(watermark)}` : ''}`, headers };
  } else if (route === 5) {
    const body = hostileBody(random, () => ({ user: { id: random.pick(hostileIds), name: random.pick(hostileTexts) }, locale: random.pick(['en-US', 'x'.repeat(40), '__proto__']) }));
    draft = { family: `directline/start ${credential.label} ${body.label}`, method: 'POST', path: `${prefix}/conversations`, headers, ...(random.chance(0.7) ? { body: body.body } : {}) };
  } else if (route === 6) {
    draft = { family: `directline/refresh ${credential.label}`, method: 'POST', path: `${prefix}/tokens/refresh`, headers, ...(random.chance(0.3) ? { body: json(hostileValue(random)) } : {}) };
  } else if (route === 7) {
    draft = { family: `directline/generate ${credential.label}`, method: 'POST', path: `${prefix}/tokens/generate`, headers, ...(random.chance(0.5) ? { body: json({ user: { id: random.pick(hostileIds) } }) } : {}) };
  } else if (route === 8) {
    draft = { family: `directline/get-conversation ${credential.label}`, method: 'GET', path: `${prefix}/conversations/${id}`, headers };
  } else {
    draft = { family: `directline/upload ${credential.label}`, method: 'POST', path: `${prefix}/conversations/${id}/upload`, headers, body: seededBytes(random, 64) };
  }
  return draft;
}

function connectorCase(random: SeededRandom, fx: FuzzFixtures): Draft {
  const key = random.pick(['x'.repeat(32), '', random.pick(hostileIds)]);
  const conversationId = random.pick([fx.chat.conversationId, fx.otherChat.conversationId, random.pick(hostileIds)]);
  const base = `/connector/${percentEncode(key) || 'x'}/v3/conversations/${percentEncode(conversationId) || 'x'}`;
  // Bot replies to web chat never travel over HTTP: every path that once took them must change nothing.
  const keyLabel = 'forged-key';
  const body = hostileBody(random, () => ({ type: random.pick(['message', 'event', 'typing', '']), text: random.pick(hostileTexts), from: { id: random.pick(hostileIds), role: 'user' }, replyToId: random.pick(hostileIds) }));
  const route = random.int(0, 3);
  if (route === 0) return { family: `connector/post ${keyLabel} ${body.label}`, method: 'POST', path: `${base}/activities`, headers: [], body: body.body };
  if (route === 1) return { family: `connector/reply ${keyLabel} ${body.label}`, method: 'POST', path: `${base}/activities/${percentEncode(random.pick(hostileIds)) || 'x'}`, headers: [], body: body.body };
  if (route === 2) return { family: `connector/put ${keyLabel} ${body.label}`, method: 'PUT', path: `${base}/activities/${percentEncode(random.pick([`${conversationId}|0000001`, ...hostileIds])) || 'x'}`, headers: [], body: body.body };
  return { family: `connector/members ${keyLabel}`, method: 'GET', path: `${base}/members`, headers: [] };
}

/** WebSocket upgrades of the Direct Line stream: tokens, paths, watermarks and handshake headers gone wrong. */
function streamCase(random: SeededRandom, fx: FuzzFixtures): Draft {
  const conversationId = random.pick([fx.chat.conversationId, fx.chat.conversationId, fx.otherChat.conversationId, random.pick(hostileIds)]);
  const credentials = [
    { label: 'token', value: fx.chat.token },
    { label: 'other-token', value: fx.otherChat.token },
    { label: 'expired-token', value: fx.expiredChatToken },
    { label: 'secret', value: fx.directLineSecret },
    { label: 'hostile', value: random.pick(hostileIds) },
    { label: 'none', value: '' },
  ];
  const credential = random.pick(credentials);
  const watermark = random.pick(['', '0', '1', '-1', '99999999999999999999', 'abc', random.pick(hostileIds)]);
  const query = [credential.value ? `t=${percentEncode(credential.value)}` : '', watermark ? `watermark=${percentEncode(watermark)}` : ''].filter(Boolean).join('&');
  const id = percentEncode(conversationId) || 'x';
  const path = random.pick([`/v3/directline/conversations/${id}/stream`, `/v3/directline/conversations/${id}/stream/x`, '/v3/directline/stream', '/api/messages']);
  const headers: [string, string][] = [];
  if (random.chance(0.9)) headers.push(['upgrade', random.pick(['websocket', 'websocket', 'WebSocket', 'h2c', 'x'.repeat(300)])], ['connection', 'Upgrade']);
  if (random.chance(0.85)) headers.push(['sec-websocket-key', random.pick(['dGhlIHNhbXBsZSBub25jZQ==', 'dGhlIHNhbXBsZSBub25jZQ==', '', 'not base64', 'x'.repeat(500)])]);
  if (random.chance(0.85)) headers.push(['sec-websocket-version', random.pick(['13', '13', '8', '', '99999'])]);
  if (random.chance(0.2)) headers.push(bearer(credential.value));
  // Bytes after the handshake are WebSocket frames to the server: garbage ones must only close the socket.
  const body = random.chance(0.3) ? seededBytes(random, random.int(1, 256)) : undefined;
  return { family: `directline/stream ${credential.label}`, method: 'GET', path: query ? `${path}?${query}` : path, headers, ...(body ? { body } : {}) };
}

function agentCase(random: SeededRandom, fx: FuzzFixtures): Draft {
  const credential = agentCredential(random, fx);
  const headers: Headers = credential.header ? [credential.header] : [];
  const conversationId = random.pick([fx.queuedConversationId, fx.assignedConversationId, fx.assignedConversationId, fx.chat.conversationId, random.pick(hostileIds), `c-${random.int(0, 10)}`]);
  const conv = `/api/agent/conversations/${percentEncode(conversationId) || '%20'}`;
  const route = random.int(0, 10);
  const text = () => random.pick(hostileTexts);
  const family = (name: string, label = '') => `agent/${name} ${credential.label}${label ? ` ${label}` : ''}`;
  switch (route) {
    case 0:
      return { family: family('queue'), method: 'GET', path: `/api/agent/queue${random.chance(0.3) ? `?${random.pick(prototypeWords)}=1` : ''}`, headers };
    case 1: {
      const query = random.pick(['', '?page=1', '?page=0', '?pageSize=201', '?page=abc', '?page=1&page=2', '?__proto__[x]=1', `?pageSize=${'9'.repeat(30)}`]);
      return { family: family('context-pack'), method: 'GET', path: `${conv}${query}`, headers };
    }
    case 2:
      return { family: family('claim'), method: 'POST', path: `${conv}/claim`, headers, ...(random.chance(0.3) ? { body: json(hostileValue(random)) } : {}) };
    case 3:
    case 4: {
      const body = hostileBody(random, () => ({ text: text(), ...(random.chance(0.4) ? { idempotencyKey: random.pick([`k-${random.int(0, 50)}`, ...hostileIds]) } : {}), ...(random.chance(0.3) ? { fencingToken: hostileValue(random) } : {}) }));
      if (random.chance(0.2)) headers.push(['idempotency-key', random.pick(['k-1', 'x'.repeat(200), '__proto__', 'a b'])]);
      return { family: family('message', body.label), method: 'POST', path: `${conv}/messages`, headers, body: body.body };
    }
    case 5: {
      const body = hostileBody(random, () => ({ text: text() }));
      return { family: family('note', body.label), method: 'POST', path: `${conv}/notes`, headers, body: body.body };
    }
    case 6: {
      // Mostly invalid dispositions: a valid release would end the fixture's claim for the rest of the run.
      const body = hostileBody(random, () => ({ disposition: random.pick(['resolve', 'RESOLVED', '', '__proto__', 'constructor', 'return-to-bot']), note: text(), fencingToken: hostileValue(random) }));
      return { family: family('release', body.label), method: 'POST', path: `${conv}/release`, headers, body: body.body };
    }
    case 7:
      return { family: family('requeue'), method: 'POST', path: `${conv}/requeue`, headers: [...headers, ['content-type', 'application/json']], body: json(hostileValue(random)) };
    case 8: {
      const body = hostileBody(random, () => ({ leases: Array.from({ length: random.pick([0, 1, 101]) }, () => ({ conversationId: random.pick([fx.assignedConversationId, ...hostileIds]), fencingToken: hostileValue(random) })) }));
      return { family: family('heartbeat', body.label), method: 'POST', path: '/api/agent/heartbeat', headers, body: body.body };
    }
    case 9:
      return { family: family('callbacks'), method: 'GET', path: `/api/agent/callbacks${random.pick(['', '?status=open', '?status=__proto__', '?status=', '?status[]=open'])}`, headers };
    default:
      return {
        family: family('events'),
        method: 'GET',
        path: `/api/agent/events${random.pick(['', `?access_token=${random.pick([fx.agentToken, 'forged', '', '__proto__'])}`])}`,
        headers: [...headers, ['accept', 'text/event-stream']],
      };
  }
}

const knownPaths = ['/healthz', '/readyz', '/metrics', '/', '/agent', '/chat/chat.js', '/chat/chat.css', '/agent/agent.js', '/agent/agent.css', '/chat/token', '/api/messages', '/api/agent/queue', '/v3/directline/conversations'];
const strangePaths = [
  '/../../etc/passwd',
  '/chat/../../package.json',
  '/chat/..%2f..%2fpackage.json',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/agent/%2e%2e%2f.env',
  '/chat/chat.js%00.png',
  '//healthz',
  '/healthz/',
  '/HEALTHZ',
  '/healthz;x',
  '/healthz?%',
  '/healthz#frag',
  '/api/messages/../healthz',
  '/api/agent/conversations/%ZZ',
  '/api/agent/conversations/%00/claim',
  '/v3/directline/conversations/%E0%A4%A/activities',
  '/node_modules/botframework-webchat/package.json',
  '/src/main.ts',
  '/.env',
  '/__proto__',
  '/constructor',
  '/vendor/../package.json',
  '*',
  'http://127.0.0.1/healthz',
  '/😀',
  `/${'a/'.repeat(2000)}`,
  `/healthz?${'q=1&'.repeat(3000)}`,
  '/no/such/route',
];

function pagesCase(random: SeededRandom): Draft {
  if (random.chance(0.5)) {
    const path = random.pick(strangePaths);
    return { family: 'pages/strange-path', method: random.pick(['GET', 'GET', 'POST', 'HEAD']), path, headers: [] };
  }
  const path = random.pick(knownPaths);
  const method = random.chance(0.5) ? random.pick(methods) : 'GET';
  const query = random.chance(0.3) ? `?${random.pick(prototypeWords)}=${percentEncode(random.pick(hostileTexts).slice(0, 50))}` : '';
  const headers: Headers = random.chance(0.2) ? [['accept-encoding', random.pick(['gzip', 'br', '*', 'gzip;q=0'])]] : [];
  const withBody = method !== 'GET' && method !== 'HEAD' && random.chance(0.5);
  return { family: `pages/${method}`, method, path: `${path}${query}`, headers, ...(withBody ? { body: json(hostileValue(random)) } : {}) };
}

const malformedRequests = [
  'GET /healthz HTTP/9.9\r\nhost: x\r\n\r\n',
  'GET /healthz\r\n\r\n',
  'GET /healthz HTTP/1.1\r\n\r\n',
  'GET /healthz HTTP/1.1\r\nhost: x\r\nbad header line\r\n\r\n',
  'GET /healthz HTTP/1.1\r\nhost: x\r\nx-nul: a\u0000b\r\n\r\n',
  'GET /healthz HTTP/1.1\r\nhost: x\r\nx-a: b\rx-c: d\r\n\r\n',
  'GET /healthz HTTP/1.1\nhost: x\n\n',
  'POST /api/messages HTTP/1.1\r\nhost: x\r\ncontent-length: -5\r\n\r\n',
  'POST /api/messages HTTP/1.1\r\nhost: x\r\ncontent-length: 99999999999999999999\r\n\r\n',
  'POST /api/messages HTTP/1.1\r\nhost: x\r\ncontent-length: 1e3\r\n\r\n{}',
  'POST /api/messages HTTP/1.1\r\nhost: x\r\ntransfer-encoding: gzip, chunked\r\n\r\n0\r\n\r\n',
  'POST /api/messages HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n0\r\nx-trailer: ' + 'y'.repeat(20_000) + '\r\n\r\n',
  '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003',
  'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
  ' GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n',
  'GET  /healthz  HTTP/1.1\r\nhost: x\r\n\r\n',
  `GET /${'x'.repeat(100_000)} HTTP/1.1\r\nhost: x\r\n\r\n`,
  'G\u00c9T /healthz HTTP/1.1\r\nhost: x\r\n\r\n',
  'GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\nupgrade: websocket\r\n\r\n',
];

function malformedHttpCase(random: SeededRandom): Draft {
  const text = random.pick(malformedRequests);
  return { family: 'http/malformed', method: '-', path: text.split(/\s/)[1] ?? '', headers: [], raw: Buffer.from(text, 'latin1') };
}

/**
 * The `index`-th hostile request of the run seeded `seed`. Each case has its own PRNG derived from
 * (seed, index), so one case is regenerated exactly without replaying the ones before it.
 */
export function hostileRequest(seed: number, index: number, fixtures: FuzzFixtures): FuzzCase {
  const random = createSeededRandom(hashSeed(`tandem-fuzz:${seed}:${index}`));
  const family = random.int(0, 99);
  let draft: Draft;
  if (family < 32) draft = withTransport(random, messagesCase(random, fixtures));
  else if (family < 57) draft = withTransport(random, directLineCase(random, fixtures));
  else if (family < 77) draft = withTransport(random, agentCase(random, fixtures));
  else if (family < 80) draft = withTransport(random, connectorCase(random, fixtures));
  else if (family < 83) draft = streamCase(random, fixtures);
  else if (family < 95) draft = withTransport(random, pagesCase(random));
  else draft = malformedHttpCase(random);
  if (draft.method === 'POST' && draft.body === undefined && !draft.raw && random.chance(0.5)) draft.headers.push(['content-length', '0']);
  return { index, ...draft };
}
