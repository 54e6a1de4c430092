import { RedisRefillTicketStore } from '../../../src/storage/domain/redisRefillTicketStore';
import { createKeyRegistry } from '../../../src/storage/keys';
import { refillTicketStoreContract } from '../../domain/refills/refillTicketStoreContract';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisRefillTicketStore', () => {
  refillTicketStoreContract('redis (two clients)', async () => {
    const prefix = uniquePrefix('refill');
    const keys = createKeyRegistry(prefix);
    const a = connectTestRedis();
    const b = connectTestRedis();
    let nowMs = Date.parse('2026-12-02T15:00:00Z');
    const now = () => new Date(nowMs);
    const ttlSeconds = 3 * 24 * 3600;
    return {
      store: new RedisRefillTicketStore(a, keys, { now, ttlSeconds }),
      second: new RedisRefillTicketStore(b, keys, { now, ttlSeconds }),
      ttlSeconds,
      advance: (ms) => {
        nowMs += ms;
      },
      close: async () => {
        await b.quit();
        await cleanupRedis(a, prefix);
      },
    };
  });

  it('gives the ticket and the worklist keys the configured lifetime as their TTL', async () => {
    const prefix = uniquePrefix('refillttl');
    const redis = connectTestRedis();
    try {
      const keys = createKeyRegistry(prefix);
      const store = new RedisRefillTicketStore(redis, keys, { ttlSeconds: 600 });
      const { id } = await store.create({
        patientRef: 'pt-0123456789abcdef01234567',
        medication: 'metformin',
        strength: '500 mg',
        pharmacy: 'Walgreens',
        conversationId: 'conv-ttl',
        replyBy: '2026-12-08T23:00:00.000Z',
      });
      for (const key of [keys.refillTicket(id), keys.refillWorklist]) {
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(590);
        expect(ttl).toBeLessThanOrEqual(600);
      }
      expect(keys.refillTicket(id)).toMatch(/\{refill\}/);
    } finally {
      await cleanupRedis(redis, prefix);
    }
  });
});
