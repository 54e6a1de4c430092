import type { TurnContext } from 'botbuilder';

/** What the bot needs to know and do about a conversation a human owns (queued or assigned). */
export interface HumanSide {
  /** True while the conversation is queued for, or assigned to, a human. */
  isHumanOwned(conversationId: string): Promise<boolean>;
  /** A user message while a human owns the chat: append for the agent and publish it. */
  forwardUserMessage(conversationId: string, text: string, at: string): Promise<void>;
  /** "Where am I in the queue": a user-facing answer. */
  queueStatus(conversationId: string): Promise<string>;
  /** "Cancel": leave the queue (or end the chat with the agent); a user-facing answer. */
  cancelWaiting(conversationId: string): Promise<string>;
}

const mayTalkKey = Symbol('tandem.mayTalkWhileHumanOwned');

/**
 * Lets this turn send while a human owns the conversation. Only the handoff machinery calls it:
 * agent replies, queue-status answers and the handoff confirmation itself.
 */
export function allowWhileHumanOwned(context: TurnContext): void {
  context.turnState.set(mayTalkKey, true);
}

export function mayTalkWhileHumanOwned(context: TurnContext): boolean {
  return context.turnState.get(mayTalkKey) === true;
}
