import type Redis from 'ioredis';
import { silentLogger } from '../../src/observability/logger';
import { createKeyRegistry } from '../../src/storage/keys';
import { MemoryStateStorage } from '../../src/storage/memory/memoryStateStorage';
import { createRedisClient } from '../../src/storage/redis/redisClient';
import { RedisStateStorage } from '../../src/storage/redis/redisStateStorage';
import { cleanupRedis, describeRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { storageContract } from './contracts/storageContract';

describe('MemoryStateStorage', () => {
  storageContract((options) => new MemoryStateStorage(options));
});

describeRedis('RedisStateStorage', () => {
  const prefix = uniquePrefix('state');
  let redis: Redis;
  let n = 0;

  beforeAll(() => {
    redis = createRedisClient(testRedisUrl, silentLogger);
  });

  afterAll(async () => {
    await cleanupRedis(redis, prefix); // also closes the client
  });

  // A fresh key namespace per test keeps tests independent; cleanup removes all of them by prefix.
  storageContract((options) => new RedisStateStorage(redis, createKeyRegistry(`${prefix}:${(n += 1)}`), options));
});
