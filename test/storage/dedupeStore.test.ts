import { MemoryDedupeStore } from '../../src/storage/memory/memoryDedupeStore';
import { RedisDedupeStore } from '../../src/storage/redis/redisDedupeStore';
import { describeRedis } from '../support/redis';
import { dedupeStoreContract } from './contracts/dedupeStoreContract';
import { useRedisFixture } from './redisFixture';

describe('MemoryDedupeStore', () => {
  dedupeStoreContract(() => new MemoryDedupeStore());

  it('stays within maxEntries by forgetting the oldest keys', async () => {
    const store = new MemoryDedupeStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await store.firstSeen(key, 60);
    expect(store.size).toBe(3);
    await expect(store.firstSeen('e', 60)).resolves.toBe(false);
    await expect(store.firstSeen('a', 60)).resolves.toBe(true);
  });

  it('drops expired keys as new ones arrive', async () => {
    let now = 0;
    const store = new MemoryDedupeStore({ now: () => now });
    await store.firstSeen('a', 1);
    await store.firstSeen('b', 1);
    now = 5000;
    await store.firstSeen('c', 1);
    expect(store.size).toBe(1);
  });
});

describeRedis('RedisDedupeStore', () => {
  const fixture = useRedisFixture('dedupe');
  dedupeStoreContract(() => new RedisDedupeStore(fixture.redis(), fixture.keys()));
});
