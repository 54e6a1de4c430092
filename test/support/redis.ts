import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Redis suites run against the real server. Locally they are skipped (with a note) when nothing
 * answers; in CI (CI=true) they always run, so a missing Redis fails them instead of hiding them.
 */
export const redisAvailable = process.env.CI === 'true' || process.env.TANDEM_TEST_REDIS !== 'down';

export const describeRedis: jest.Describe = redisAvailable ? describe : describe.skip;

/** A unique key prefix per suite, so parallel runs never see each other's keys. */
export function uniquePrefix(label: string): string {
  return `t${label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 12)}${randomUUID().slice(0, 8)}`;
}

export function connectTestRedis(): Redis {
  return new Redis(testRedisUrl, { maxRetriesPerRequest: 1, lazyConnect: false, enableOfflineQueue: true });
}

/** Deletes every key under `<prefix>:*` and closes the client. */
export async function cleanupRedis(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}
