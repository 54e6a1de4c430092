import type { SparseVector } from '../../../src/nlu/intent/featureSpace';
import { SoftmaxModel, defaultSoftmaxTrainingOptions } from '../../../src/nlu/intent/softmaxRegression';
import { softmax } from '../../../src/nlu/intent/temperatureScaling';

const vector = (entries: [number, number][]): SparseVector => {
  const norm = Math.hypot(...entries.map(([, v]) => v));
  return { indices: Int32Array.from(entries.map(([i]) => i)), values: Float32Array.from(entries.map(([, v]) => v / norm)) };
};

describe('SoftmaxModel', () => {
  // Three classes, each marked by its own feature (0, 1, 2), with a shared noise feature 3.
  const rows = [0, 1, 2].flatMap((c) => Array.from({ length: 20 }, (_, k) => vector([[c, 1], [3, (k % 5) / 5]])));
  const labels = Int32Array.from([0, 1, 2].flatMap((c) => Array<number>(20).fill(c)));
  const options = { ...defaultSoftmaxTrainingOptions, epochs: 20, learningRate: 0.5, l2: 1e-5, classWeight: 'none', seed: 1 } as const;

  it('learns to separate toy classes', () => {
    const model = SoftmaxModel.train(rows, labels, 4, 3, options);
    for (let c = 0; c < 3; c++) {
      const p = softmax(model.logits(vector([[c, 1]])));
      expect(p.indexOf(Math.max(...p))).toBe(c);
      expect(p[c]).toBeGreaterThan(0.8);
    }
  });

  it('is deterministic for a given seed', () => {
    const a = SoftmaxModel.train(rows, labels, 4, 3, options);
    const b = SoftmaxModel.train(rows, labels, 4, 3, options);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });

  it('still separates the classes when easy examples are mostly skipped', () => {
    const model = SoftmaxModel.train(rows, labels, 4, 3, { ...options, skipEasy: 0.8 });
    for (let c = 0; c < 3; c++) {
      const p = softmax(model.logits(vector([[c, 1]])));
      expect(p.indexOf(Math.max(...p))).toBe(c);
    }
  });

  it('shrinks weights as the L2 penalty grows', () => {
    const weak = SoftmaxModel.train(rows, labels, 4, 3, options);
    const strong = SoftmaxModel.train(rows, labels, 4, 3, { ...options, l2: 1e-2 });
    const size = (m: SoftmaxModel): number => Math.hypot(...m.weights);
    expect(size(strong)).toBeLessThan(size(weak));
  });
});
