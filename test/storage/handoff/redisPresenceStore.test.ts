import { setTimeout as sleep } from 'node:timers/promises';
import { RedisPresenceStore } from '../../../src/storage/handoff/redisPresenceStore';
import { createKeyRegistry } from '../../../src/storage/keys';
import { presenceContract } from '../../handoff/presenceContract';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisPresenceStore', () => {
  presenceContract('redis (two clients)', async (ttlMs) => {
    const prefix = uniquePrefix('presence');
    const keys = createKeyRegistry(prefix);
    const a = connectTestRedis();
    const b = connectTestRedis();
    return {
      store: new RedisPresenceStore(a, keys, ttlMs),
      second: new RedisPresenceStore(b, keys, ttlMs),
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
