import { cleanupRedis, connectTestRedis, describeRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import { twoProcessesSuite } from './twoProcessesSuite';

describeRedis('two Tandem processes on one Redis: the customer on A, the agent on B', () => {
  const prefix = uniquePrefix('twoproc');
  twoProcessesSuite(async () => ({
    env: { REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: prefix },
    cleanup: () => cleanupRedis(connectTestRedis(), prefix),
  }));
});
