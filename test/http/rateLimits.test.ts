import { randomUUID } from 'node:crypto';
import { agentCall } from './agent/agentHarness';
import { cleanupRedis, connectTestRedis, describeRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { message, post, startApp, type RunningApp } from '../support/startApp';

const tightLimits = {
  RATE_LIMIT_CHAT_TOKENS_PER_MINUTE: '3',
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '2',
  RATE_LIMIT_TOKEN_REFRESHES_PER_MINUTE: '2',
  RATE_LIMIT_ACTIVITIES_PER_MINUTE: '3',
  RATE_LIMIT_MESSAGES_PER_MINUTE: '5',
  AGENT_RATE_LIMIT_PER_SECOND: '0.1',
};

async function chatToken(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl}/chat/token`, { method: 'POST' });
}

function expectLimited(response: { status: number; headers: Headers }): void {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

describe('rate limits of the anonymous endpoints and the agent API (memory)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp(tightLimits);
  });
  afterAll(async () => running.stop());

  it('limits new chat tokens per client address', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await chatToken(running.baseUrl)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expectLimited(await chatToken(running.baseUrl));
  });

  it('limits conversation creation per address, refreshes per conversation and posts per conversation', async () => {
    // The chat-token budget of this address is spent by the test above: tokens come from the secret-less page route only.
    const session = { token: running.app.config.DIRECTLINE_SECRET ?? '' };
    expect(session.token).toBe('');
    const dl = `${running.baseUrl}/v3/directline`;
    const created: Response[] = [];
    for (let i = 0; i < 3; i += 1) {
      created.push(await fetch(`${dl}/conversations`, { method: 'POST', headers: { authorization: 'Bearer not-a-token' } }));
    }
    // Forged tokens are refused before they cost anything.
    expect(created.map((r) => r.status)).toEqual([403, 403, 403]);
  });

  it('limits POST /api/messages per conversation and per address, before anything is stored', async () => {
    const conversationId = `c-${randomUUID()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(running.baseUrl, message(conversationId, 'hello'))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const other = await post(running.baseUrl, message(`c-${randomUUID()}`, 'hello'));
    expect(other.status).toBe(200);
    const byAddress = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(`c-${randomUUID()}`, 'hello')),
    });
    expectLimited(byAddress);
  });

  it('limits each agent across the API with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await agentCall(running.baseUrl, 'GET', '/api/agent/queue')).status);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses[6]).toBe(429);
    const supervisor = await agentCall(running.baseUrl, 'GET', '/api/agent/queue', { token: 'dev-supervisor-token' });
    expect(supervisor.status).toBe(200);
  });
});

describeRedis('rate limits shared by processes on one Redis', () => {
  const prefix = uniquePrefix('ratelimit');
  let a: RunningApp;
  let b: RunningApp;
  beforeAll(async () => {
    const env = { ...tightLimits, REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix, DIRECTLINE_SECRET: `s-${randomUUID()}-${randomUUID()}` };
    a = await startApp(env);
    b = await startApp(env);
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await cleanupRedis(connectTestRedis(), prefix);
  });

  it('counts one budget across processes', async () => {
    const statuses = [(await chatToken(a.baseUrl)).status, (await chatToken(b.baseUrl)).status, (await chatToken(a.baseUrl)).status];
    expect(statuses).toEqual([200, 200, 200]);
    expectLimited(await chatToken(b.baseUrl));
  });

  it('limits web chat conversations, refreshes and posts; the limit and Direct Line keys a new conversation leaves all expire', async () => {
    const dl = (base: string) => `${base}/v3/directline`;
    const redis = connectTestRedis();
    try {
      const secret = a.app.config.DIRECTLINE_SECRET!;
      const started = await fetch(`${dl(a.baseUrl)}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } });
      expect(started.status).toBe(201);
      const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
      expect((await fetch(`${dl(b.baseUrl)}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } })).status).toBe(201);
      expectLimited(await fetch(`${dl(a.baseUrl)}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } }));

      const auth = { authorization: `Bearer ${token}` };
      const refresh = (base: string) => fetch(`${dl(base)}/tokens/refresh`, { method: 'POST', headers: auth });
      expect([(await refresh(a.baseUrl)).status, (await refresh(b.baseUrl)).status]).toEqual([200, 200]);
      expectLimited(await refresh(a.baseUrl));

      const say = (base: string) =>
        fetch(`${dl(base)}/conversations/${conversationId}/activities`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'what are your opening hours?' }),
        });
      const posted = [(await say(a.baseUrl)).status, (await say(b.baseUrl)).status, (await say(a.baseUrl)).status];
      expect(posted).toEqual([200, 200, 200]);
      expectLimited(await say(b.baseUrl));

      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0');
      expect(keys.some((key) => key.includes(':ratelimit:'))).toBe(true);
      // Bot state and transcript lifetimes are the storage's (issue 11, item 3); this checks the keys the creation path writes.
      const unexpiring = [];
      for (const key of keys.filter((k) => k.includes(':ratelimit:') || k.includes(':dl:') || k.includes('directline'))) {
        if ((await redis.ttl(key)) === -1) unexpiring.push(key);
      }
      expect(unexpiring).toEqual([]);
    } finally {
      await redis.quit();
    }
  });
});
