import type { Middleware, TurnContext } from 'botbuilder';
import type { DedupeStore } from '../../storage/ports';
import { turnLogger } from '../turnLogger';

/** A retried webhook (same channel + activity id) is processed once. */
export class DedupeMiddleware implements Middleware {
  constructor(
    private readonly dedupe: DedupeStore,
    private readonly ttlSeconds: number,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, channelId, conversation } = context.activity;
    if (!id) return next();
    const key = `${channelId}:${conversation?.id ?? ''}:${id}`;
    if (!(await this.dedupe.firstSeen(key, this.ttlSeconds))) {
      turnLogger(context)?.info('duplicate activity ignored');
      return;
    }
    try {
      await next();
    } catch (error) {
      // The turn failed, so let the channel's retry through instead of swallowing it.
      await this.dedupe.forget(key).catch(() => undefined);
      throw error;
    }
  }
}
