import type { TextFeatures } from './textFeatures';

/** A sparse, L2-normalised feature vector: parallel index and value arrays. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export interface FeatureSpaceOptions {
  /** Drop features seen in fewer training texts than this (per block: word, char). */
  readonly minDf: { readonly w: number; readonly c: number };
  /** Relative weight of each block after per-block normalisation. */
  readonly blockWeight: { readonly w: number; readonly c: number };
  /** Use 1 + log(tf) instead of raw counts. */
  readonly sublinearTf: boolean;
}

export const defaultFeatureSpaceOptions: FeatureSpaceOptions = {
  minDf: { w: 1, c: 2 },
  blockWeight: { w: 1, c: 1 },
  sublinearTf: true,
};

export interface FeatureSpaceJSON {
  readonly names: readonly string[];
  readonly idf: readonly number[];
  readonly options: FeatureSpaceOptions;
}

const blockOf = (name: string): 'w' | 'c' => (name.charCodeAt(0) === 99 /* c */ ? 'c' : 'w');

/** Vocabulary with smoothed IDF; turns TextFeatures into TF-IDF vectors, block-weighted and L2-normalised. */
export class FeatureSpace {
  private readonly index: Map<string, number>;

  private constructor(
    readonly names: readonly string[],
    private readonly idf: Float32Array,
    readonly options: FeatureSpaceOptions,
  ) {
    this.index = new Map(names.map((n, i) => [n, i]));
  }

  get size(): number {
    return this.names.length;
  }

  static fit(docs: readonly TextFeatures[], options: FeatureSpaceOptions = defaultFeatureSpaceOptions): FeatureSpace {
    const df = new Map<string, number>();
    for (const doc of docs) for (const name of doc.counts.keys()) df.set(name, (df.get(name) ?? 0) + 1);
    const names: string[] = [];
    const idf: number[] = [];
    const n = docs.length;
    for (const [name, count] of df) {
      if (count < options.minDf[blockOf(name)]) continue;
      names.push(name);
      idf.push(Math.log((1 + n) / (1 + count)) + 1);
    }
    return new FeatureSpace(names, Float32Array.from(idf), options);
  }

  static fromJSON(json: FeatureSpaceJSON): FeatureSpace {
    return new FeatureSpace(json.names, Float32Array.from(json.idf), json.options);
  }

  toJSON(): FeatureSpaceJSON {
    return { names: this.names, idf: Array.from(this.idf), options: this.options };
  }

  /** The text's TF-IDF vector; features outside the vocabulary (or outside `known`, when given) are dropped. */
  vectorize(features: TextFeatures, known?: Uint8Array): SparseVector {
    const indices = new Int32Array(features.counts.size);
    const values = new Float32Array(features.counts.size);
    const isChar = new Uint8Array(features.counts.size);
    let n = 0;
    let wordNorm = 0;
    let charNorm = 0;
    for (const [name, count] of features.counts) {
      const i = this.index.get(name);
      if (i === undefined || (known && known[i] === 0)) continue;
      const v = (this.options.sublinearTf ? 1 + Math.log(count) : count) * this.idf[i]!;
      const char = blockOf(name) === 'c';
      if (char) charNorm += v * v;
      else wordNorm += v * v;
      indices[n] = i;
      values[n] = v;
      isChar[n++] = char ? 1 : 0;
    }
    const wordScale = wordNorm > 0 ? this.options.blockWeight.w / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.options.blockWeight.c / Math.sqrt(charNorm) : 0;
    let total = 0;
    for (let k = 0; k < n; k++) {
      values[k]! *= isChar[k] ? charScale : wordScale;
      total += values[k]! * values[k]!;
    }
    const inv = total > 0 ? 1 / Math.sqrt(total) : 0;
    for (let k = 0; k < n; k++) values[k]! *= inv;
    return { indices: indices.slice(0, n), values: values.slice(0, n) };
  }
}
