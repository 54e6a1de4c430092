import type { Response } from 'restify';
import { errorRegistry, type ErrorCode } from '../errors';

/** Every API error has the same body: `{error: {code, message}}`, with a user-safe message. */
export function sendError(res: Response, code: ErrorCode, reason?: string): void {
  const entry = errorRegistry[code];
  res.status(entry.status);
  res.json({ error: { code, message: reason ?? entry.user } });
}
