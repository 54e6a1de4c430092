import type { Middleware, TurnContext } from 'botbuilder';
import type { ConversationLock } from '../../storage/ports';
import { turnLogger } from '../turnLogger';

/**
 * Serializes turns of one conversation across processes, so two simultaneous messages never
 * read-modify-write the same state.
 */
export class ConversationLockMiddleware implements Middleware {
  constructor(
    private readonly locks: ConversationLock,
    private readonly options: { ttlMs: number; waitMs: number },
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return next();
    const handle = await this.locks.acquire(conversationId, this.options);
    try {
      await next();
    } finally {
      // The turn's work is done (or has failed on its own): a release that cannot reach Redis must not turn it
      // into a retryable failure, which the channel would retry and so do the work twice. The lock expires by its TTL.
      await handle.release().catch((error: unknown) => {
        turnLogger(context)?.warn({ err: { message: (error as Error).message } }, 'could not release the conversation lock');
      });
    }
  }
}
