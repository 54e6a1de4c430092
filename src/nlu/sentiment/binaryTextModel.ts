import { z } from 'zod';
import { seededRandom, shuffleInPlace } from '../../random/seededRandom';
import type { WordVectors } from '../vectors/wordVectors';

/** One labelled message; `features` are extra named signals (lexicon hits, conversation context). */
export interface BinaryExample {
  readonly text: string;
  readonly label: boolean;
  readonly features?: readonly string[];
}

/** Training settings; every field has a default (see `defaultBinaryTextModelOptions`). */
export interface BinaryTextModelOptions {
  /** Hashed feature space size, a power of two. */
  readonly buckets: number;
  /** Word n-grams up to this length. */
  readonly wordNgrams: number;
  /** Character n-gram lengths [min, max]; [0, 0] turns them off. */
  readonly charNgrams: readonly [number, number];
  readonly epochs: number;
  /** AdaGrad base learning rate. */
  readonly learningRate: number;
  /** L2 penalty per update. */
  readonly l2: number;
  /** Weight of positive examples in the loss (above 1 favours recall on rare positives). */
  readonly positiveWeight: number;
  /**
   * Norm of the dense block (the frequency-weighted mean of the words' pretrained vectors) beside the
   * L2-normalised n-grams; 0 turns it off. Used only when the model is trained with a word-vector table.
   */
  readonly vectorWeight: number;
  /** Frequency weighting of the mean: a word of frequency rank r weighs r / (r + vectorRankDamping). */
  readonly vectorRankDamping: number;
  readonly seed: number;
}

/** Defaults for short customer messages; learning rate and epochs were compared on the airline-complaints dev split. */
export const defaultBinaryTextModelOptions: BinaryTextModelOptions = {
  buckets: 1 << 18,
  wordNgrams: 2,
  charNgrams: [2, 5],
  epochs: 5,
  learningRate: 0.1,
  l2: 1e-6,
  positiveWeight: 1,
  vectorWeight: 1,
  vectorRankDamping: 100,
  seed: 42,
};

const modelJsonSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  options: z.object({
    buckets: z.number().int().positive(),
    wordNgrams: z.number().int().min(1),
    charNgrams: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    epochs: z.number().int().min(1),
    learningRate: z.number().positive(),
    l2: z.number().min(0),
    positiveWeight: z.number().positive(),
    vectorWeight: z.number().min(0).default(0),
    vectorRankDamping: z.number().min(0).default(100),
    seed: z.number().int(),
  }),
  /** The word-vector table the model was trained with (its hash must match when loaded), or none. */
  vectors: z.object({ hash: z.string(), dimensions: z.number().int().positive() }).nullable().default(null),
  bias: z.number(),
  /** Non-zero weights as [bucket, weight] pairs. */
  weights: z.array(z.tuple([z.number().int().min(0), z.number()])),
});
/** The saved form of a model (sparse weights), as produced by `toJSON`. */
export type BinaryTextModelJSON = z.input<typeof modelJsonSchema>;

type SparseVector = ReadonlyMap<number, number>;

/**
 * A small logistic-regression text classifier over hashed word n-grams, character n-grams,
 * caller-supplied features (for instance lexicon signals) and, when trained with a word-vector table,
 * the mean of the words' pretrained vectors (so "appalling" counts even if training only saw "awful").
 * It answers "how likely is this message to be in the positive class" (a complaint, a frustrated turn).
 * Ships no weights: train it on your own data.
 */
export class BinaryTextModel {
  private constructor(
    private readonly options: BinaryTextModelOptions,
    private readonly weights: Float32Array,
    private readonly bias: number,
    private readonly vectors: WordVectors | null,
  ) {}

  /**
   * Trains with AdaGrad on shuffled examples (deterministic for a given seed). With `vectors` and a positive
   * `vectorWeight`, the dense block is part of the model and the same table is needed to load it again.
   */
  static train(examples: readonly BinaryExample[], options: Partial<BinaryTextModelOptions> = {}, vectors: WordVectors | null = null): BinaryTextModel {
    const opts = { ...defaultBinaryTextModelOptions, ...options };
    if (examples.length === 0) throw new RangeError('BinaryTextModel.train needs at least one example');
    if (!Number.isInteger(Math.log2(opts.buckets))) throw new RangeError(`buckets must be a power of two, got ${opts.buckets}`);
    const table = opts.vectorWeight > 0 ? vectors : null;
    const effective = table ? opts : { ...opts, vectorWeight: 0 };
    const rows = examples.map((e) => featurize(e.text, e.features ?? [], effective, table));
    const size = opts.buckets + (table?.dimensions ?? 0);
    const weights = new Float32Array(size);
    const squared = new Float32Array(size).fill(1e-8);
    let bias = 0;
    let biasSquared = 1e-8;
    const order = examples.map((_, i) => i);
    const random = seededRandom(opts.seed);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      shuffleInPlace(order, random);
      for (const i of order) {
        const x = rows[i]!;
        const y = examples[i]!.label ? 1 : 0;
        const p = sigmoid(dot(weights, x) + bias);
        const g = (p - y) * (y === 1 ? opts.positiveWeight : 1);
        for (const [k, v] of x) {
          const gk = g * v + opts.l2 * weights[k]!;
          squared[k] = squared[k]! + gk * gk;
          weights[k] = weights[k]! - (opts.learningRate * gk) / Math.sqrt(squared[k]!);
        }
        biasSquared += g * g;
        bias -= (opts.learningRate * g) / Math.sqrt(biasSquared);
      }
    }
    return new BinaryTextModel(effective, weights, bias, table);
  }

  /**
   * Restores a model saved with `toJSON`; throws a ZodError naming the bad field, and an error when the
   * model was trained with word vectors and `vectors` is not that table.
   */
  static fromJSON(json: unknown, vectors: WordVectors | null = null): BinaryTextModel {
    const parsed = modelJsonSchema.parse(json);
    if (parsed.vectors && parsed.vectors.hash !== vectors?.hash) {
      throw new Error(`binary model was trained with word vectors ${parsed.vectors.hash}, got ${vectors?.hash ?? 'none'}`);
    }
    const table = parsed.vectors ? vectors : null;
    const options = { ...parsed.options, vectorWeight: table ? parsed.options.vectorWeight : 0 };
    const weights = new Float32Array(options.buckets + (table?.dimensions ?? 0));
    for (const [k, w] of parsed.weights) if (k < weights.length) weights[k] = w;
    return new BinaryTextModel(options, weights, parsed.bias, table);
  }

  /** Probability (0..1) that the message belongs to the positive class. */
  probability(text: string, features: readonly string[] = []): number {
    return sigmoid(dot(this.weights, featurize(text, features, this.options, this.vectors)) + this.bias);
  }

  toJSON(): BinaryTextModelJSON {
    const weights: [number, number][] = [];
    this.weights.forEach((w, k) => {
      if (w !== 0) weights.push([k, w]);
    });
    const vectors = this.vectors ? { hash: this.vectors.hash, dimensions: this.vectors.dimensions } : null;
    return { version: 2, options: { ...this.options, charNgrams: [...this.options.charNgrams] }, vectors, bias: this.bias, weights };
  }
}

/** Lower case, URLs and @handles replaced by placeholders, so the model learns wording, not addresses. */
export function normalizeForModel(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' URL ')
    .replace(/@\w+/g, ' @USER ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const TOKEN = /[:;=]-?[()dp\/\\|]|[\p{L}\p{N}']+|[!?]|\p{Extended_Pictographic}/gu;
const NEGATOR = /^(?:not|no|never|nothing|nobody|cannot|can't|cant|won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|wasnt|aren't|arent|haven't|havent|hasn't|hasnt|couldn't|couldnt|wouldn't|wouldnt|shouldn't|shouldnt)$/;
const SCOPE_END = /^[!?.,;]$/;

function featurize(text: string, extra: readonly string[], options: BinaryTextModelOptions, vectors: WordVectors | null): SparseVector {
  const normalized = normalizeForModel(text.slice(0, 5000));
  const words = normalized.match(TOKEN) ?? [];
  const names: string[] = [];
  for (let n = 1; n <= options.wordNgrams; n++) {
    const padded = n > 1 ? ['<s>', ...words, '</s>'] : words;
    for (let i = 0; i + n <= padded.length; i++) names.push(`w${n}:${padded.slice(i, i + n).join(' ')}`);
  }
  if (words[0]) names.push(`first:${words[0]}`);
  // Words in a negation's scope get their own features ("not good" ≠ "good").
  let scope = 0;
  for (const w of words) {
    if (SCOPE_END.test(w)) scope = 0;
    else if (NEGATOR.test(w)) scope = 3;
    else if (scope > 0) {
      names.push(`neg:${w}`);
      scope -= 1;
    }
  }
  const [minChar, maxChar] = options.charNgrams;
  if (minChar > 0) {
    const padded = ` ${words.join(' ')} `;
    for (let n = minChar; n <= maxChar; n++) {
      for (let i = 0; i + n <= padded.length; i++) names.push(`c${n}:${padded.slice(i, i + n)}`);
    }
  }
  for (const f of extra) names.push(`x:${f}`);
  const counts = new Map<number, number>();
  for (const name of names) {
    const k = fnv1a(name) & (options.buckets - 1);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // log-scaled counts, L2-normalised: long messages do not dominate.
  let norm = 0;
  for (const [k, c] of counts) {
    const v = 1 + Math.log(c);
    counts.set(k, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [k, v] of counts) counts.set(k, v / norm);
  if (vectors && options.vectorWeight > 0) addMeanVector(words, vectors, options, counts);
  return counts;
}

/** Word form the vector table is keyed by: accents folded, apostrophes dropped, digit runs as `0`. */
function vectorKey(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/['’`]/g, '').replace(/\d+/g, '0');
}

/**
 * Appends the dense block after the hashed buckets: the mean of the words' vectors, frequent words damped
 * by their frequency rank (the table is in frequency order), scaled to norm `vectorWeight`. A message with
 * no known word adds nothing. Placeholders (URL, @USER) are upper case and never found in the table.
 */
function addMeanVector(words: readonly string[], vectors: WordVectors, options: BinaryTextModelOptions, out: Map<number, number>): void {
  const sum = new Float64Array(vectors.dimensions);
  let found = 0;
  for (const word of words) {
    const row = vectors.rowOf(vectorKey(word));
    if (row < 0) continue;
    vectors.accumulate(row, (row + 1) / (row + 1 + options.vectorRankDamping), sum);
    found++;
  }
  if (found === 0) return;
  let norm = 0;
  for (const v of sum) norm += v * v;
  norm = Math.sqrt(norm);
  if (!(norm > 0)) return;
  const scale = options.vectorWeight / norm;
  for (let d = 0; d < sum.length; d++) out.set(options.buckets + d, sum[d]! * scale);
}

function dot(weights: Float32Array, x: SparseVector): number {
  let s = 0;
  for (const [k, v] of x) s += weights[k]! * v;
  return s;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
