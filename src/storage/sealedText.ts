import type { Activity } from 'botbuilder';

/**
 * The sealed words-as-written of a stored activity travel beside the parsed activity, never inside
 * it, so nothing that forwards or serialises transcripts (handoff.initiate, logs) can carry them.
 */
const sealedTexts = new WeakMap<Activity, string>();

/** The field of a stored activity's JSON that holds its sealed text. */
export const sealedTextField = 'tandemSealedText';

export function attachSealedText(activity: Activity, sealed: string): void {
  sealedTexts.set(activity, sealed);
}

/** The sealed text stored with this activity, if any. */
export function sealedTextOf(activity: Activity): string | undefined {
  return sealedTexts.get(activity);
}
