import type { TurnContext } from 'botbuilder';
import type { IntentMetadata } from '../intents/schema';
import type { HandoffDecision } from '../src/handoff/policy';
import type { Entity, Understanding } from '../src/nlu/types';

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
  /** The handoff policy's verdict for this turn (clarify, rephrase, offer a human…). */
  readonly decision: HandoffDecision | undefined;
  /** Set when the message holds two requests or more ("where is my order … and can I also book …"), in its order. */
  readonly requests?: readonly ClauseIntent[];
}

/** One request of a message that holds several, understood on its own: its words, entities and intent. */
export interface ClauseIntent {
  readonly text: string;
  /** Offsets into `text`. */
  readonly entities: readonly Entity[];
  readonly intent: IntentMetadata;
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

/** Facts a dialog learned this turn (filled slots, lookups made); the bot stores them for agents. */
export interface DialogInsight {
  readonly slots?: Readonly<Record<string, string | number | boolean | null>>;
  readonly lookups?: readonly { readonly kind: string; readonly summary: string }[];
  readonly form?: { readonly form: string; readonly completed: number; readonly total: number; readonly currentField?: string } | null;
}

const insightsKey = Symbol('tandem.dialogInsights');

/** Records what a dialog learned, for the agent's context pack. Never put secrets here. */
export function recordInsight(context: TurnContext, insight: DialogInsight): void {
  const list = (context.turnState.get(insightsKey) as DialogInsight[] | undefined) ?? [];
  list.push(insight);
  context.turnState.set(insightsKey, list);
}

export function takeInsights(context: TurnContext): DialogInsight[] {
  const list = (context.turnState.get(insightsKey) as DialogInsight[] | undefined) ?? [];
  context.turnState.set(insightsKey, []);
  return list;
}
