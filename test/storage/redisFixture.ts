import type Redis from 'ioredis';
import { silentLogger } from '../../src/observability/logger';
import { createKeyRegistry, type KeyRegistry } from '../../src/storage/keys';
import { createRedisClient } from '../../src/storage/redis/redisClient';
import { cleanupRedis, testRedisUrl, uniquePrefix } from '../support/redis';

/**
 * Call inside a describeRedis block: opens one fail-fast client for the block, hands each test a
 * fresh key namespace under a unique prefix, and deletes every key (and closes the client) after.
 */
export function useRedisFixture(label: string): { redis: () => Redis; keys: () => KeyRegistry } {
  const prefix = uniquePrefix(label);
  let client: Redis | undefined;
  let n = 0;
  beforeAll(() => {
    client = createRedisClient(testRedisUrl, silentLogger);
  });
  afterAll(async () => {
    if (client) await cleanupRedis(client, prefix);
  });
  const redis = () => {
    if (!client) throw new Error('useRedisFixture: the client exists only inside tests');
    return client;
  };
  return { redis, keys: () => createKeyRegistry(`${prefix}:${(n += 1)}`) };
}
