import type { TurnContext } from 'botbuilder';
import type { HandoffState } from '../handoff/vocabulary';
import type { EmergencyCategory } from '../nlu/types';

/** Who owns a conversation right now: the bot, or a person (waiting in line for one, or chatting with one). */
export type Owner = 'bot' | 'queued' | 'assigned';

/** What the bot needs to know and do about a conversation a human owns (queued or assigned). */
export interface HumanSide {
  /** True while the conversation is queued for, or assigned to, a human. */
  isHumanOwned(conversationId: string): Promise<boolean>;
  /** Who owns the conversation, in one cheap read; a turn reads it once (`ownerThisTurn`). */
  ownerOf(conversationId: string): Promise<Owner>;
  /**
   * Emergency language while a person owns the chat: priority urgent, agents alerted. Resolves with
   * what to tell the customer, or undefined when no person owns it any more.
   */
  raiseEmergency(conversationId: string, categories: readonly EmergencyCategory[]): Promise<string | undefined>;
  /**
   * "It wasn't an emergency": ends a wait that only the emergency started, unless a person should still
   * check in (crisis language). Resolves with what to tell the customer and whether the wait ended, or
   * undefined when it does not apply (the message then goes to the agent side).
   */
  withdrawEmergency(conversationId: string): Promise<{ readonly customerMessage: string; readonly waitEnded: boolean } | undefined>;
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

const ownerKey = Symbol('tandem.ownerThisTurn');

/** The conversation's owner as this turn first read it; read once, then carried in turn state. */
export async function ownerThisTurn(context: TurnContext, humans: HumanSide): Promise<Owner> {
  const known = context.turnState.get(ownerKey) as Owner | undefined;
  if (known) return known;
  const owner = await humans.ownerOf(context.activity.conversation.id);
  context.turnState.set(ownerKey, owner);
  return owner;
}

/**
 * A transition during this turn changed who owns the conversation (the customer cancelled, the bot handed
 * over, the person let it go): later steps of the turn see the new owner without reading it again.
 */
export function ownerChangedThisTurn(context: TurnContext, owner: Owner): void {
  context.turnState.set(ownerKey, owner);
}

/** The owner a handoff state means: a person while queued or assigned, otherwise the bot. */
export function ownerOfState(state: HandoffState): Owner {
  return state === 'queued' || state === 'assigned' ? state : 'bot';
}

const wayBackKey = Symbol('tandem.wayBackAfterFalseAlarm');

/** The customer left an emergency wait that was a false alarm; the bot offers what they were doing. */
export function markWayBack(context: TurnContext): void {
  context.turnState.set(wayBackKey, true);
}

export function isWayBack(context: TurnContext): boolean {
  return context.turnState.get(wayBackKey) === true;
}
