import { MemoryStateStorage } from '../../src/storage/memory/memoryStateStorage';
import { RedisStateStorage } from '../../src/storage/redis/redisStateStorage';
import { describeRedis } from '../support/redis';
import { storageContract } from './contracts/storageContract';
import { useRedisFixture } from './redisFixture';

describe('MemoryStateStorage', () => {
  storageContract((options) => new MemoryStateStorage(options));

  it('keeps at most maxItems, dropping the least recently written', async () => {
    const storage = new MemoryStateStorage({ maxItems: 2 });
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.write({ a: { v: 3 } });
    await storage.write({ c: { v: 4 } });
    expect(Object.keys(await storage.read(['a', 'b', 'c'])).sort()).toEqual(['a', 'c']);
  });
});

describeRedis('RedisStateStorage', () => {
  const fixture = useRedisFixture('state');
  storageContract((options) => new RedisStateStorage(fixture.redis(), fixture.keys(), options));
});
