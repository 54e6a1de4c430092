import type { Clock } from '../../clock';

/** Outcome of asking the limiter for one request's worth of tokens. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Sustained requests per second per key. */
  readonly perSecond: number;
  /** Requests a key may make at once after being idle. */
  readonly burst: number;
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly clock?: Clock;
  /** Keys idle this long are forgotten, so the map stays bounded by active agents. */
  readonly idleMs?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A token bucket per key (per agent), in this process's memory. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly clock: Clock;
  private readonly idleMs: number;
  private lastPrune = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.clock = options.clock ?? Date.now;
    this.idleMs = options.idleMs ?? 10 * 60_000;
  }

  take(key: string): RateDecision {
    const now = this.clock();
    this.prune(now);
    const { perSecond, burst } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  }

  /** Keys currently tracked (tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    if (now - this.lastPrune < this.idleMs) return;
    this.lastPrune = now;
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedAt >= this.idleMs) this.buckets.delete(key);
  }
}
