import { createMemoryStatePorts, type MemoryStatePorts } from './memory/memoryStatePorts';
import type { RedisTarget } from './redis/redisClient';
import { createRedisStatePorts, type RedisStatePorts } from './redis/redisStatePorts';
import type { StateConfig, StatePortsOptions } from './statePorts';

/** The ports `createStatePorts` chose; `kind` tells which (tools that clean up Redis need the connection). */
export type ChosenStatePorts = MemoryStatePorts | RedisStatePorts;

/** Where the state lives, from REDIS_URL or REDIS_CLUSTER_NODES (config refuses both); undefined = this process's memory. */
export function redisTargetOf(config: Pick<StateConfig, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>): RedisTarget | undefined {
  if (config.REDIS_CLUSTER_NODES !== undefined) return { clusterNodes: config.REDIS_CLUSTER_NODES };
  return config.REDIS_URL;
}

/**
 * The one place that chooses memory, Redis or Redis Cluster, for every stateful port at once; the
 * composition root and everything else take their ports from here.
 */
export function createStatePorts(config: StateConfig, options: StatePortsOptions): ChosenStatePorts {
  const target = redisTargetOf(config);
  return target === undefined ? createMemoryStatePorts(config, options) : createRedisStatePorts(target, config, options);
}
