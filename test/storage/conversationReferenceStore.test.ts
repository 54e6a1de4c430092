import { MemoryConversationReferenceStore } from '../../src/storage/memory/memoryConversationReferenceStore';
import { RedisConversationReferenceStore } from '../../src/storage/redis/redisConversationReferenceStore';
import { describeRedis } from '../support/redis';
import { referenceStoreContract } from './contracts/referenceStoreContract';
import { useRedisFixture } from './redisFixture';

describe('MemoryConversationReferenceStore', () => {
  referenceStoreContract((options) => new MemoryConversationReferenceStore(options));

  it('stays within maxEntries by forgetting the least recently saved', async () => {
    const store = new MemoryConversationReferenceStore({ maxEntries: 2 });
    for (const id of ['c1', 'c2', 'c3']) await store.save({ conversation: { id, isGroup: false, conversationType: '', name: '' } });
    await expect(store.get('c1')).resolves.toBeUndefined();
    await expect(store.get('c3')).resolves.toBeDefined();
  });
});

describeRedis('RedisConversationReferenceStore', () => {
  const fixture = useRedisFixture('refs');
  referenceStoreContract((options) => new RedisConversationReferenceStore(fixture.redis(), fixture.keys(), options));
});
