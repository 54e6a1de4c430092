import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../../src/buildApp';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { agentCall, ChannelRecorder, conv, Customer, supervisorToken } from '../http/agent/agentHarness';
import { cleanupRedis, connectTestRedis, redisAvailable, testRedisUrl, uniquePrefix } from '../support/redis';
import { reachableStrings } from '../support/reachableStrings';
import { clockStartingAt, testNow } from '../support/testClock';
import { piiCorpus, type PiiSample } from './piiCorpus';

/**
 * The seeded PII corpus goes through the real app (API messages, web chat, a handoff with an agent, a
 * callback); then everything kept (memory stores, or every Redis key) and everything logged is searched
 * for any raw PII string. The only records allowed to keep one are those whose purpose is to keep it.
 */
const allowedAtRest = {
  /** The contact a customer gave for a callback: the ticket exists to call them back. */
  memoryPaths: [/\.contact\.value$/],
  /** Redis: the callback contact field of a handoff record or callback ticket, and intake records. */
  redisFields: [/:\{handoff\}:(rec|callback):[^ ]+ contact$/, /:\{intake\}:rec:/],
};

const samples = piiCorpus(20261204, 2);
const callbackPhone = '(415) 555-0132';
const raws = [...new Set([...samples.flatMap((s) => s.raw), callbackPhone])];
const rawPatterns = raws.map((raw) => ({ raw, pattern: new RegExp(`(?<![A-Za-z0-9])${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i') }));

function rawIn(text: string): string[] {
  return rawPatterns.filter(({ pattern }) => pattern.test(text)).map(({ raw }) => raw);
}

interface Started {
  app: App;
  baseUrl: string;
  logs: () => string;
  stop(): Promise<void>;
}

async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const chunks: string[] = [];
  const logger = createLogger('trace', { write: (chunk: string) => chunks.push(chunk) });
  const app = buildApp(loadConfig({ ...env }), { logger, clock: clockStartingAt(testNow) });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    baseUrl,
    logs: () => chunks.join(''),
    stop: async () => {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.close();
    },
  };
}

async function webChat(baseUrl: string, texts: readonly string[]): Promise<void> {
  const issued = (await (await fetch(`${baseUrl}/chat/token`, { method: 'POST' })).json()) as { conversationId: string; token: string };
  const headers = { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' };
  expect((await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers })).ok).toBe(true);
  for (const text of texts) {
    const posted = await fetch(`${baseUrl}/v3/directline/conversations/${encodeURIComponent(issued.conversationId)}/activities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'message', from: { id: 'web-user' }, text }),
    });
    expect(posted.ok).toBe(true);
  }
  // The customer's own history still shows their words as written: they are sealed at rest, not lost.
  const history = (await (await fetch(`${baseUrl}/v3/directline/conversations/${encodeURIComponent(issued.conversationId)}/activities`, { headers })).json()) as {
    activities: { text?: string; from: { id: string } }[];
  };
  expect(history.activities.map((a) => a.text)).toEqual(expect.arrayContaining([...texts]));
}

/** The whole journey: every sample said once on /api/messages and on web chat, a callback, and a handoff read by a supervisor. */
async function sendCorpus(running: Started, recorder: ChannelRecorder): Promise<void> {
  // With nobody online the request becomes a callback, and the customer leaves a number.
  const callback = new Customer(running.baseUrl, recorder.url);
  await callback.askForHuman();
  await callback.texts(`you can reach me at ${callbackPhone}`);

  for (const sample of samples) await new Customer(running.baseUrl, recorder.url).texts(sample.text);
  await webChat(running.baseUrl, samples.map((s: PiiSample) => s.text));

  await agentCall(running.baseUrl, 'POST', '/api/agent/heartbeat');
  const handed = new Customer(running.baseUrl, recorder.url);
  for (const sample of samples.slice(0, 6)) await handed.texts(sample.text);
  await handed.askForHuman();
  await handed.texts(samples[6]!.text);
  const id = handed.conversationId;
  expect((await agentCall(running.baseUrl, 'POST', `${conv(id)}/claim`)).status).toBe(200);
  expect((await agentCall(running.baseUrl, 'GET', conv(id), { token: supervisorToken })).status).toBe(200);
  expect((await agentCall(running.baseUrl, 'GET', conv(id))).status).toBe(200);
  expect((await agentCall(running.baseUrl, 'POST', `${conv(id)}/release`, { body: { disposition: 'resolved' } })).status).toBe(200);
}

/** Raw PII in the app's memory that was not there before the corpus was sent. */
function rawInMemory(app: App, before: ReadonlySet<string>): string[] {
  const leaks: string[] = [];
  for (const { path, value } of reachableStrings(app)) {
    const hits = rawIn(value);
    if (hits.length === 0 || before.has(`${path}\n${value}`)) continue;
    if (allowedAtRest.memoryPaths.some((allowed) => allowed.test(path))) continue;
    leaks.push(`${path}: ${hits.join(', ')}`);
  }
  return leaks;
}

function memoryBaseline(app: App): Set<string> {
  return new Set(reachableStrings(app).filter(({ value }) => rawIn(value).length > 0).map(({ path, value }) => `${path}\n${value}`));
}

describe('no raw personal data at rest or in logs, from a seeded corpus', () => {
  let recorder: ChannelRecorder;
  beforeAll(async () => {
    recorder = await new ChannelRecorder().start();
  });
  afterAll(async () => recorder.stop());

  it('sends enough of the corpus to mean something', () => {
    expect(new Set(samples.map((s) => s.kind))).toEqual(new Set(['ssn', 'card', 'dob', 'email', 'phone', 'address', 'zip', 'name']));
    expect(raws.length).toBeGreaterThan(15);
  });

  it('memory mode: nothing in the stores and nothing logged, apart from the callback contact', async () => {
    const running = await start({});
    try {
      const before = memoryBaseline(running.app);
      await sendCorpus(running, recorder);
      expect(rawInMemory(running.app, before)).toEqual([]);
      expect(rawIn(running.logs())).toEqual([]);
    } finally {
      await running.stop();
    }
  });

  (redisAvailable ? it : it.skip)('Redis mode: no key holds raw PII, apart from the callback contact, and nothing logged', async () => {
    const prefix = uniquePrefix('piiatrest');
    const running = await start({ REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix, TRANSCRIPT_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    const redis = connectTestRedis();
    try {
      await sendCorpus(running, recorder);
      const leaks: string[] = [];
      let cursor = '0';
      let scanned = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          scanned += 1;
          for (const [field, value] of await valuesOf(redis, key)) {
            const hits = rawIn(value);
            const where = `${key} ${field}`;
            if (hits.length > 0 && !allowedAtRest.redisFields.some((allowed) => allowed.test(where))) leaks.push(`${where}: ${hits.join(', ')}`);
          }
        }
      } while (cursor !== '0');
      expect(scanned).toBeGreaterThan(20);
      expect(leaks).toEqual([]);
      expect(rawIn(running.logs())).toEqual([]);
    } finally {
      await running.stop();
      await cleanupRedis(redis, prefix);
    }
  });
});

/** Every value stored under a key, as [field, value] pairs whatever the key's type. */
async function valuesOf(redis: ReturnType<typeof connectTestRedis>, key: string): Promise<Array<[string, string]>> {
  const type = await redis.type(key);
  if (type === 'string') return [['', (await redis.get(key)) ?? '']];
  if (type === 'hash') return Object.entries(await redis.hgetall(key));
  if (type === 'list') return (await redis.lrange(key, 0, -1)).map((v, i) => [String(i), v]);
  if (type === 'set') return (await redis.smembers(key)).map((v) => ['', v]);
  if (type === 'zset') return (await redis.zrange(key, '0', '-1')).map((v) => ['', v]);
  return [];
}
