import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { type HumanSide, mayTalkWhileHumanOwned } from '../humanSide';
import { turnLogger } from '../turnLogger';

/** Typing and traces never speak for the bot; everything else is checked. */
const harmless = new Set<string>([ActivityTypes.Typing, ActivityTypes.Trace]);

/**
 * Enforced at send time, on every turn including proactive ones: while a human owns the
 * conversation, nothing leaves in the bot's name, whichever dialog, timer or process tries.
 */
export class OutboundGuardMiddleware implements Middleware {
  constructor(private readonly humans: HumanSide) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const conversationId = ctx.activity.conversation?.id;
      if (!conversationId || mayTalkWhileHumanOwned(ctx)) return sendNext();
      if (activities.every((a) => harmless.has(a.type ?? ''))) return sendNext();
      if (!(await this.humans.isHumanOwned(conversationId))) return sendNext();
      turnLogger(ctx)?.info({ dropped: activities.length }, 'bot output suppressed: a human owns this conversation');
      return activities.map(() => ({ id: '' }));
    });
    await next();
  }
}
