import { RedisIntakeStore } from '../../../src/storage/domain/redisIntakeStore';
import { createKeyRegistry } from '../../../src/storage/keys';
import { intakeStoreContract } from '../../domain/intake/intakeStoreContract';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisIntakeStore', () => {
  intakeStoreContract('redis (two clients)', async () => {
    const prefix = uniquePrefix('intake');
    const keys = createKeyRegistry(prefix);
    const a = connectTestRedis();
    const b = connectTestRedis();
    let nowMs = Date.parse('2025-06-15T12:00:00Z');
    const now = () => new Date(nowMs);
    return {
      store: new RedisIntakeStore(a, keys, { now }),
      second: new RedisIntakeStore(b, keys, { now }),
      advance: (ms) => {
        nowMs += ms;
      },
      close: async () => {
        await b.quit();
        await cleanupRedis(a, prefix);
      },
    };
  });

  it('drops expired records from the list and sets a TTL on each record', async () => {
    const prefix = uniquePrefix('intakettl');
    const redis = connectTestRedis();
    try {
      const keys = createKeyRegistry(prefix);
      const store = new RedisIntakeStore(redis, keys, { ttlSeconds: 60 });
      const legal = {
        kind: 'legal' as const,
        conflicts: [],
        data: {
          fullName: 'Sam Rivera',
          email: 'sam@example.com',
          phone: '+13125550178',
          matterType: 'housing' as const,
          otherParties: [],
          summary: 'My landlord is withholding my deposit after I moved out.',
          urgency: 'routine' as const,
          consent: true as const,
        },
      };
      const { id } = await store.save(legal);
      const { id: gone } = await store.save(legal);
      expect(await redis.ttl(keys.intakeRecord(id))).toBeGreaterThan(0);
      await redis.del(keys.intakeRecord(gone));
      expect((await store.list()).map((r) => r.id)).toEqual([id]);
      expect(await redis.zrange(keys.intakeIndex('legal'), '0', '-1')).toEqual([id]);
    } finally {
      await cleanupRedis(redis, prefix);
    }
  });
});
