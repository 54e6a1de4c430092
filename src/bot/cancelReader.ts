import { IntentRole, type IntentMetadata } from '../../intents/schema';
import type { EmergencyResult, NluEngine } from '../nlu/types';

/**
 * Tells whether a message asks to stop what is going on ("never mind", "forget it, I'll do it later").
 * `screening` is the turn's safety screening of the same text, reused rather than run again.
 */
export type CancelReader = (text: string, screening?: EmergencyResult) => boolean;

/** Leaving the queue or an agent's chat is not undone by the next message, so only a confident reading counts. */
export const cancelConfidence = 0.8;

/**
 * Reads "stop" in any wording from the NLU: the classifier is clear that the intent's role is to cancel.
 * Used where no dialog runs, such as while the user waits for a person.
 */
export function cancelReader(nlu: NluEngine, intents: ReadonlyMap<string, IntentMetadata>, timezone: string): CancelReader {
  return (text, screening) => {
    const { intent } = nlu.understand(text, { timezone, ...(screening ? { emergency: screening } : {}) });
    if (intent.decision !== 'clear' || !intent.intent) return false;
    const metadata = intents.get(intent.intent);
    return metadata?.role === IntentRole.cancel && intent.confidence >= Math.max(cancelConfidence, metadata.minConfidence);
  };
}
