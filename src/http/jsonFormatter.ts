import type { Request, Response } from 'restify';
import { errorRegistry } from '../errors';

/**
 * restify's JSON formatter, minus its failure path: when a body cannot be serialized, restify logs
 * the whole request and sends an empty 500. Here the caller gets the registry's INTERNAL body and
 * nothing about the request is logged.
 */
export function formatJson(_req: Request, res: Response, body: unknown): string {
  let data: string;
  try {
    data = body === undefined ? 'null' : (JSON.stringify(body) ?? 'null');
  } catch {
    res.statusCode = errorRegistry.INTERNAL.status;
    data = JSON.stringify({ error: { code: 'INTERNAL', message: errorRegistry.INTERNAL.user } });
  }
  res.setHeader('Content-Length', Buffer.byteLength(data));
  return data;
}
