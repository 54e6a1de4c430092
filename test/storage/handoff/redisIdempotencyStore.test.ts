import { setTimeout as sleep } from 'node:timers/promises';
import { RedisIdempotencyStore } from '../../../src/storage/handoff/redisIdempotencyStore';
import { createKeyRegistry } from '../../../src/storage/keys';
import { idempotencyContract } from '../../handoff/idempotencyContract';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisIdempotencyStore', () => {
  idempotencyContract('redis (two clients)', async () => {
    const prefix = uniquePrefix('idem');
    const keys = createKeyRegistry(prefix);
    const [a, b] = [connectTestRedis(), connectTestRedis()];
    return {
      store: new RedisIdempotencyStore(a, keys),
      second: new RedisIdempotencyStore(b, keys),
      elapse: async (ms) => {
        await sleep(ms);
      },
      close: async () => {
        await b.quit();
        await cleanupRedis(a, prefix);
      },
    };
  });
});
