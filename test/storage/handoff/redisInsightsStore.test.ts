import { RedisInsightsStore } from '../../../src/storage/handoff/redisInsightsStore';
import { createKeyRegistry } from '../../../src/storage/keys';
import { insightsContract } from '../../handoff/insightsContract';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisInsightsStore', () => {
  insightsContract('redis', async (maxItems) => {
    const prefix = uniquePrefix('insights');
    const redis = connectTestRedis();
    return {
      store: new RedisInsightsStore(redis, createKeyRegistry(prefix), { maxItems, ttlSeconds: 600 }),
      close: () => cleanupRedis(redis, prefix),
    };
  });

  it('keeps every part under the conversation hash tag with the retention TTL', async () => {
    const prefix = uniquePrefix('insights');
    const keys = createKeyRegistry(prefix);
    const redis = connectTestRedis();
    const store = new RedisInsightsStore(redis, keys, { maxItems: 5, ttlSeconds: 600 });
    await store.append('c9', {
      at: '2025-03-03T15:00:00.000Z',
      intent: { intent: 'a.b', confidence: 1 },
      slots: { x: 1 },
      frustrationReasons: ['caps'],
      lookups: [{ kind: 'k', summary: 's' }],
      form: { form: 'f', completed: 0, total: 2 },
    });
    for (const part of ['intents', 'slots', 'reasons', 'lookups', 'form']) {
      const key = keys.insights('c9', part);
      expect(key).toContain('{conv:c9}');
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(590);
    }
    await cleanupRedis(redis, prefix);
  });
});
