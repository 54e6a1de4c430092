import { z } from 'zod';
import { CrisisCategory } from '../types';
import { FEATURE_VERSION } from './riskFeatures';

/** A linear layer quantised to int8 (weight = int8 · scale), feature-major: w[feature · outputs + output]. */
const quantisedLayerSchema = z.strictObject({
  bias: z.array(z.number()),
  scale: z.number().positive(),
  weights: z.string(),
});

/** The file `npm run train:safety` writes (riskModel.json) and the detector loads. */
export const riskModelFileSchema = z.strictObject({
  featureVersion: z.literal(FEATURE_VERSION),
  /** Hash buckets of the crisis head; the category head uses the low bits (categoryBuckets, a power of two too). */
  buckets: z.number().int().positive(),
  categoryBuckets: z.number().int().positive(),
  /** Crisis probability at or above which a segment raises the alarm, calibrated for recall on held-out corpus rows. */
  threshold: z.number().min(0).max(1),
  crisis: quantisedLayerSchema,
  categories: z.array(z.enum(Object.values(CrisisCategory))),
  category: quantisedLayerSchema,
  training: z.record(z.string(), z.unknown()),
});
export type RiskModelFile = z.infer<typeof riskModelFileSchema>;

/** Scores hashed features with the trained crisis head (probability) and category head (softmax). */
export class RiskModel {
  readonly threshold: number;
  readonly buckets: number;
  private readonly crisisWeights: Int8Array;
  private readonly crisisScale: number;
  private readonly crisisBias: number;
  private readonly categoryWeights: Int8Array;
  private readonly categoryScale: number;
  private readonly categoryBias: readonly number[];
  private readonly categoryMask: number;
  readonly categories: readonly CrisisCategory[];

  constructor(file: RiskModelFile) {
    this.threshold = file.threshold;
    this.buckets = file.buckets;
    this.crisisWeights = decode(file.crisis.weights, file.buckets);
    this.crisisScale = file.crisis.scale;
    this.crisisBias = file.crisis.bias[0] ?? 0;
    this.categories = file.categories;
    this.categoryWeights = decode(file.category.weights, file.categoryBuckets * file.categories.length);
    this.categoryScale = file.category.scale;
    this.categoryBias = file.category.bias;
    this.categoryMask = file.categoryBuckets - 1;
  }

  /** Probability that the segment describes a crisis now. */
  crisisProbability(ids: Uint32Array): number {
    let z = 0;
    for (const id of ids) z += this.crisisWeights[id]!;
    return sigmoid(this.crisisBias + z * this.crisisScale);
  }

  /** Categories by descending probability, with their probabilities. */
  rankCategories(ids: Uint32Array): { category: CrisisCategory; probability: number }[] {
    const C = this.categories.length;
    const logits = this.categoryBias.map((b) => b);
    for (const id of ids) {
      const base = (id & this.categoryMask) * C;
      for (let c = 0; c < C; c++) logits[c]! += this.categoryWeights[base + c]! * this.categoryScale;
    }
    const max = Math.max(...logits);
    const exp = logits.map((l) => Math.exp(l - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    return this.categories
      .map((category, c) => ({ category, probability: exp[c]! / sum }))
      .sort((a, b) => b.probability - a.probability);
  }
}

function decode(base64: string, length: number): Int8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== length) throw new Error(`risk model: expected ${length} weights, found ${bytes.length}; run npm run train:safety`);
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
