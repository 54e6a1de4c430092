import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'restify';
import { toTandemError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { DirectLineStore } from '../../storage/directline/directLineStore';
import type { DirectLineBotBridge } from './directLineBotBridge';
import type { Account } from './directLineActivity';
import type { DirectLineTokens } from './directLineTokens';
import type { RateLimits } from '../rateLimit/rateLimits';
import { sendError } from '../sendError';

/** Everything the Direct Line routes share. */
export interface DirectLineChannel {
  readonly tokens: DirectLineTokens;
  readonly store: DirectLineStore;
  readonly bridge: DirectLineBotBridge;
  readonly bot: Account;
  readonly logger: Logger;
  readonly maxActivityBytes: number;
  /** How long a post waits for the bot's turn before answering anyway (the turn continues). */
  readonly turnWaitMs: number;
  readonly limits: Pick<RateLimits, 'chatTokensPerAddress' | 'conversationsPerAddress' | 'refreshesPerConversation' | 'activitiesPerConversation'>;
}

const conversationIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
export const userIdPattern = /^[A-Za-z0-9_.:@-]{1,128}$/;

export function newConversationId(): string {
  return randomBytes(16).toString('base64url');
}

export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

export function isConversationId(value: unknown): value is string {
  return typeof value === 'string' && conversationIdPattern.test(value);
}

export function jsonBytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body ?? null));
}

const hostPattern = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * Where the page opens its stream: the host it reached us on, `wss` when the request came over TLS (here
 * or at a proxy that says so). Both come from the caller, but they only shape the answer to that caller.
 */
export function streamUrl(req: Request, path: string): string {
  const host = req.headers.host ?? '';
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim().toLowerCase();
  const secure = req.isSecure() || forwarded === 'https';
  return `${secure ? 'wss' : 'ws'}://${hostPattern.test(host) ? host : localHost(req)}${path}`;
}

function localHost(req: Request): string {
  const socket = req.socket;
  let address = socket.localAddress ?? '127.0.0.1';
  if (address.startsWith('::ffff:')) address = address.slice('::ffff:'.length);
  return `${address.includes(':') ? `[${address}]` : address}:${socket.localPort ?? 80}`;
}

/** Turns a failure inside a handler (Redis down, a bug) into our error body instead of restify's. */
export function guarded(
  channel: Pick<DirectLineChannel, 'logger'>,
  handler: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      const failure = toTandemError(error);
      channel.logger.error({ code: failure.code, err: error, route: req.getRoute().path }, 'direct line request failed');
      if (!res.headersSent) sendError(res, failure.code);
    }
  };
}
