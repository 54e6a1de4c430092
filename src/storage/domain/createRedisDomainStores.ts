import type Redis from 'ioredis';
import type { DomainStores } from '../../domain/createDomainServices';
import type { KeyRegistry } from '../keys';
import { RedisBookingStore } from './redisBookingStore';
import { RedisIntakeStore } from './redisIntakeStore';

/** Redis-backed stores for `createDomainServices({ stores })` when REDIS_URL is set. */
export function createRedisDomainStores(redis: Redis, keys: KeyRegistry, options: { now?: () => Date } = {}): DomainStores {
  return {
    bookings: new RedisBookingStore(redis, keys),
    intake: new RedisIntakeStore(redis, keys, options.now ? { now: options.now } : {}),
  };
}
