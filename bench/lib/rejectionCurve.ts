import type { RejectionScores } from '../../src/nlu/intent';

/** One point of the in-scope accuracy / out-of-scope recall trade-off. */
export interface RejectionPoint {
  readonly minConfidence: number;
  /** Right and accepted, over all in-scope rows. */
  readonly inScopeAccuracy: number;
  /** Rejected, over all out-of-scope rows. */
  readonly oosRecall: number;
}

/**
 * Sweeps the confidence floor of the classifier's out-of-scope rule (the `oos` class winning and the
 * novelty floor stay as trained) over the evaluated rows.
 */
export function rejectionCurve(
  gold: readonly string[],
  scores: readonly RejectionScores[],
  oosLabel: string,
  minSimilarity: number,
  floors: readonly number[],
): RejectionPoint[] {
  return floors.map((minConfidence) => {
    let inScope = 0;
    let right = 0;
    let oos = 0;
    let caught = 0;
    scores.forEach((s, i) => {
      const rejected = s.intent === null || s.outOfScope > s.confidence || s.confidence < minConfidence || s.similarity < minSimilarity;
      if (gold[i] === oosLabel) {
        oos++;
        if (rejected) caught++;
      } else {
        inScope++;
        if (!rejected && s.intent === gold[i]) right++;
      }
    });
    return { minConfidence, inScopeAccuracy: inScope > 0 ? right / inScope : 0, oosRecall: oos > 0 ? caught / oos : 0 };
  });
}
