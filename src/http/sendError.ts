import type { Response } from 'restify';
import { errorRegistry, type ErrorCode } from '../errors';

/** Seconds a client should wait before retrying a 503. */
export const retryAfterSeconds = 1;

/** Every API error has the same body: `{error: {code, message}}`, with a user-safe message. */
export function sendError(res: Response, code: ErrorCode, reason?: string): void {
  const entry = errorRegistry[code];
  res.status(entry.status);
  // Every 503 is retryable (errors.ts isRetryable): tell the client when.
  if (entry.status === 503) res.setHeader('retry-after', String(retryAfterSeconds));
  res.json({ error: { code, message: reason ?? entry.user } });
}
