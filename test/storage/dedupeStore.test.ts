import { MemoryDedupeStore } from '../../src/storage/memory/memoryDedupeStore';
import { RedisDedupeStore } from '../../src/storage/redis/redisDedupeStore';
import { describeRedis } from '../support/redis';
import { dedupeStoreContract } from './contracts/dedupeStoreContract';
import { useRedisFixture } from './redisFixture';

describe('MemoryDedupeStore', () => {
  dedupeStoreContract(() => new MemoryDedupeStore());

  it('stays within maxEntries by forgetting the oldest keys', async () => {
    const store = new MemoryDedupeStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await store.complete(key, 60);
    expect(store.size).toBe(3);
    await expect(store.begin('e', 1000)).resolves.toEqual({ status: 'done' });
    await expect(store.begin('a', 1000)).resolves.toMatchObject({ status: 'started' });
  });

  it('drops expired keys as new ones arrive (injected clock)', async () => {
    let now = 0;
    const store = new MemoryDedupeStore({ now: () => now });
    await store.complete('a', 1);
    await store.begin('b', 1000);
    now = 5000;
    await store.complete('c', 1);
    expect(store.size).toBe(1);
    await expect(store.begin('a', 1000)).resolves.toMatchObject({ status: 'started' });
  });
});

describeRedis('RedisDedupeStore', () => {
  const fixture = useRedisFixture('dedupe');
  dedupeStoreContract(() => new RedisDedupeStore(fixture.redis(), fixture.keys()));

  it('gives every dedupe key an expiry', async () => {
    const keys = fixture.keys();
    const store = new RedisDedupeStore(fixture.redis(), keys);
    const begun = await store.begin('webchat:c:ttl', 5000);
    expect(begun.status).toBe('started');
    expect(await fixture.redis().pttl(keys.dedupe('webchat:c:ttl'))).toBeGreaterThan(0);
    await store.complete('webchat:c:ttl', 60);
    expect(await fixture.redis().ttl(keys.dedupe('webchat:c:ttl'))).toBeGreaterThan(0);
  });
});
