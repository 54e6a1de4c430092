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
  /** Share of right held-out in-scope answers the thresholds may turn away. */
  readonly maxFalseRejectRate: number;
  /** Margins whose held-out accuracy is at or below this count as ambiguous. */
  readonly ambiguityAccuracy: number;
}

export const defaultThresholdTuningOptions: ThresholdTuningOptions = { maxFalseRejectRate: 0.01, ambiguityAccuracy: 0.5 };

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
 * Grid-searches the out-of-scope thresholds on held-out scores: within a budget of `maxFalseRejectRate`
 * of the right in-scope answers, reject as many out-of-scope examples as possible (then as many wrong
 * in-scope answers). Without out-of-scope examples the data says every message is in scope, so nothing is
 * rejected: a wrong answer then is still an answer the dialog can correct, a rejection is not.
 */
export function tuneThresholds(
  scores: readonly HeldOutScore[],
  options: ThresholdTuningOptions = defaultThresholdTuningOptions,
): DecisionThresholds {
  const inScope = scores.filter((s) => s.label >= 0);
  const outOfScope = scores.filter((s) => s.label < 0);
  if (outOfScope.length === 0) return { minConfidence: 0, minSimilarity: 0, minMargin: tuneMargin(inScope, options.ambiguityAccuracy) };
  // Answers the explicit out-of-scope class already turns away are not the thresholds' doing.
  const right = inScope.filter((s) => !s.oosWins && s.top === s.label);
  const wrong = inScope.filter((s) => !s.oosWins && s.top !== s.label);
  const budget = Math.floor(options.maxFalseRejectRate * right.length);
  // Candidates: scores of right answers up to a little past the budget, so the search stays small.
  const reach = Math.min(1, (4 * (budget + 1)) / Math.max(1, right.length));
  const confidences = quantiles(right.map((s) => s.topProbability), reach, 40);
  const similarities = quantiles(right.map((s) => s.similarity), reach, 40);
  let minConfidence = 0;
  let minSimilarity = 0;
  let best = -1;
  for (const c of confidences) {
    for (const sim of similarities) {
      let rejectedRight = 0;
      for (const s of right) if (isRejected(s, c, sim) && ++rejectedRight > budget) break;
      if (rejectedRight > budget) continue;
      let caught = 0;
      for (const s of outOfScope) if (isRejected(s, c, sim)) caught++;
      let caughtWrong = 0;
      for (const s of wrong) if (isRejected(s, c, sim)) caughtWrong++;
      // Out-of-scope catches first; wrong in-scope answers break ties (and decide alone without negatives).
      const value = caught * (wrong.length + 1) + caughtWrong;
      if (value > best) {
        best = value;
        minConfidence = c;
        minSimilarity = sim;
      }
    }
  }
  const accepted = inScope.filter((s) => !isRejected(s, minConfidence, minSimilarity));
  return { minConfidence, minSimilarity, minMargin: tuneMargin(accepted, options.ambiguityAccuracy) };
}
