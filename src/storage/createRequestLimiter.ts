import type { RedisConnection } from './redis/redisConnection';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { LimitSpec, RateDecision, RequestLimiter, RequestLimiterFactory } from '../http/rateLimit/requestLimiter';
import type { KeyRegistry } from './keys';
import { runRedis } from './redis/runRedis';

function decisionOf(outcome: unknown): RateDecision {
  if (outcome instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
  throw outcome;
}

class FlexibleLimiter implements RequestLimiter {
  constructor(
    private readonly limiter: RateLimiterMemory | RateLimiterRedis,
    /** Opens the shared connection when it is still lazy (its offline queue is off, so a command would fail). */
    private readonly connected: () => Promise<void> = async () => undefined,
  ) {}

  async take(key: string): Promise<RateDecision> {
    await this.connected();
    try {
      await this.limiter.consume(key, 1);
      return { allowed: true };
    } catch (outcome) {
      return decisionOf(outcome);
    }
  }
}

/** Limiters from `rate-limiter-flexible` with one budget per process (the memory state ports). */
export function memoryRequestLimiters(): RequestLimiterFactory {
  return (spec: LimitSpec) => new FlexibleLimiter(new RateLimiterMemory({ points: spec.points, duration: spec.durationSeconds, keyPrefix: spec.name }));
}

/**
 * Limiters with one budget shared by every process through Redis (fixed windows, each key with its
 * TTL), falling back to a per-process budget while Redis is unreachable (so an outage neither opens
 * the gates nor fails requests).
 */
export function redisRequestLimiters(redis: RedisConnection, keys: KeyRegistry): RequestLimiterFactory {
  return (spec: LimitSpec) => {
    const options = { points: spec.points, duration: spec.durationSeconds };
    return new FlexibleLimiter(
      new RateLimiterRedis({
        ...options,
        storeClient: redis,
        keyPrefix: keys.rateLimit(spec.name),
        insuranceLimiter: new RateLimiterMemory({ ...options, keyPrefix: spec.name }),
      }),
      // Unreachable Redis is not an error here: the insurance limiter answers instead.
      () => runRedis(redis, async () => undefined).catch(() => undefined),
    );
  };
}
