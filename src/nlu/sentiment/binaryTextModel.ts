import { z } from 'zod';
import { seededRandom, shuffleInPlace } from '../../random/seededRandom';

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
  seed: 42,
};

const modelJsonSchema = z.object({
  version: z.literal(1),
  options: z.object({
    buckets: z.number().int().positive(),
    wordNgrams: z.number().int().min(1),
    charNgrams: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    epochs: z.number().int().min(1),
    learningRate: z.number().positive(),
    l2: z.number().min(0),
    positiveWeight: z.number().positive(),
    seed: z.number().int(),
  }),
  bias: z.number(),
  /** Non-zero weights as [bucket, weight] pairs. */
  weights: z.array(z.tuple([z.number().int().min(0), z.number()])),
});
/** The saved form of a model (sparse weights), as produced by `toJSON`. */
export type BinaryTextModelJSON = z.infer<typeof modelJsonSchema>;

type SparseVector = ReadonlyMap<number, number>;

/**
 * A small logistic-regression text classifier over hashed word n-grams, character n-grams and
 * caller-supplied features (for instance lexicon signals). It answers "how likely is this message
 * to be in the positive class" (a complaint, a frustrated turn). Ships no weights: train it on your own data.
 */
export class BinaryTextModel {
  private constructor(
    private readonly options: BinaryTextModelOptions,
    private readonly weights: Float32Array,
    private readonly bias: number,
  ) {}

  /** Trains with AdaGrad on shuffled examples (deterministic for a given seed). */
  static train(examples: readonly BinaryExample[], options: Partial<BinaryTextModelOptions> = {}): BinaryTextModel {
    const opts = { ...defaultBinaryTextModelOptions, ...options };
    if (examples.length === 0) throw new RangeError('BinaryTextModel.train needs at least one example');
    if (!Number.isInteger(Math.log2(opts.buckets))) throw new RangeError(`buckets must be a power of two, got ${opts.buckets}`);
    const vectors = examples.map((e) => featurize(e.text, e.features ?? [], opts));
    const weights = new Float32Array(opts.buckets);
    const squared = new Float32Array(opts.buckets).fill(1e-8);
    let bias = 0;
    let biasSquared = 1e-8;
    const order = examples.map((_, i) => i);
    const random = seededRandom(opts.seed);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      shuffleInPlace(order, random);
      for (const i of order) {
        const x = vectors[i]!;
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
    return new BinaryTextModel(opts, weights, bias);
  }

  /** Restores a model saved with `toJSON`; throws a ZodError naming the bad field. */
  static fromJSON(json: unknown): BinaryTextModel {
    const parsed = modelJsonSchema.parse(json);
    const weights = new Float32Array(parsed.options.buckets);
    for (const [k, w] of parsed.weights) if (k < weights.length) weights[k] = w;
    return new BinaryTextModel(parsed.options, weights, parsed.bias);
  }

  /** Probability (0..1) that the message belongs to the positive class. */
  probability(text: string, features: readonly string[] = []): number {
    return sigmoid(dot(this.weights, featurize(text, features, this.options)) + this.bias);
  }

  toJSON(): BinaryTextModelJSON {
    const weights: [number, number][] = [];
    this.weights.forEach((w, k) => {
      if (w !== 0) weights.push([k, w]);
    });
    return { version: 1, options: { ...this.options, charNgrams: [...this.options.charNgrams] }, bias: this.bias, weights };
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

function featurize(text: string, extra: readonly string[], options: BinaryTextModelOptions): SparseVector {
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
  return counts;
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
