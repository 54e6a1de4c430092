import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped table (built by `npm run vectors:build`; provenance in intents/vectors/README.md). */
export const defaultWordVectorsFile = join(__dirname, '..', '..', '..', 'intents', 'vectors', 'glove-100d-int8.bin');

/** File signature and layout version of a word-vector table. */
export const wordVectorsMagic = 'TWV1';

/**
 * Layout (little-endian): magic `TWV1`, uint32 word count N, uint32 dimensions D, float32[D] per-dimension
 * scale, int8[N·D] quantised vectors (row per word, in frequency order), then the N words as UTF-8 joined
 * by `\n`. A value is `int8 · scale[d]`.
 */
export interface WordVectorsData {
  readonly words: readonly string[];
  readonly dimensions: number;
  readonly scale: Float32Array;
  readonly values: Int8Array;
}

/** Serialises a table in the layout above. */
export function encodeWordVectors(data: WordVectorsData): Buffer {
  const { words, dimensions, scale, values } = data;
  if (values.length !== words.length * dimensions || scale.length !== dimensions) {
    throw new RangeError('word vectors: values must hold words × dimensions entries and scale one per dimension');
  }
  const header = Buffer.alloc(12 + 4 * dimensions);
  header.write(wordVectorsMagic, 0, 'latin1');
  header.writeUInt32LE(words.length, 4);
  header.writeUInt32LE(dimensions, 8);
  scale.forEach((s, d) => header.writeFloatLE(s, 12 + 4 * d));
  return Buffer.concat([header, Buffer.from(values.buffer, values.byteOffset, values.byteLength), Buffer.from(words.join('\n'), 'utf8')]);
}

/**
 * Pretrained word vectors, int8-quantised, looked up by the normalised tokens of the intent featurizer
 * (lower case, accents folded, apostrophes dropped, digit runs as `0`). Unknown words have no vector.
 */
export class WordVectors {
  private readonly index: Map<string, number>;

  private constructor(
    readonly words: readonly string[],
    readonly dimensions: number,
    private readonly scale: Float32Array,
    private readonly values: Int8Array,
    /** SHA-256 prefix of the file: part of every cached model's key. */
    readonly hash: string,
  ) {
    this.index = new Map(words.map((w, i) => [w, i]));
  }

  get size(): number {
    return this.words.length;
  }

  static decode(bytes: Buffer): WordVectors {
    if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== wordVectorsMagic) {
      throw new Error(`word vectors: not a ${wordVectorsMagic} table`);
    }
    const count = bytes.readUInt32LE(4);
    const dimensions = bytes.readUInt32LE(8);
    const valuesAt = 12 + 4 * dimensions;
    const wordsAt = valuesAt + count * dimensions;
    if (dimensions === 0 || wordsAt > bytes.length) throw new Error('word vectors: truncated table');
    const scale = new Float32Array(dimensions);
    for (let d = 0; d < dimensions; d++) scale[d] = bytes.readFloatLE(12 + 4 * d);
    const values = new Int8Array(count * dimensions);
    values.set(new Int8Array(bytes.buffer, bytes.byteOffset + valuesAt, count * dimensions));
    const words = bytes.toString('utf8', wordsAt).split('\n');
    if (words.length !== count) throw new Error(`word vectors: header says ${count} words, table holds ${words.length}`);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    return new WordVectors(words, dimensions, scale, values, hash);
  }

  static load(file: string = defaultWordVectorsFile): WordVectors {
    return WordVectors.decode(readFileSync(file));
  }

  /** Row of `word`, or -1 when the table does not have it. */
  rowOf(word: string): number {
    return this.index.get(word) ?? -1;
  }

  /** Adds `weight ·` the vector of `row` into `sum`. */
  accumulate(row: number, weight: number, sum: Float64Array): void {
    const D = this.dimensions;
    const base = row * D;
    for (let d = 0; d < D; d++) sum[d]! += weight * this.values[base + d]! * this.scale[d]!;
  }

  /** The dequantised vector of `row` (for tests and tools). */
  vector(row: number): Float32Array {
    const D = this.dimensions;
    const out = new Float32Array(D);
    for (let d = 0; d < D; d++) out[d] = this.values[row * D + d]! * this.scale[d]!;
    return out;
  }

  /** The vector of `row` scaled to length 1 (a zero vector stays zero), for cosine similarity by dot product. */
  unitVector(row: number): Float32Array {
    const v = this.vector(row);
    const norm = Math.hypot(...v) || 1;
    for (let d = 0; d < v.length; d++) v[d] = v[d]! / norm;
    return v;
  }
}

let shipped: WordVectors | null = null;

/** The shipped table, read once per process. */
export function shippedWordVectors(): WordVectors {
  shipped ??= WordVectors.load();
  return shipped;
}
