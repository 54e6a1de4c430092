import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../../observability/logger';
import { setTurnLogger, turnLogger } from '../turnLogger';

/** Gives every turn, including proactive ones, a child logger keyed by conversation and activity. */
export class TurnLoggerMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!turnLogger(context)) {
      const { activity } = context;
      setTurnLogger(
        context,
        this.logger.child({ conversationId: activity.conversation?.id, activityId: activity.id, channelId: activity.channelId }),
      );
    }
    await next();
  }
}
