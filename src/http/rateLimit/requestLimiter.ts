import type { Request, Response } from 'restify';
import { sendError } from '../sendError';

/** Outcome of asking a limiter for one request's worth of budget. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A budget per key (a client address, a conversation, an agent), shared by every process when Redis is configured. */
export interface RequestLimiter {
  take(key: string): Promise<RateDecision>;
}

/** One named limit: at most `points` requests per key in each window of `durationSeconds`. */
export interface LimitSpec {
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

/** Builds a limiter for a spec (memory or Redis: see storage/createRequestLimiter). */
export type RequestLimiterFactory = (spec: LimitSpec) => RequestLimiter;

/** A limiter that never refuses (tests and tools that build routes without limits). */
export const unlimited: RequestLimiter = { take: async () => ({ allowed: true }) };

/**
 * Spends one request of `key`'s budget; when it is spent, answers 429 with `Retry-After` and
 * returns false, so the route stops before touching anything.
 */
export async function withinLimit(limiter: RequestLimiter, key: string, res: Response): Promise<boolean> {
  const decision = await limiter.take(key);
  if (decision.allowed) return true;
  res.setHeader('retry-after', String(decision.retryAfterSeconds));
  sendError(res, 'RATE_LIMITED');
  return false;
}

/** The caller's address as the socket sees it (a proxy in front makes every caller one address). */
export function clientAddress(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}
