import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { hasCrisisCue, messageWindows, splitSentences, windowHashes, type Window } from './features';

/** The committed model file (built by `npm run train:safety`). */
export const defaultRiskModelFile = join(__dirname, 'model.json');

/** The model file's shape: int8 weights, raw-deflated then base64, with one scale per table. */
export interface RiskModelFile {
  readonly version: 1;
  readonly seed: number;
  /** Crisis scores at or above this raise the alarm (chosen on held-out corpus rows, recall first). */
  readonly threshold: number;
  readonly crisis: { readonly bits: number; readonly scale: number; readonly bias: number; readonly weights: string };
  readonly category: { readonly bits: number; readonly scale: number; readonly classes: readonly string[]; readonly biases: readonly number[]; readonly weights: string };
  readonly training: Readonly<Record<string, unknown>>;
}

/** The best-scoring window of a message. */
export interface RiskScore {
  /** Probability-like crisis score of the best window, 0..1. */
  readonly score: number;
  /** The most likely crisis category of that window, and its softmax probability. */
  readonly category: string;
  readonly categoryProbability: number;
  /** The sentences of the message that window covers (empty for an empty message). */
  readonly sentences: readonly string[];
}

/** Messages of at most this many words must name a crisis concept to be scored at all. */
const SHORT_MESSAGE_WORDS = 4;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** A loaded crisis model: a logistic regression for "crisis or not" and a softmax for the category. */
export class RiskModel {
  private readonly crisisWeights: Float32Array;
  private readonly categoryWeights: Float32Array;
  private readonly crisisMask: number;
  private readonly categoryMask: number;

  constructor(readonly file: RiskModelFile) {
    this.crisisWeights = decode(file.crisis.weights, file.crisis.scale);
    this.categoryWeights = decode(file.category.weights, file.category.scale);
    this.crisisMask = (1 << file.crisis.bits) - 1;
    this.categoryMask = (1 << file.category.bits) - 1;
    if (this.crisisWeights.length !== 1 << file.crisis.bits) throw new RangeError('risk model: crisis table has the wrong size');
    if (this.categoryWeights.length !== (1 << file.category.bits) * file.category.classes.length) throw new RangeError('risk model: category table has the wrong size');
  }

  get threshold(): number {
    return this.file.threshold;
  }

  /** Crisis score of one window. */
  scoreWindow(window: Window): { score: number; hashes: number[] } {
    const hashes = windowHashes(window.words, window.asked);
    let z = this.file.crisis.bias;
    for (const h of hashes) z += this.crisisWeights[h & this.crisisMask]!;
    return { score: sigmoid(z), hashes };
  }

  /** Most likely category of a window, from its feature hashes, with its softmax probability. */
  categoryOf(hashes: readonly number[]): { category: string; probability: number } {
    const classes = this.file.category.classes;
    const stride = 1 << this.file.category.bits;
    const z = classes.map((_c, c) => {
      let s = this.file.category.biases[c] ?? 0;
      const base = c * stride;
      for (const h of hashes) s += this.categoryWeights[base + (h & this.categoryMask)]!;
      return s;
    });
    const max = Math.max(...z);
    const exp = z.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const best = exp.indexOf(Math.max(...exp));
    return { category: classes[best]!, probability: exp[best]! / sum };
  }

  /** Scores every window of a message and keeps the best (bounded: the windows grow linearly with the text). */
  score(text: string): RiskScore {
    const sentences = splitSentences(text);
    const windows = messageWindows(sentences);
    // Form answers ("none", "yes please", a name, a date) are short and name no crisis concept: never a crisis.
    const words = windows.reduce((n, w) => Math.max(n, w.words.length), 0);
    if (words <= SHORT_MESSAGE_WORDS && !windows.some((w) => hasCrisisCue(w.words))) return { score: 0, category: '', categoryProbability: 0, sentences: [] };
    let best: { score: number; hashes: number[]; window: Window } | undefined;
    for (const window of windows) {
      const s = this.scoreWindow(window);
      if (!best || s.score > best.score) best = { ...s, window };
    }
    if (!best) return { score: 0, category: '', categoryProbability: 0, sentences: [] };
    const { category, probability } = this.categoryOf(best.hashes);
    return { score: best.score, category, categoryProbability: probability, sentences: sentences.slice(best.window.first, best.window.last + 1) };
  }
}

function decode(base64: string, scale: number): Float32Array {
  const bytes = inflateRawSync(Buffer.from(base64, 'base64'));
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = ((bytes[i]! << 24) >> 24) * scale;
  return out;
}

/** Quantises weights to int8 (one scale per table), deflates them, and returns base64 and the scale. */
export function encode(weights: Float32Array | Float64Array): { weights: string; scale: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = Buffer.alloc(weights.length);
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i]! / scale) & 0xff;
  return { weights: deflateRawSync(bytes, { level: 9 }).toString('base64'), scale };
}

/** Loads the model file from disk (no network); throws if it is missing or malformed. */
export function loadRiskModel(path: string = defaultRiskModelFile): RiskModel {
  const file = JSON.parse(readFileSync(path, 'utf8')) as RiskModelFile;
  if (file.version !== 1) throw new Error(`risk model ${path}: unknown version ${String(file.version)}`);
  return new RiskModel(file);
}
