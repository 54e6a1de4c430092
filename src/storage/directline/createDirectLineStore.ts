import type Redis from 'ioredis';
import type { KeyRegistry } from '../keys';
import type { DirectLineStore, DirectLineStoreOptions } from './directLineStore';
import { MemoryDirectLineStore } from './memoryDirectLineStore';
import { RedisDirectLineStore } from './redisDirectLineStore';

/** Redis when a client is given (many processes share the history), otherwise the memory twin. */
export function createDirectLineStore(
  options: DirectLineStoreOptions & { readonly redis?: { client: Redis; keys: KeyRegistry } },
): DirectLineStore {
  const { redis, ...bounds } = options;
  return redis ? new RedisDirectLineStore(redis.client, redis.keys, bounds) : new MemoryDirectLineStore(bounds);
}
