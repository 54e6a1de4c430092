import { MemoryStateStorage } from '../../src/storage/memory/memoryStateStorage';
import { RedisStateStorage } from '../../src/storage/redis/redisStateStorage';
import { describeRedis } from '../support/redis';
import { storageContract } from './contracts/storageContract';
import { useRedisFixture } from './redisFixture';

describe('MemoryStateStorage', () => {
  storageContract((options) => new MemoryStateStorage(options));
});

describeRedis('RedisStateStorage', () => {
  const fixture = useRedisFixture('state');
  storageContract((options) => new RedisStateStorage(fixture.redis(), fixture.keys(), options));
});
