import type { SparseVector } from './featureSpace';

/**
 * Novelty score: cosine between a text and the nearest in-scope class centroid. Text far from every
 * class the model was trained on scores low, whatever the softmax says. Centroids are stored sparse,
 * by feature, since each class touches only the features of its own examples. Only the first
 * `featureCount` features (the n-grams) count: dense word-vector features are alike for most texts and
 * would blur novelty.
 */
export class CentroidSimilarity {
  constructor(
    readonly classCount: number,
    /** Row offsets per feature into `classes`/`values` (length features + 1). */
    readonly offsets: Int32Array,
    readonly classes: Int32Array,
    readonly values: Float32Array,
  ) {}

  static fit(rows: readonly SparseVector[], labels: Int32Array, featureCount: number, classCount: number, skipClass = -1): CentroidSimilarity {
    const sums = new Map<number, number>();
    const C = classCount;
    rows.forEach((row, i) => {
      const y = labels[i]!;
      if (y === skipClass) return;
      for (let k = 0; k < row.indices.length; k++) {
        if (row.indices[k]! >= featureCount) continue;
        const key = row.indices[k]! * C + y;
        sums.set(key, (sums.get(key) ?? 0) + row.values[k]!);
      }
    });
    const norms = new Float64Array(C);
    for (const [key, v] of sums) norms[key % C]! += v * v;
    const keys = [...sums.keys()].sort((a, b) => a - b);
    const offsets = new Int32Array(featureCount + 1);
    const classes = new Int32Array(keys.length);
    const values = new Float32Array(keys.length);
    keys.forEach((key, j) => {
      const c = key % C;
      offsets[Math.floor(key / C) + 1]!++;
      classes[j] = c;
      values[j] = sums.get(key)! / Math.sqrt(norms[c]!);
    });
    for (let f = 0; f < featureCount; f++) offsets[f + 1]! += offsets[f]!;
    return new CentroidSimilarity(C, offsets, classes, values);
  }

  /** Highest cosine to any centroid, over the centroids' features only (0 for an empty vector). */
  maxSimilarity(x: SparseVector, scratch: Float64Array = new Float64Array(this.classCount)): number {
    scratch.fill(0);
    const featureCount = this.offsets.length - 1;
    let norm = 0;
    for (let k = 0; k < x.indices.length; k++) {
      const f = x.indices[k]!;
      if (f >= featureCount) continue;
      const v = x.values[k]!;
      norm += v * v;
      for (let j = this.offsets[f]!; j < this.offsets[f + 1]!; j++) scratch[this.classes[j]!]! += v * this.values[j]!;
    }
    let best = 0;
    for (let c = 0; c < this.classCount; c++) if (scratch[c]! > best) best = scratch[c]!;
    return norm > 0 ? best / Math.sqrt(norm) : 0;
  }
}
