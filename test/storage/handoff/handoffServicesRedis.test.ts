import { handoffServicesSuite } from '../../handoff/handoffServicesSuite';
import { redisBackend } from '../../handoff/support/handoffBackends';
import { describeRedis } from '../../support/redis';

describeRedis('the handoff services on Redis', () => {
  handoffServicesSuite('redis, two processes', redisBackend);
});
