import { setTimeout as sleep } from 'node:timers/promises';
import { RedisHandoffEventBus } from '../../../src/storage/handoff/redisHandoffEventBus';
import { RedisHandoffStore } from '../../../src/storage/handoff/redisHandoffStore';
import { RedisIdempotencyStore } from '../../../src/storage/handoff/redisIdempotencyStore';
import { RedisInsightsStore } from '../../../src/storage/handoff/redisInsightsStore';
import { RedisPresenceStore } from '../../../src/storage/handoff/redisPresenceStore';
import { RedisViewAuditLog } from '../../../src/storage/handoff/redisViewAuditLog';
import { eventBusContract, twoProcessBuses } from '../../handoff/eventBusContract';
import { handoffStoreContract } from '../../handoff/handoffStoreContract';
import { idempotencyContract } from '../../handoff/idempotencyContract';
import { insightsContract } from '../../handoff/insightsContract';
import { presenceContract } from '../../handoff/presenceContract';
import { handoffServicesSuite } from '../../handoff/handoffServicesSuite';
import { clusterBackend } from '../../handoff/support/handoffBackends';
import { FakeClock } from '../../handoff/support/fakeClock';
import { viewAuditContract } from '../../handoff/viewAuditContract';
import { describeCluster, useClusterFixture } from '../../support/clusterFixture';

// The handoff contracts on three masters, each harness with two Cluster clients as two processes would have.
describeCluster('handoff ports on a Redis Cluster of three masters', () => {
  jest.setTimeout(60_000);
  const cluster = useClusterFixture();

  handoffStoreContract('redis cluster (two clients)', async ({ handleHistory }) => {
    const keys = cluster.keys();
    const clock = new FakeClock();
    return {
      store: new RedisHandoffStore(cluster.redis(), keys, { clock: clock.now, handleHistory }),
      second: new RedisHandoffStore(cluster.connect(), keys, { clock: clock.now, handleHistory }),
      clock,
      close: async () => undefined,
    };
  });

  eventBusContract('redis cluster (two processes, each with its own subscriber)', async () => {
    const channel = cluster.keys().handoffEvents;
    // The fixture closes the clients with the cluster.
    return twoProcessBuses(
      new RedisHandoffEventBus(cluster.connect(), cluster.subscriber(), channel),
      new RedisHandoffEventBus(cluster.connect(), cluster.subscriber(), channel),
    );
  });

  presenceContract('redis cluster (two clients)', async (ttlMs) => {
    const keys = cluster.keys();
    return {
      store: new RedisPresenceStore(cluster.redis(), keys, ttlMs),
      second: new RedisPresenceStore(cluster.connect(), keys, ttlMs),
      elapse: async (ms) => {
        await sleep(ms);
      },
      close: async () => undefined,
    };
  });

  idempotencyContract('redis cluster (two clients)', async () => {
    const keys = cluster.keys();
    return {
      store: new RedisIdempotencyStore(cluster.redis(), keys),
      second: new RedisIdempotencyStore(cluster.connect(), keys),
      elapse: async (ms) => {
        await sleep(ms);
      },
      close: async () => undefined,
    };
  });

  insightsContract('redis cluster', async (maxItems) => ({
    store: new RedisInsightsStore(cluster.redis(), cluster.keys(), { maxItems, ttlSeconds: 600 }),
    close: async () => undefined,
  }));

  handoffServicesSuite('redis cluster, two processes', clusterBackend(cluster));

  viewAuditContract('redis cluster (two clients)', async (options) => {
    const keys = cluster.keys();
    return {
      log: new RedisViewAuditLog(cluster.redis(), keys, options),
      second: new RedisViewAuditLog(cluster.connect(), keys, options),
      elapse: async (ms) => {
        await sleep(ms);
      },
      close: async () => undefined,
    };
  });
});
