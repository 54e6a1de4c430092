import { MemoryConversationLock } from '../../src/storage/memory/memoryConversationLock';
import { RedisConversationLock } from '../../src/storage/redis/redisConversationLock';
import { describeRedis } from '../support/redis';
import { conversationLockContract } from './contracts/conversationLockContract';
import { useRedisFixture } from './redisFixture';

describe('MemoryConversationLock', () => {
  conversationLockContract(() => new MemoryConversationLock());

  it('serves waiters in arrival order', async () => {
    const locks = new MemoryConversationLock();
    const order: number[] = [];
    const first = await locks.acquire('c', { ttlMs: 5000, waitMs: 0 });
    const waiters = [1, 2, 3].map((i) =>
      locks.acquire('c', { ttlMs: 5000, waitMs: 2000 }).then(async (h) => {
        order.push(i);
        await h.release();
      }),
    );
    await first.release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });
});

describeRedis('RedisConversationLock', () => {
  const fixture = useRedisFixture('lock');
  conversationLockContract(() => new RedisConversationLock(fixture.redis(), fixture.keys()));

  it('is shared by two lock objects on the same keys, as two processes would be', async () => {
    const keys = fixture.keys();
    const a = new RedisConversationLock(fixture.redis(), keys);
    const b = new RedisConversationLock(fixture.redis(), keys);
    const held = await a.acquire('c', { ttlMs: 5000, waitMs: 0 });
    await expect(b.acquire('c', { ttlMs: 5000, waitMs: 100 })).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
    await held.release();
    const next = await b.acquire('c', { ttlMs: 5000, waitMs: 0 });
    await next.release();
  });
});
