import type { SparseVector } from './featureSpace';
import { seededRandom, shuffleInPlace } from '../../random/seededRandom';

export interface SoftmaxTrainingOptions {
  readonly epochs: number;
  /** Initial SGD step; decays linearly to 5% of itself over training. */
  readonly learningRate: number;
  /** L2 penalty per example step. */
  readonly l2: number;
  /** `balanced` weights each class by n / (classes · n_class). */
  readonly classWeight: 'balanced' | 'none';
  readonly seed: number;
  /**
   * After the first epoch, an example whose last loss was below `easyLoss` is visited only with
   * probability 1 − `skipEasy` (its step scaled up to match); most of the data is easy late in training.
   */
  readonly skipEasy: number;
  readonly easyLoss: number;
}

export const defaultSoftmaxTrainingOptions: SoftmaxTrainingOptions = {
  epochs: 10,
  learningRate: 2,
  l2: 3e-6,
  classWeight: 'balanced',
  seed: 7,
  skipEasy: 0.75,
  easyLoss: 0.01,
};

const gradientFloor = 1e-4;

/** Multinomial logistic regression over sparse inputs; weights are laid out feature-major (w[f·C + c]). */
export class SoftmaxModel {
  constructor(
    readonly featureCount: number,
    readonly classCount: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  /** Raw scores per class, written into `out` (allocated when absent). */
  logits(x: SparseVector, out: Float64Array = new Float64Array(this.classCount)): Float64Array {
    const C = this.classCount;
    const w = this.weights;
    for (let c = 0; c < C; c++) out[c] = this.bias[c]!;
    const { indices, values } = x;
    for (let k = 0; k < indices.length; k++) {
      const base = indices[k]! * C;
      const v = values[k]!;
      for (let c = 0; c < C; c++) out[c]! += v * w[base + c]!;
    }
    return out;
  }

  /** Per-example SGD on the cross-entropy, with L2 applied through a global weight scale (cheap for sparse rows). */
  static train(
    rows: readonly SparseVector[],
    labels: Int32Array,
    featureCount: number,
    classCount: number,
    options: SoftmaxTrainingOptions = defaultSoftmaxTrainingOptions,
    /** Start from these weights (same features and classes) instead of zeros. */
    init?: SoftmaxModel,
  ): SoftmaxModel {
    const C = classCount;
    const w = init ? Float32Array.from(init.weights) : new Float32Array(featureCount * C);
    const b = init ? Float32Array.from(init.bias) : new Float32Array(C);
    const classWeight = new Float64Array(C).fill(1);
    if (options.classWeight === 'balanced') {
      const counts = new Float64Array(C);
      for (const y of labels) counts[y]!++;
      for (let c = 0; c < C; c++) classWeight[c] = counts[c]! > 0 ? rows.length / (C * counts[c]!) : 0;
    }
    const random = seededRandom(options.seed);
    const order = Int32Array.from(rows.keys());
    const z = new Float64Array(C);
    const activeClasses = new Int32Array(C);
    const activeGrads = new Float64Array(C);
    const totalSteps = Math.max(1, options.epochs * rows.length);
    const lastLoss = new Float32Array(rows.length).fill(Infinity);
    const easyBoost = 1 / (1 - Math.min(0.95, options.skipEasy));
    let scale = 1;
    let step = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffleInPlace(order, random);
      for (const i of order) {
        const x = rows[i]!;
        const y = labels[i]!;
        const lr = options.learningRate * (1 - (0.95 * step) / totalSteps);
        step++;
        scale *= 1 - lr * options.l2;
        if (scale < 1e-6) {
          for (let j = 0; j < w.length; j++) w[j]! *= scale;
          scale = 1;
        }
        const easy = lastLoss[i]! < options.easyLoss && options.skipEasy > 0;
        if (easy && random() < options.skipEasy) continue;
        const { indices, values } = x;
        for (let c = 0; c < C; c++) z[c] = 0;
        for (let k = 0; k < indices.length; k++) {
          const base = indices[k]! * C;
          const v = values[k]!;
          for (let c = 0; c < C; c++) z[c]! += v * w[base + c]!;
        }
        let max = -Infinity;
        for (let c = 0; c < C; c++) {
          z[c] = z[c]! * scale + b[c]!;
          if (z[c]! > max) max = z[c]!;
        }
        let sum = 0;
        for (let c = 0; c < C; c++) {
          z[c] = Math.exp(z[c]! - max);
          sum += z[c]!;
        }
        lastLoss[i] = Math.log(sum) - Math.log(z[y]!);
        const cw = classWeight[y]! * (easy ? easyBoost : 1);
        for (let c = 0; c < C; c++) z[c] = ((z[c]! / sum) - (c === y ? 1 : 0)) * cw;
        const stepOverScale = lr / scale;
        // Classes whose gradient is negligible are skipped: after the first epochs that is nearly all of them.
        let active = 0;
        for (let c = 0; c < C; c++) {
          const g = z[c]!;
          b[c]! -= lr * g;
          if (g > gradientFloor || g < -gradientFloor) {
            activeClasses[active] = c;
            activeGrads[active++] = g;
          }
        }
        for (let k = 0; k < indices.length; k++) {
          const base = indices[k]! * C;
          const v = values[k]! * stepOverScale;
          for (let a = 0; a < active; a++) w[base + activeClasses[a]!]! -= v * activeGrads[a]!;
        }
      }
    }
    for (let j = 0; j < w.length; j++) w[j]! *= scale;
    return new SoftmaxModel(featureCount, C, w, b);
  }
}
