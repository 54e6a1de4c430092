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

/** Everything the client-side and connector-side routes share. */
export interface DirectLineChannel {
  readonly tokens: DirectLineTokens;
  readonly store: DirectLineStore;
  readonly bridge: DirectLineBotBridge;
  readonly bot: Account;
  readonly logger: Logger;
  readonly maxActivityBytes: number;
  /** DIRECTLINE_SERVICE_URL; when unset, the address the request arrived on. */
  readonly serviceUrlBase?: string;
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

/**
 * Where the bot posts replies for this conversation: our connector routes under a per-conversation
 * key. Without DIRECTLINE_SERVICE_URL the base is the local address the request arrived on, never the
 * client-supplied Host header (which would let a caller point the bot's HTTP client anywhere).
 */
export function serviceUrlFor(channel: DirectLineChannel, req: Request, conversationId: string): string {
  const base = channel.serviceUrlBase?.replace(/\/+$/, '') ?? localBase(req);
  return `${base}/connector/${channel.tokens.connectorKey(conversationId)}`;
}

function localBase(req: Request): string {
  const socket = req.socket;
  let address = socket.localAddress ?? '127.0.0.1';
  if (address.startsWith('::ffff:')) address = address.slice('::ffff:'.length);
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${socket.localPort ?? 80}`;
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
