import { MemoryDirectLineStore } from '../../../src/storage/directline/memoryDirectLineStore';
import { RedisDirectLineStore } from '../../../src/storage/directline/redisDirectLineStore';
import { describeRedis } from '../../support/redis';
import { useRedisFixture } from '../redisFixture';
import { directLineStoreContract } from './directLineStoreContract';

describe('MemoryDirectLineStore', () => {
  directLineStoreContract((options) => new MemoryDirectLineStore(options));

  it('drops the oldest conversations beyond maxConversations', async () => {
    const store = new MemoryDirectLineStore({ historyMax: 10, ttlSeconds: 60, maxConversations: 2 });
    for (const id of ['a', 'b', 'c']) await store.create({ conversationId: id, userId: 'u', createdAt: 'now' });
    await expect(store.get('a')).resolves.toBeUndefined();
    await expect(store.get('c')).resolves.toMatchObject({ conversationId: 'c' });
  });
});

describeRedis('RedisDirectLineStore', () => {
  const fixture = useRedisFixture('directline');
  directLineStoreContract((options) => new RedisDirectLineStore(fixture.redis(), fixture.keys(), options));
});
