import type { Middleware, TurnContext } from 'botbuilder';
import { teamsChannelId } from './teamsInboundMiddleware';

/**
 * Teams gets no event activities (DESIGN §5): Teams rejects or ignores them, and `handoff.initiate`
 * carries a transcript that must not land in a Teams chat. Drops outgoing `event` activities bound
 * for msteams, in normal and proactive turns alike; everything else is sent unchanged.
 */
export class TeamsEventFilterMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, sendNext) => {
      for (let i = activities.length - 1; i >= 0; i -= 1) {
        const activity = activities[i]!;
        if (activity.type === 'event' && (activity.channelId ?? ctx.activity.channelId) === teamsChannelId) activities.splice(i, 1);
      }
      return sendNext();
    });
    await next();
  }
}
