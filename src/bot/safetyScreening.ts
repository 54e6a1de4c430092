import type { TurnContext } from 'botbuilder';
import type { EmergencyResult } from '../nlu/types';

const screeningKey = Symbol('tandem.safetyScreening');

/** Keeps this turn's emergency screening, so every later step reuses it instead of detecting again. */
export function setSafetyScreening(context: TurnContext, screening: EmergencyResult): void {
  context.turnState.set(screeningKey, screening);
}

/** This turn's emergency screening of the user's message, when the safety step ran. */
export function getSafetyScreening(context: TurnContext): EmergencyResult | undefined {
  return context.turnState.get(screeningKey) as EmergencyResult | undefined;
}
