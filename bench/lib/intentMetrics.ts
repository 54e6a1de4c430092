/** Scores for intent predictions; the `oos` label marks out-of-scope gold rows and predictions. */
export interface IntentMetrics {
  readonly examples: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly inScopeAccuracy: number;
  /** null when the data has no out-of-scope rows. */
  readonly oosRecall: number | null;
  /** null when nothing was predicted out of scope. */
  readonly oosPrecision: number | null;
  readonly topConfusions: readonly { readonly gold: string; readonly predicted: string; readonly count: number }[];
}

export function intentMetrics(gold: readonly string[], predicted: readonly string[], oosLabel: string): IntentMetrics {
  const labels = new Set([...gold, ...predicted]);
  const tp = new Map<string, number>();
  const goldCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  const confusions = new Map<string, number>();
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let oosGold = 0;
  let oosCaught = 0;
  let oosPredicted = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    goldCount.set(g, (goldCount.get(g) ?? 0) + 1);
    predCount.set(p, (predCount.get(p) ?? 0) + 1);
    if (p === g) {
      correct++;
      tp.set(g, (tp.get(g) ?? 0) + 1);
    } else {
      const key = `${g}\u0000${p}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    if (g === oosLabel) {
      oosGold++;
      if (p === oosLabel) oosCaught++;
    } else {
      inScope++;
      if (p === g) inScopeCorrect++;
    }
    if (p === oosLabel) oosPredicted++;
  });
  let f1Sum = 0;
  let f1Labels = 0;
  for (const label of labels) {
    if (!goldCount.has(label)) continue;
    const t = tp.get(label) ?? 0;
    const precision = t / Math.max(1, predCount.get(label) ?? 0);
    const recall = t / goldCount.get(label)!;
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    f1Labels++;
  }
  const topConfusions = [...confusions.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([key, count]) => {
      const [g, p] = key.split('\u0000') as [string, string];
      return { gold: g, predicted: p, count };
    });
  return {
    examples: gold.length,
    accuracy: correct / Math.max(1, gold.length),
    macroF1: f1Sum / Math.max(1, f1Labels),
    inScopeAccuracy: inScopeCorrect / Math.max(1, inScope),
    oosRecall: oosGold > 0 ? oosCaught / oosGold : null,
    oosPrecision: oosPredicted > 0 ? oosCaught / oosPredicted : null,
    topConfusions,
  };
}


/**
 * Accuracy on a coarser label carried by the rows (e.g. SGD's `intent_type`, which ignores the provider): each
 * predicted label is mapped to the coarse label it has in training; `oos` maps to itself.
 */
export function coarseAccuracy(
  train: readonly { intent: string; coarse: string }[],
  evaluation: readonly { coarse: string }[],
  predicted: readonly string[],
  oosLabel: string,
): number {
  const coarseOf = new Map(train.map((r) => [r.intent, r.coarse]));
  coarseOf.set(oosLabel, oosLabel);
  let right = 0;
  evaluation.forEach((r, i) => {
    if (coarseOf.get(predicted[i]!) === r.coarse) right++;
  });
  return right / Math.max(1, evaluation.length);
}
