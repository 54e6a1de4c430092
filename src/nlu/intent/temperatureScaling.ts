/** One held-out prediction: raw logits and the true class index. */
export interface HeldOutLogits {
  readonly logits: Float64Array;
  readonly label: number;
}

/** Softmax of logits / temperature, written into `out`. */
export function softmax(logits: Float64Array, temperature = 1, out: Float64Array = new Float64Array(logits.length)): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) if (logits[c]! > max) max = logits[c]!;
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp((logits[c]! - max) / temperature);
    sum += out[c]!;
  }
  for (let c = 0; c < logits.length; c++) out[c]! /= sum;
  return out;
}

function negativeLogLikelihood(examples: readonly HeldOutLogits[], temperature: number): number {
  let total = 0;
  for (const { logits, label } of examples) {
    let max = -Infinity;
    for (let c = 0; c < logits.length; c++) if (logits[c]! > max) max = logits[c]!;
    let sum = 0;
    for (let c = 0; c < logits.length; c++) sum += Math.exp((logits[c]! - max) / temperature);
    total += Math.log(sum) - (logits[label]! - max) / temperature;
  }
  return total / Math.max(1, examples.length);
}

/**
 * Fits the softmax temperature that minimises held-out negative log-likelihood plus a weak prior
 * (ln T)² / n towards T = 1, by golden-section search over ln T in [ln 0.05, ln 20]; 1 when there is
 * nothing to fit on. The prior stops small, perfectly classified hold-outs driving T to zero.
 */
export function fitTemperature(examples: readonly HeldOutLogits[]): number {
  if (examples.length === 0) return 1;
  const objective = (logT: number): number => negativeLogLikelihood(examples, Math.exp(logT)) + (logT * logT) / examples.length;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = objective(a);
  let fb = objective(b);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = objective(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = objective(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
