import type { SparseVector } from './featureSpace';

/**
 * Novelty score: cosine between a text and the nearest in-scope class centroid. Text far from every
 * class the model was trained on scores low, whatever the softmax says.
 */
export class CentroidSimilarity {
  constructor(
    readonly classCount: number,
    /** Normalised centroids, feature-major (c[f·C + k]); classes without examples are all-zero. */
    readonly centroids: Float32Array,
  ) {}

  static fit(rows: readonly SparseVector[], labels: Int32Array, featureCount: number, classCount: number, skipClass = -1): CentroidSimilarity {
    const C = classCount;
    const sums = new Float64Array(featureCount * C);
    rows.forEach((row, i) => {
      const y = labels[i]!;
      if (y === skipClass) return;
      for (let k = 0; k < row.indices.length; k++) sums[row.indices[k]! * C + y]! += row.values[k]!;
    });
    const norms = new Float64Array(C);
    for (let j = 0; j < sums.length; j++) norms[j % C]! += sums[j]! * sums[j]!;
    const centroids = new Float32Array(featureCount * C);
    for (let j = 0; j < sums.length; j++) {
      const n = norms[j % C]!;
      centroids[j] = n > 0 ? sums[j]! / Math.sqrt(n) : 0;
    }
    return new CentroidSimilarity(C, centroids);
  }

  /** Highest cosine to any centroid (0 for an empty vector). */
  maxSimilarity(x: SparseVector, scratch: Float64Array = new Float64Array(this.classCount)): number {
    const C = this.classCount;
    scratch.fill(0);
    for (let k = 0; k < x.indices.length; k++) {
      const base = x.indices[k]! * C;
      const v = x.values[k]!;
      for (let c = 0; c < C; c++) scratch[c]! += v * this.centroids[base + c]!;
    }
    let best = 0;
    for (let c = 0; c < C; c++) if (scratch[c]! > best) best = scratch[c]!;
    return best;
  }
}
