import { TokenBucketLimiter } from '../../../src/http/agent/rateLimiter';

describe('TokenBucketLimiter', () => {
  function limiter(perSecond: number, burst: number, idleMs?: number) {
    let now = 1_000_000;
    const bucket = new TokenBucketLimiter({ perSecond, burst, clock: () => now, ...(idleMs !== undefined ? { idleMs } : {}) });
    return { bucket, advance: (ms: number) => (now += ms) };
  }

  it('allows a burst, then refuses with the seconds until the next token', () => {
    const { bucket } = limiter(2, 3);
    expect([1, 2, 3].map(() => bucket.take('a').allowed)).toEqual([true, true, true]);
    expect(bucket.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the sustained rate and never above the burst', () => {
    const { bucket, advance } = limiter(2, 3);
    for (let i = 0; i < 3; i += 1) bucket.take('a');
    advance(500);
    expect(bucket.take('a').allowed).toBe(true);
    expect(bucket.take('a').allowed).toBe(false);
    advance(60_000);
    expect([1, 2, 3, 4].map(() => bucket.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('keeps one budget per key', () => {
    const { bucket } = limiter(1, 1);
    expect(bucket.take('a').allowed).toBe(true);
    expect(bucket.take('a').allowed).toBe(false);
    expect(bucket.take('b').allowed).toBe(true);
  });

  it('reports a longer wait when the rate is slow', () => {
    const { bucket } = limiter(0.1, 1);
    bucket.take('a');
    expect(bucket.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('forgets idle keys so memory stays bounded by active agents', () => {
    const { bucket, advance } = limiter(1, 1, 1000);
    bucket.take('a');
    bucket.take('b');
    expect(bucket.size).toBe(2);
    advance(5000);
    bucket.take('c');
    expect(bucket.size).toBe(1);
  });
});
