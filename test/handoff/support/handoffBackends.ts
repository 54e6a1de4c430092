import { MemoryHandoffEventBus, type HandoffEventBus } from '../../../src/handoff/events';
import type { HandoffStore } from '../../../src/handoff/handoffStore';
import { MemoryIdempotencyStore, type IdempotencyStore } from '../../../src/handoff/idempotency';
import { MemoryInsightsStore, type ConversationInsightsStore } from '../../../src/handoff/insights';
import { MemoryHandoffStore } from '../../../src/handoff/memoryHandoffStore';
import { MemoryPresenceStore, type PresenceStore } from '../../../src/handoff/presence';
import { RedisHandoffEventBus } from '../../../src/storage/handoff/redisHandoffEventBus';
import { RedisHandoffStore } from '../../../src/storage/handoff/redisHandoffStore';
import { RedisIdempotencyStore } from '../../../src/storage/handoff/redisIdempotencyStore';
import { RedisInsightsStore } from '../../../src/storage/handoff/redisInsightsStore';
import { RedisPresenceStore } from '../../../src/storage/handoff/redisPresenceStore';
import { createKeyRegistry, type KeyRegistry } from '../../../src/storage/keys';
import type { RedisConnection } from '../../../src/storage/redis/redisConnection';
import type { ClusterFixture } from '../../support/clusterFixture';
import { cleanupRedis, connectTestRedis, uniquePrefix } from '../../support/redis';
import type { FakeClock } from './fakeClock';

/** The stateful ports one process holds. */
export interface HandoffPorts {
  store: HandoffStore;
  bus: HandoffEventBus;
  presence: PresenceStore;
  insights: ConversationInsightsStore;
  idempotency: IdempotencyStore;
  /** Resolves when the bus listens (Redis subscribe is asynchronous). */
  ready(): Promise<void>;
}

/** Two "processes" over one shared state; for memory both are the same objects. */
export interface HandoffBackend {
  kind: 'memory' | 'redis';
  processes: [HandoffPorts, HandoffPorts];
  close(): Promise<void>;
}

const presenceTtlMs = 60 * 60 * 1000;

export async function memoryBackend(clock: FakeClock): Promise<HandoffBackend> {
  const ports: HandoffPorts = {
    store: new MemoryHandoffStore({ clock: clock.now, handleHistory: 50 }),
    bus: new MemoryHandoffEventBus(),
    presence: new MemoryPresenceStore(presenceTtlMs, clock.now),
    insights: new MemoryInsightsStore(50),
    idempotency: new MemoryIdempotencyStore(clock.now),
    ready: async () => undefined,
  };
  return { kind: 'memory', processes: [ports, ports], close: () => ports.bus.close() };
}

/** One process's ports over Redis: a command connection and a subscriber connection, on one key registry. */
function redisProcess(keys: KeyRegistry, clock: FakeClock, command: RedisConnection, subscriber: RedisConnection): HandoffPorts {
  const bus = new RedisHandoffEventBus(command, subscriber, keys.handoffEvents);
  return {
    store: new RedisHandoffStore(command, keys, { clock: clock.now, handleHistory: 50 }),
    bus,
    presence: new RedisPresenceStore(command, keys, presenceTtlMs),
    insights: new RedisInsightsStore(command, keys, { maxItems: 50, ttlSeconds: 3600 }),
    idempotency: new RedisIdempotencyStore(command, keys),
    ready: () => bus.ready(),
  };
}

/** Two Redis processes; `closeTransport` runs once both buses stopped listening. */
function twoRedisProcesses(a: HandoffPorts, b: HandoffPorts, closeTransport: () => Promise<unknown> = async () => undefined): HandoffBackend {
  return {
    kind: 'redis',
    processes: [a, b],
    close: async () => {
      await a.bus.close();
      await b.bus.close();
      await closeTransport();
    },
  };
}

export async function redisBackend(clock: FakeClock): Promise<HandoffBackend> {
  const prefix = uniquePrefix('hsvc');
  const keys = createKeyRegistry(prefix);
  const clients = Array.from({ length: 4 }, () => connectTestRedis());
  return twoRedisProcesses(redisProcess(keys, clock, clients[0]!, clients[1]!), redisProcess(keys, clock, clients[2]!, clients[3]!), async () => {
    await Promise.all(clients.slice(1).map((c) => c.quit()));
    await cleanupRedis(clients[0]!, prefix);
  });
}

/** Two processes on a throwaway Redis Cluster (the fixture closes the clients with the cluster). */
export function clusterBackend(cluster: ClusterFixture): (clock: FakeClock) => Promise<HandoffBackend> {
  return async (clock) => {
    const keys = cluster.keys();
    const process = () => redisProcess(keys, clock, cluster.connect(), cluster.subscriber());
    return twoRedisProcesses(process(), process());
  };
}
