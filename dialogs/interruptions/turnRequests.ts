import type { TurnContext } from 'botbuilder';
import type { HandoffDecision } from '../../src/handoff/policy';

/** Turn-scoped requests between a flow and the task dialog around it (nothing here is saved). */

const handoffKey = Symbol('tandem.handoffRequest');
const prefixKey = Symbol('tandem.repromptPrefix');
const understoodKey = Symbol('tandem.understoodAfterAll');

/** A flow asks to hand over while keeping its place; the task dialog around it does the handing over. */
export function requestHandoff(context: TurnContext, decision: HandoffDecision): void {
  context.turnState.set(handoffKey, decision);
}

export function takeHandoffRequest(context: TurnContext): HandoffDecision | undefined {
  const decision = context.turnState.get(handoffKey) as HandoffDecision | undefined;
  context.turnState.delete(handoffKey);
  return decision;
}

/** Words put before the next re-asked question ("Back to your booking:"). */
export function setRepromptPrefix(context: TurnContext, prefix: string): void {
  context.turnState.set(prefixKey, prefix);
}

export function takeRepromptPrefix(context: TurnContext): string | undefined {
  const prefix = context.turnState.get(prefixKey) as string | undefined;
  context.turnState.delete(prefixKey);
  return prefix;
}

/** A message the classifier turned away was answered after all (e.g. from the knowledge base): not a fallback. */
export function markUnderstood(context: TurnContext): void {
  context.turnState.set(understoodKey, true);
}

export function wasUnderstoodAfterAll(context: TurnContext): boolean {
  return context.turnState.get(understoodKey) === true;
}
