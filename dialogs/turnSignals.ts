import type { TurnContext } from 'botbuilder';
import type { IntentMetadata } from '../intents/schema';
import type { Understanding } from '../src/nlu/types';

/**
 * What the bot learned about this turn before dialogs run. Dialogs read it from turn state rather
 * than re-running NLU, so a message is understood exactly once.
 */
export interface TurnSignals {
  readonly understanding: Understanding;
  /** Metadata of the top intent when the classifier is clear about it. */
  readonly intent: IntentMetadata | undefined;
  /** Set when policy decided, before dialogs, that this turn must go to a human (explicit ask, emergency…). */
  readonly preempt: Preemption | undefined;
}

export interface Preemption {
  readonly dialogId: string;
  readonly options: Record<string, unknown>;
}

const signalsKey = Symbol('tandem.turnSignals');

export function setTurnSignals(context: TurnContext, signals: TurnSignals): void {
  context.turnState.set(signalsKey, signals);
}

export function getTurnSignals(context: TurnContext): TurnSignals | undefined {
  return context.turnState.get(signalsKey) as TurnSignals | undefined;
}
