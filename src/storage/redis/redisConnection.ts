import type { Cluster, Redis } from 'ioredis';

/** What the Redis stores run commands on: one server (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisConnection = Redis | Cluster;
