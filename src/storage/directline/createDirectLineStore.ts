import type Redis from 'ioredis';
import type { TextSealer } from '../../privacy/textSealer';
import type { KeyRegistry } from '../keys';
import type { DirectLineStore, DirectLineStoreOptions } from './directLineStore';
import { MemoryDirectLineStore } from './memoryDirectLineStore';
import { RedisDirectLineStore } from './redisDirectLineStore';
import { SealedDirectLineStore } from './sealedDirectLineStore';

/**
 * Redis when a client is given (many processes share the history), otherwise the memory twin; either
 * way texts are kept redacted, with the words as written sealed when a sealer is given.
 */
export function createDirectLineStore(
  options: DirectLineStoreOptions & { readonly redis?: { client: Redis; keys: KeyRegistry }; readonly sealer?: TextSealer },
): DirectLineStore {
  const { redis, sealer, ...bounds } = options;
  const store = redis ? new RedisDirectLineStore(redis.client, redis.keys, bounds) : new MemoryDirectLineStore(bounds);
  return new SealedDirectLineStore(store, sealer);
}
