import type { TurnContext } from 'botbuilder';

const hubCallerKey = Symbol('tandem.handoffHubCaller');

/** Marks this turn's activity as sent by a configured, authenticated handoff hub (set by the HTTP layer). */
export function markHubCaller(context: TurnContext): void {
  context.turnState.set(hubCallerKey, true);
}

/** True only when the HTTP layer authenticated the sender as a configured hub; `handoff.status` needs it. */
export function isHubCaller(context: TurnContext): boolean {
  return context.turnState.get(hubCallerKey) === true;
}
