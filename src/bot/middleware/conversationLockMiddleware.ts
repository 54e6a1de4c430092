import type { Middleware, TurnContext } from 'botbuilder';
import type { ConversationLock } from '../../storage/ports';

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
      await handle.release();
    }
  }
}
