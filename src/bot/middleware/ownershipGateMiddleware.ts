import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { matchCommand } from '../../../dialogs/commands';
import type { CancelReader } from '../cancelReader';
import { readsAsFalseAlarm } from '../../../dialogs/answers/falseAlarm';
import { allowWhileHumanOwned, type HumanSide, markWayBack, ownerChangedThisTurn, ownerThisTurn } from '../humanSide';
import { getSafetyScreening } from '../safetyScreening';
import { readWaitingTalk } from '../waitingTalk';

const queueQuestion = /\b(where am i|my (place|position|spot)|position in (the )?(queue|line)|how (much )?long|how many (people )?(are )?(ahead|before)|wait(ing)? time|still waiting|any(one|body) there)\b/i;
const cancelWaiting = /^(cancel( waiting| the (chat|request))?|stop waiting|leave (the )?(queue|line)|never ?mind|i no longer need (help|an agent|a human))$/i;

/**
 * Runs before any dialog, after safety. While a human owns the conversation, the user's message goes to the agent
 * side and the bot does not run; the user may still ask for their place in the queue or cancel, in any
 * wording the NLU reads as "stop" (`readsAsCancel`), and say that an emergency alarm was false (the
 * wait it started ends, and the bot offers what it interrupted).
 */
export class OwnershipGateMiddleware implements Middleware {
  constructor(
    private readonly humans: HumanSide,
    private readonly readsAsCancel: CancelReader = () => false,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const conversationId = activity.conversation?.id;
    if (activity.type !== ActivityTypes.Message || !conversationId) return next();
    const owner = await ownerThisTurn(context, this.humans);
    if (owner === 'bot') return next();

    const text = (activity.text ?? '').trim();
    const normalized = text.toLowerCase().replace(/[.!?]+$/u, '');
    allowWhileHumanOwned(context);
    // In line, the wait itself is talked about in any wording; with an agent, only plain words end the chat.
    const aboutWait = owner === 'queued' ? readWaitingTalk(text) : undefined;
    if (aboutWait === 'cancel' || cancelWaiting.test(normalized) || matchCommand(text) === 'cancel' || this.readsAsCancel(text, getSafetyScreening(context))) {
      await context.sendActivity(await this.humans.cancelWaiting(conversationId));
      ownerChangedThisTurn(context, 'bot');
      return;
    }
    const screening = getSafetyScreening(context);
    if (!screening?.isEmergency && readsAsFalseAlarm(text)) {
      const withdrawn = await this.humans.withdrawEmergency(conversationId);
      if (withdrawn) await context.sendActivity(withdrawn.customerMessage);
      if (withdrawn?.waitEnded) {
        // The bot takes the conversation back and offers what the emergency interrupted.
        ownerChangedThisTurn(context, 'bot');
        markWayBack(context);
        return next();
      }
      if (withdrawn) return this.humans.forwardUserMessage(conversationId, text, new Date().toISOString());
    }
    if (aboutWait === 'position' || queueQuestion.test(normalized)) {
      await context.sendActivity(await this.humans.queueStatus(conversationId));
    } else if (aboutWait === 'askedAgain') {
      await context.sendActivity(`You're already waiting for a person. ${await this.humans.queueStatus(conversationId)}`);
    }
    await this.humans.forwardUserMessage(conversationId, text, new Date().toISOString());
  }
}
