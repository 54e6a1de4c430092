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
