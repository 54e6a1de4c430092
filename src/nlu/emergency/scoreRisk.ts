import { mentionsCrisisConcept } from './crisisLexicon';
import { riskFeatures } from './riskFeatures';
import { saysResolved } from './riskFrames';
import type { RiskModel } from './riskModel';
import { riskSegments } from './riskText';

/** The riskiest segment of a message: its crisis probability, its words and its features. */
export interface RiskScore {
  readonly probability: number;
  readonly words: readonly string[];
  readonly ids: Uint32Array;
}

/**
 * Scores every segment of the message (riskText.riskSegments) and keeps the riskiest one that names a crisis
 * concept (crisisLexicon): a segment without one scores 0, and a segment that gives the all-clear
 * (riskFrames.saysResolved) counts for a hundredth.
 */
/** An all-clear in the same sentence ("it's stopped already") all but cancels it. */
const RESOLVED_FACTOR = 0.01;
/** Segments under this share of the threshold cannot change the decision and are not reported. */
const GATE_FLOOR = 0.1;

export function scoreRisk(model: RiskModel, text: string): RiskScore {
  let best: RiskScore = { probability: 0, words: [], ids: new Uint32Array(0) };
  for (const words of riskSegments(text)) {
    const ids = riskFeatures(words, model.buckets);
    const probability = model.crisisProbability(ids) * (saysResolved(words) ? RESOLVED_FACTOR : 1);
    // The lexicon check is the costly part, so it runs only on a segment that could matter.
    if (probability > best.probability && probability >= model.threshold * GATE_FLOOR && mentionsCrisisConcept(words)) {
      best = { probability, words, ids };
    }
  }
  return best;
}
