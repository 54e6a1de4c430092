import type Redis from 'ioredis';
import { createKeyRegistry } from '../../../src/storage/keys';
import { RedisDirectLineStore } from '../../../src/storage/directline/redisDirectLineStore';
import { createRedisClient } from '../../../src/storage/redis/redisClient';
import { silentLogger } from '../../../src/observability/logger';
import { cleanupRedis, describeRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import { call, startDirectLineServer, testSecret, type DirectLineTestServer } from './directLineHarness';

type Page = { activities: { text?: string; from: { role: string } }[]; watermark: string };

describe('Direct Line with a Bot Framework app id configured (Teams deployments)', () => {
  let app: DirectLineTestServer;
  beforeAll(async () => {
    app = await startDirectLineServer({
      env: { MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'not-a-real-password' },
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('still runs web chat turns: our own channel is trusted without a Bot Framework JWT', async () => {
    const started = await call(`${app.url}/v3/directline/conversations`, { method: 'POST', auth: testSecret });
    expect(started.status).toBe(201);
    const { conversationId, token } = started.json as { conversationId: string; token: string };
    await call(`${app.url}/v3/directline/conversations/${conversationId}/activities`, { auth: token, body: { type: 'message', text: 'hello' } });
    const page = (await call(`${app.url}/v3/directline/conversations/${conversationId}/activities`, { auth: token })).json as Page;
    expect(page.activities.map((a) => a.text)).toEqual(['Welcome! Ask me anything.', 'hello', 'Echo: hello']);
    // /api/messages keeps demanding a JWT.
    const direct = await call(`${app.url}/api/messages`, {
      body: { type: 'message', text: 'hi', channelId: 'webchat', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c' }, from: { id: 'u' } },
    });
    // A web chat conversation takes activities only through Direct Line, whatever credentials come with them.
    expect(direct.status).toBe(403);
  });
});

describeRedis('Direct Line across two processes sharing Redis and DIRECTLINE_SECRET', () => {
  const prefix = uniquePrefix('dlscale');
  let redis: Redis;
  let a: DirectLineTestServer;
  let b: DirectLineTestServer;

  beforeAll(async () => {
    redis = createRedisClient(testRedisUrl, silentLogger);
    const store = () => new RedisDirectLineStore(redis, createKeyRegistry(prefix), { historyMax: 500, ttlSeconds: 600 });
    a = await startDirectLineServer({ store: store() });
    b = await startDirectLineServer({ store: store() });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await cleanupRedis(redis, prefix);
  });

  it('starts on one process, posts on the other, and either one serves the poll', async () => {
    const session = a.directLine.newChatSession();
    expect((await call(`${a.url}/v3/directline/conversations`, { method: 'POST', auth: session.token })).status).toBe(201);
    const posted = await call(`${b.url}/v3/directline/conversations/${session.conversationId}/activities`, {
      auth: session.token,
      body: { type: 'message', text: 'across' },
    });
    expect(posted.status).toBe(200);
    for (const server of [a, b]) {
      const page = (await call(`${server.url}/v3/directline/conversations/${session.conversationId}/activities`, { auth: session.token }))
        .json as Page;
      expect(page.activities.map((x) => x.text)).toEqual(['Welcome! Ask me anything.', 'across', 'Echo: across']);
      expect(page.watermark).toBe('3');
    }
  });
});
