import type Redis from 'ioredis';
import type { DomainStores } from '../../domain/createDomainServices';
import type { KeyRegistry } from '../keys';
import { RedisBookingStore } from './redisBookingStore';
import { RedisIntakeStore } from './redisIntakeStore';
import { RedisRefillTicketStore } from './redisRefillTicketStore';

/** Redis-backed stores for `createDomainServices({ stores })` when REDIS_URL is set. */
export function createRedisDomainStores(
  redis: Redis,
  keys: KeyRegistry,
  options: { now?: () => Date; refillTicketTtlSeconds?: number } = {},
): DomainStores {
  const clock = options.now ? { now: options.now } : {};
  return {
    bookings: new RedisBookingStore(redis, keys),
    intake: new RedisIntakeStore(redis, keys, clock),
    refillTickets: new RedisRefillTicketStore(redis, keys, {
      ...clock,
      ...(options.refillTicketTtlSeconds ? { ttlSeconds: options.refillTicketTtlSeconds } : {}),
    }),
  };
}
