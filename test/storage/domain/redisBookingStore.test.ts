import { createKeyRegistry } from '../../../src/storage/keys';
import { RedisBookingStore } from '../../../src/storage/domain/redisBookingStore';
import { bookingStoreContract } from '../../domain/scheduling/bookingStoreContract';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisBookingStore', () => {
  bookingStoreContract('redis (two clients = two processes)', async () => {
    const prefix = uniquePrefix('booking');
    const keys = createKeyRegistry(prefix);
    const a = connectTestRedis();
    const b = connectTestRedis();
    await Promise.all([a.ping(), b.ping()]);
    return {
      store: new RedisBookingStore(a, keys),
      second: new RedisBookingStore(b, keys),
      close: async () => {
        await b.quit();
        await cleanupRedis(a, prefix);
      },
    };
  });

  it('keeps patient refs out of key names and gives every key a TTL or the {sched} tag', async () => {
    const prefix = uniquePrefix('bookingkeys');
    const redis = connectTestRedis();
    try {
      const store = new RedisBookingStore(redis, createKeyRegistry(prefix));
      await store.create({
        id: 'APT-K',
        providerId: 'prov-okafor',
        typeId: 'follow-up',
        locationId: 'loc-riverside',
        patientRef: 'patient-secret-ref',
        start: '2030-03-04T14:00:00.000Z',
        end: '2030-03-04T14:15:00.000Z',
        status: 'booked',
        createdAt: '2030-03-01T10:00:00.000Z',
        updatedAt: '2030-03-01T10:00:00.000Z',
      });
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys.length).toBe(4);
      for (const key of keys) {
        expect(key).toContain('{sched}');
        expect(key).not.toContain('patient-secret-ref');
      }
      const unitKey = keys.find((k) => k.includes(':unit:'))!;
      expect(await redis.pttl(unitKey)).toBeGreaterThan(0);
    } finally {
      await cleanupRedis(redis, prefix);
    }
  });
});
