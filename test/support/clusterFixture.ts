import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../src/observability/logger';
import { createKeyRegistry, type KeyRegistry } from '../../src/storage/keys';
import { closeRedisClient, createRedisClient, createSubscriberClient } from '../../src/storage/redis/redisClient';
import type { RedisConnection } from '../../src/storage/redis/redisConnection';
import { canRunThrowawayRedis } from './throwawayRedis';
import { startCluster, type ThrowawayCluster } from './throwawayCluster';

/** Runs a block only where a Redis Cluster can be started: locally when redis-server exists, always in CI (so a missing one fails). */
export const describeCluster: jest.Describe = canRunThrowawayRedis ? describe : describe.skip;

export interface ClusterFixture {
  /** The block's shared fail-fast Cluster client (as Tandem opens it from REDIS_CLUSTER_NODES). */
  redis(): RedisConnection;
  /** Another Cluster client, as a second process would open; closed after the block. */
  connect(): RedisConnection;
  /** A pub/sub Cluster client; closed after the block. */
  subscriber(): RedisConnection;
  /** A fresh key namespace, so tests never see each other's keys. */
  keys(): KeyRegistry;
  /** The seed nodes, as REDIS_CLUSTER_NODES would list them. */
  nodes(): string;
}

/**
 * Call inside a describeCluster block: starts three masters before its tests (the slots split between
 * them) and tears them down, with every client, after.
 */
export function useClusterFixture(masters = 3): ClusterFixture {
  let cluster: ThrowawayCluster | undefined;
  const clients: RedisConnection[] = [];
  let shared: RedisConnection | undefined;
  let n = 0;
  const running = () => {
    if (!cluster) throw new Error('useClusterFixture: the cluster exists only inside tests');
    return cluster;
  };
  const open = (client: RedisConnection) => {
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    cluster = await startCluster(masters);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((client) => closeRedisClient(client)));
    await cluster?.stop();
  });
  const connect = () => open(createRedisClient({ clusterNodes: running().nodes }, silentLogger));
  const prefix = `tcl${randomUUID().slice(0, 8)}`;
  return {
    redis: () => (shared ??= connect()),
    connect,
    subscriber: () => open(createSubscriberClient({ clusterNodes: running().nodes }, silentLogger)),
    keys: () => createKeyRegistry(`${prefix}${(n += 1)}`),
    nodes: () => running().nodes.map((node) => `${node.host}:${node.port}`).join(','),
  };
}
