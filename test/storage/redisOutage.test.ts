import type { ChildProcess } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { createStatePorts } from '../../src/storage/createStatePorts';
import type { RedisStatePorts } from '../../src/storage/redis/redisStatePorts';
import { canRunThrowawayRedis, freePort, sleep, startRedis, stopRedis } from '../support/throwawayRedis';
import { captureLogs } from './logCapture';

const describeOutage = canRunThrowawayRedis ? describe : describe.skip;

/**
 * The error code of an operation that is expected to fail. A client that queued commands while Redis is
 * away would not fail at all (it would wait for Redis), so failing is what proves "fast".
 */
async function failure(op: () => Promise<unknown>): Promise<{ code: unknown }> {
  try {
    await op();
  } catch (error) {
    return { code: (error as { code?: unknown }).code };
  }
  throw new Error('operation succeeded during the outage');
}

describeOutage('Redis outage', () => {
  let port: number;
  let server: ChildProcess | undefined;
  let backend: RedisStatePorts;
  const logs = captureLogs();

  beforeAll(async () => {
    port = await freePort();
    server = await startRedis(port);
    const created = createStatePorts(loadConfig({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: 'outage' }), { logger: logs.logger });
    if (created.kind !== 'redis') throw new Error('expected the Redis backend');
    backend = created;
  });

  afterAll(async () => {
    await backend.close();
    if (server) await stopRedis(server);
  });

  it('fails fast with STATE_UNAVAILABLE while Redis is down and recovers on the same client when it returns', async () => {
    await backend.storage.write({ k: { v: 1 } });
    await expect(backend.ping()).resolves.toBeUndefined();
    const client = backend.redis;

    if (server) await stopRedis(server);
    server = undefined;

    const attempts = [
      await failure(() => backend.storage.read(['k'])),
      await failure(() => backend.storage.write({ k: { v: 2 } })),
      await failure(() => backend.dedupe.begin('webchat:a1', 60_000)),
      await failure(() => backend.locks.acquire('conv-1', { ttlMs: 1000, waitMs: 5000 })),
      await failure(() => backend.references.get('conv-1')),
      await failure(() => backend.transcripts.getTranscriptActivities('webchat', 'conv-1')),
      await failure(() => backend.ping()),
    ];
    for (const attempt of attempts) {
      expect(attempt.code).toBe('STATE_UNAVAILABLE');
    }
    // Still failing fast a little later, while the client retries in the background.
    await sleep(1500);
    const later = await failure(() => backend.storage.read(['k']));
    expect(later).toMatchObject({ code: 'STATE_UNAVAILABLE' });

    server = await startRedis(port);
    let recovered = false;
    const deadline = Date.now() + 5000;
    while (!recovered && Date.now() < deadline) {
      recovered = await backend.storage.write({ k: { v: 3 } }).then(
        () => true,
        () => false,
      );
      if (!recovered) await sleep(100);
    }
    expect(recovered).toBe(true);
    expect(backend.redis).toBe(client);
    expect((await backend.storage.read(['k'])).k).toMatchObject({ v: 3 });
    await expect(backend.dedupe.begin('webchat:a1', 60_000)).resolves.toMatchObject({ status: 'started' });

    // One error line for the whole outage (not one per reconnect attempt), naming REDIS_URL, then one recovery line.
    const errors = logs.lines().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]?.msg)).toContain('REDIS_URL');
    expect(logs.lines().some((line) => line.level === 30 && String(line.msg).includes('reachable again'))).toBe(true);
  });

  it('times a frozen Redis out within the command timeout instead of hanging, and recovers when it thaws', async () => {
    if (!server) throw new Error('redis-server is not running');
    await backend.storage.write({ f: { v: 1 } });
    server.kill('SIGSTOP');
    try {
      const frozen = await failure(() => backend.storage.read(['f']));
      // Redis stays frozen until `finally`, so only the command timeout can end this read.
      expect(frozen.code).toBe('STATE_UNAVAILABLE');
    } finally {
      server.kill('SIGCONT');
    }
    await expect(backend.storage.read(['f'])).resolves.toMatchObject({ f: { v: 1 } });
  });
});
