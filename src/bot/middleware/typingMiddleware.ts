import { ActivityTypes, Channels, type Middleware, type TurnContext } from 'botbuilder';
import { type HumanSide, ownerThisTurn } from '../humanSide';

/** Channels whose clients show a typing indicator while the bot works. */
const showsTyping = new Set<string>([Channels.Webchat, Channels.Directline, Channels.Msteams, Channels.Emulator]);

/**
 * Shows "typing…" while the bot works on a message, but never while a human owns the chat (the
 * agent's console, not the bot, is who the customer waits for), and never in expectReplies
 * responses, where it would only be noise.
 */
export class TypingMiddleware implements Middleware {
  constructor(private readonly humans: HumanSide) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const wanted =
      activity.type === ActivityTypes.Message &&
      activity.deliveryMode !== 'expectReplies' &&
      showsTyping.has(activity.channelId) &&
      (await ownerThisTurn(context, this.humans)) === 'bot';
    if (wanted) await context.sendActivity({ type: ActivityTypes.Typing });
    await next();
  }
}
