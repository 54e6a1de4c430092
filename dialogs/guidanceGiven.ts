import type { TurnContext } from 'botbuilder';

const guidanceGivenKey = Symbol('tandem.emergencyGuidanceGiven');

/** The emergency guidance already went out in this turn (the safety step sent it), so nobody repeats it. */
export function markGuidanceGiven(context: TurnContext): void {
  context.turnState.set(guidanceGivenKey, true);
}

export function guidanceGivenThisTurn(context: TurnContext): boolean {
  return context.turnState.get(guidanceGivenKey) === true;
}
