import { createServer } from 'node:net';
import type { Activity } from 'botbuilder';
import { TandemError } from '../../src/errors';
import { silentLogger } from '../../src/observability/logger';
import { createStateBackend } from '../../src/storage/createStateBackend';
import { runRedis } from '../../src/storage/redis/runRedis';
import { cleanupRedis, connectTestRedis, describeRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { captureLogs } from './logCapture';

/** A port on which nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function exercise(backend: ReturnType<typeof createStateBackend>): Promise<void> {
  await backend.storage.write({ k: { v: 1 } });
  expect((await backend.storage.read(['k'])).k).toMatchObject({ v: 1 });
  await expect(backend.dedupe.begin('webchat:a1', 60_000)).resolves.toMatchObject({ status: 'started' });
  await expect(backend.dedupe.begin('webchat:a1', 60_000)).resolves.toEqual({ status: 'in_progress' });
  const lock = await backend.locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
  await lock.release();
  await backend.references.save({ conversation: { id: 'conv-1', isGroup: false, conversationType: '', name: '' } });
  await expect(backend.references.get('conv-1')).resolves.toBeDefined();
  await backend.transcripts.logActivity({
    type: 'message',
    id: 'a1',
    channelId: 'webchat',
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u', role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    text: 'call me on 555-123-4567',
  } as Activity);
  const page = await backend.transcripts.getTranscriptActivities('webchat', 'conv-1');
  expect(page.items.map((a) => a.text)).toEqual(['call me on [phone]']);
}

describe('createStateBackend without REDIS_URL', () => {
  it('builds working in-memory ports', async () => {
    const backend = createStateBackend({ keyPrefix: 'tandem', logger: silentLogger });
    expect(backend.kind).toBe('memory');
    await exercise(backend);
    await expect(backend.ping()).resolves.toBeUndefined();
    await expect(backend.close()).resolves.toBeUndefined();
  });

  it('treats an empty REDIS_URL as unset', () => {
    expect(createStateBackend({ redisUrl: '', keyPrefix: 'tandem', logger: silentLogger }).kind).toBe('memory');
  });
});

describe('createStateBackend with an unreachable REDIS_URL', () => {
  it('does not connect until used, then fails ping fast with a message naming REDIS_URL but not the password', async () => {
    const port = await closedPort();
    const logs = captureLogs();
    const backend = createStateBackend({ redisUrl: `redis://:hunter2secret@127.0.0.1:${port}`, keyPrefix: 't', logger: logs.logger });
    if (backend.kind !== 'redis') throw new Error('expected the Redis backend');
    expect(backend.redis.status).toBe('wait');
    // No offline queue: the ping is refused at once instead of waiting for a Redis that never comes.
    const failure = await backend.ping().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TandemError);
    expect(failure).toMatchObject({ code: 'STATE_UNAVAILABLE' });
    const message = (failure as Error).message;
    expect(message).toContain('REDIS_URL');
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).not.toContain('hunter2secret');

    await expect(backend.storage.read(['k'])).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });
    await expect(backend.dedupe.begin('x', 60_000)).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });
    await expect(backend.locks.acquire('c', { ttlMs: 1000, waitMs: 1000 })).rejects.toMatchObject({ code: 'STATE_UNAVAILABLE' });

    const errors = logs.lines().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.msg)).toContain('REDIS_URL');
    expect(logs.raw()).not.toContain('hunter2secret');
    await backend.close();
  });
});

describeRedis('createStateBackend with REDIS_URL', () => {
  const prefix = uniquePrefix('backend');
  afterAll(async () => {
    await cleanupRedis(connectTestRedis(), prefix);
  });

  it('builds working Redis ports that share one exposed connection', async () => {
    const backend = createStateBackend({ redisUrl: testRedisUrl, keyPrefix: prefix, logger: silentLogger });
    if (backend.kind !== 'redis') throw new Error('expected the Redis backend');
    await backend.ping();
    await exercise(backend);
    await expect(runRedis(backend.redis, () => backend.redis.exists(backend.keys.lock('conv-1')))).resolves.toBe(0);
    expect(await backend.redis.keys(`${prefix}:*`)).toEqual(expect.arrayContaining([backend.keys.dedupe('webchat:a1')]));
    await backend.close();
    expect(backend.redis.status).toBe('end');
  });

  it('hands out subscriber connections and closes them with the backend', async () => {
    const backend = createStateBackend({ redisUrl: testRedisUrl, keyPrefix: prefix, logger: silentLogger });
    if (backend.kind !== 'redis') throw new Error('expected the Redis backend');
    const subscriber = backend.createSubscriber();
    const channel = `${prefix}:events`;
    const received = new Promise<string>((resolve) => subscriber.on('message', (_channel: string, message: string) => resolve(message)));
    await subscriber.subscribe(channel);
    await runRedis(backend.redis, () => backend.redis.publish(channel, 'hello'));
    await expect(received).resolves.toBe('hello');
    await backend.close();
    expect(subscriber.status).toBe('end');
  });
});
