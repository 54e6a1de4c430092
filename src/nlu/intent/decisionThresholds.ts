/** Thresholds that turn calibrated scores into clear / ambiguous / out_of_scope; tuned on held-out data. */
export interface DecisionThresholds {
  /** Below this top in-scope probability the text is out of scope. */
  readonly minConfidence: number;
  /** Below this centroid similarity the text is out of scope. */
  readonly minSimilarity: number;
  /** Below this top-minus-runner-up margin an in-scope answer is ambiguous. */
  readonly minMargin: number;
}

/** One held-out prediction, summarised. `label` is -1 for an out-of-scope example. */
export interface HeldOutScore {
  readonly label: number;
  readonly top: number;
  readonly topProbability: number;
  readonly margin: number;
  /** The explicit out-of-scope class won the softmax. */
  readonly oosWins: boolean;
  readonly similarity: number;
}

export interface ThresholdTuningOptions {
  /** Weight of out-of-scope recall against in-scope accuracy: 0.5 says wrongly turning away an in-scope request costs twice a missed out-of-scope one. */
  readonly oosWeight: number;
  /** Without out-of-scope examples: the share of right held-out answers the thresholds may reject to catch wrong ones. */
  readonly maxFalseRejectRate: number;
  /** Margins whose held-out accuracy is at or below this count as ambiguous. */
  readonly ambiguityAccuracy: number;
}

export const defaultThresholdTuningOptions: ThresholdTuningOptions = { oosWeight: 0.5, maxFalseRejectRate: 0.005, ambiguityAccuracy: 0.5 };

const isRejected = (s: HeldOutScore, minConfidence: number, minSimilarity: number): boolean =>
  s.oosWins || s.topProbability < minConfidence || s.similarity < minSimilarity;

function quantiles(values: number[], upTo: number, steps: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out = new Set<number>([0]);
  for (let i = 1; i <= steps; i++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor((upTo * i * sorted.length) / steps))];
    if (v !== undefined) out.add(v);
  }
  return [...out].sort((a, b) => a - b);
}

/** Widest margin band, growing from zero, in which held-out answers are right no more often than `ambiguityAccuracy`. */
function tuneMargin(accepted: readonly HeldOutScore[], ambiguityAccuracy: number): number {
  let best = 0;
  for (let step = 1; step <= 25; step++) {
    const m = step / 50;
    const below = accepted.filter((s) => s.margin < m);
    if (below.length < 5) continue;
    const accuracy = below.filter((s) => s.top === s.label).length / below.length;
    if (accuracy > ambiguityAccuracy) break;
    best = m;
  }
  return best;
}

/**
 * Grid-searches the out-of-scope thresholds on held-out scores. With out-of-scope examples it maximises
 * in-scope accuracy + oosWeight × out-of-scope recall; without them it rejects as many wrong held-out
 * answers as it can while rejecting at most `maxFalseRejectRate` of the right ones.
 */
export function tuneThresholds(
  scores: readonly HeldOutScore[],
  options: ThresholdTuningOptions = defaultThresholdTuningOptions,
): DecisionThresholds {
  const inScope = scores.filter((s) => s.label >= 0);
  const outOfScope = scores.filter((s) => s.label < 0);
  let minConfidence = 0;
  let minSimilarity = 0;
  if (outOfScope.length > 0 && inScope.length > 0) {
    const confidences = quantiles(scores.map((s) => s.topProbability), 0.6, 60);
    const similarities = quantiles(scores.map((s) => s.similarity), 0.6, 60);
    let bestObjective = -Infinity;
    for (const c of confidences) {
      for (const sim of similarities) {
        let correct = 0;
        for (const s of inScope) if (s.top === s.label && !isRejected(s, c, sim)) correct++;
        let rejected = 0;
        for (const s of outOfScope) if (isRejected(s, c, sim)) rejected++;
        const objective = correct / inScope.length + (options.oosWeight * rejected) / outOfScope.length;
        if (objective > bestObjective + 1e-12) {
          bestObjective = objective;
          minConfidence = c;
          minSimilarity = sim;
        }
      }
    }
  } else if (inScope.length > 0) {
    // No negatives: wrong held-out answers stand in for them, within a budget of rejected right ones.
    const right = inScope.filter((s) => s.top === s.label);
    const wrong = inScope.filter((s) => s.top !== s.label);
    const budget = Math.floor(options.maxFalseRejectRate * right.length);
    const confidences = quantiles(right.map((s) => s.topProbability), options.maxFalseRejectRate * 2, 20);
    const similarities = quantiles(right.map((s) => s.similarity), options.maxFalseRejectRate * 2, 20);
    let bestCaught = -1;
    for (const c of confidences) {
      for (const sim of similarities) {
        if (right.filter((s) => isRejected(s, c, sim)).length > budget) continue;
        const caught = wrong.filter((s) => isRejected(s, c, sim)).length;
        if (caught > bestCaught) {
          bestCaught = caught;
          minConfidence = c;
          minSimilarity = sim;
        }
      }
    }
  }
  const accepted = inScope.filter((s) => !isRejected(s, minConfidence, minSimilarity));
  return { minConfidence, minSimilarity, minMargin: tuneMargin(accepted, options.ambiguityAccuracy) };
}
