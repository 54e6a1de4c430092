import { ActivityTypes, type Activity, type Middleware, type TranscriptStore, type TurnContext } from 'botbuilder';
import { turnLogger } from '../turnLogger';

const logged = new Set<string>([ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.ConversationUpdate, ActivityTypes.EndOfConversation]);

/**
 * Records inbound and outbound activities in the transcript store (which keeps a redacted copy).
 * Inbound is written before the bot runs so that a message is never lost, even if the turn fails.
 */
export class TranscriptMiddleware implements Middleware {
  constructor(private readonly store: TranscriptStore) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const inbound = context.activity;
    if (logged.has(inbound.type)) {
      await this.store.logActivity(stamp({ ...inbound, from: { ...inbound.from, role: 'user' } }, inbound.timestamp));
    }
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const responses = await sendNext();
      for (const activity of activities) {
        if (!logged.has(activity.type ?? '')) continue;
        const full = {
          ...activity,
          from: { ...(activity.from ?? inbound.recipient), role: 'bot' },
          conversation: activity.conversation ?? inbound.conversation,
          channelId: activity.channelId ?? inbound.channelId,
        } as Activity;
        try {
          await this.store.logActivity(stamp(full, undefined));
        } catch (error) {
          turnLogger(ctx)?.warn({ err: error }, 'transcript write failed');
        }
      }
      return responses;
    });
    await next();
  }
}

function stamp(activity: Partial<Activity>, timestamp: Date | string | undefined): Activity {
  return { ...activity, timestamp: timestamp ? new Date(timestamp) : new Date() } as Activity;
}
