import { setTimeout as sleep } from 'node:timers/promises';
import { RedisViewAuditLog } from '../../../src/storage/handoff/redisViewAuditLog';
import { createKeyRegistry } from '../../../src/storage/keys';
import { viewAuditContract } from '../../handoff/viewAuditContract';
import { cleanupRedis, connectTestRedis, describeRedis, uniquePrefix } from '../../support/redis';

describeRedis('RedisViewAuditLog', () => {
  viewAuditContract('redis (two clients)', async (options) => {
    const prefix = uniquePrefix('audit');
    const keys = createKeyRegistry(prefix);
    const [a, b] = [connectTestRedis(), connectTestRedis()];
    return {
      log: new RedisViewAuditLog(a, keys, options),
      second: new RedisViewAuditLog(b, keys, options),
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
