import { handoffServiceSuite } from '../../handoff/handoffServiceSuite';
import { redisBackend } from '../../handoff/support/handoffBackends';
import { describeRedis } from '../../support/redis';

describeRedis('HandoffService on Redis', () => {
  handoffServiceSuite('redis, two processes', redisBackend);
});
