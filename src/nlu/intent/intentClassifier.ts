import { z } from 'zod';
import { IntentDecision, type IntentPrediction, type ScoredIntent } from '../types';
import { CentroidSimilarity } from './centroidSimilarity';
import { defaultThresholdTuningOptions, tuneThresholds, type DecisionThresholds, type HeldOutScore, type ThresholdTuningOptions } from './decisionThresholds';
import { FeatureSpace, defaultFeatureSpaceOptions, type FeatureSpaceOptions, type SparseVector } from './featureSpace';
import { seededRandom, shuffleInPlace } from '../../random/seededRandom';
import { SoftmaxModel, defaultSoftmaxTrainingOptions, type SoftmaxTrainingOptions } from './softmaxRegression';
import { fitTemperature, softmax, type HeldOutLogits } from './temperatureScaling';
import { TextFeaturizer, defaultFeatureOptions, type FeatureOptions, type IntentContext } from './textFeatures';
import { shippedWordVectors, type WordVectors } from '../vectors/wordVectors';

/** Label of out-of-scope training examples; it is a class of the model but never an answer. */
export const OUT_OF_SCOPE_LABEL = 'oos';

/** Bump when features, model or JSON layout change: cached models of another version are retrained. */
export const INTENT_MODEL_VERSION = 3;

export interface TrainingExample {
  readonly text: string;
  readonly intent: string;
  /** Where it was said (active task, the bot's last question), when the data knows. */
  readonly context?: IntentContext;
}

export interface HoldoutOptions {
  /** Stratified folds the training data is cut into for calibration and threshold tuning. */
  readonly folds: number;
  /** How many of those folds are held out in turn (1 = a single hold-out fold; `folds` = full cross-validation). */
  readonly runs: number;
}

export interface IntentClassifierOptions {
  readonly features: FeatureOptions;
  readonly space: FeatureSpaceOptions;
  readonly training: SoftmaxTrainingOptions;
  readonly thresholds: ThresholdTuningOptions;
  /** Default: 5-fold cross-validation up to 4,000 examples, else one 10% hold-out fold. */
  readonly holdout?: HoldoutOptions;
  /** With a single hold-out run, the final model starts from the hold-out model and trains this many epochs on all examples. */
  readonly refit: { readonly epochs: number; readonly learningRate: number };
  /** Per-intent confidence below which a clear answer becomes ambiguous (the corpus's `minConfidence`). */
  readonly classMinConfidence: Readonly<Record<string, number>>;
  /** How many candidates `ranking` lists. */
  readonly rankingSize: number;
  /** Pretrained word vectors for the dense feature block; default the shipped table, `null` for n-grams only. */
  readonly wordVectors?: WordVectors | null;
}

export const defaultIntentClassifierOptions: IntentClassifierOptions = {
  features: defaultFeatureOptions,
  space: defaultFeatureSpaceOptions,
  training: defaultSoftmaxTrainingOptions,
  thresholds: defaultThresholdTuningOptions,
  refit: { epochs: 4, learningRate: 0.2 },
  classMinConfidence: {},
  rankingSize: 5,
};

/** What training learnt besides the weights, for reports and tests. */
export interface CalibrationReport {
  readonly temperature: number;
  readonly thresholds: DecisionThresholds;
  readonly heldOutExamples: number;
  readonly heldOutOutOfScope: number;
}

const bytesOf = (s: string): ArrayBuffer => {
  const bytes = Buffer.from(s, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const float32Base64 = z.string().transform((s) => new Float32Array(bytesOf(s)));
const int32Base64 = z.string().transform((s) => new Int32Array(bytesOf(s)));

const modelJsonSchema = z.object({
  format: z.literal('tandem.intent-classifier'),
  version: z.literal(INTENT_MODEL_VERSION),
  labels: z.array(z.string()).min(1),
  features: z.object({
    words: z.boolean(),
    bigrams: z.boolean(),
    charNgrams: z.array(z.number().int().positive()),
    maxChars: z.number().int().positive(),
  }),
  space: z.object({
    names: z.array(z.string()),
    idf: z.array(z.number()),
    options: z.object({
      minDf: z.object({ w: z.number(), c: z.number(), x: z.number() }),
      blockWeight: z.object({ w: z.number(), c: z.number(), x: z.number(), v: z.number() }),
      sublinearTf: z.boolean(),
    }),
    vectors: z.object({ hash: z.string(), dimensions: z.number().int().positive() }).nullable(),
  }),
  weights: float32Base64,
  bias: z.array(z.number()),
  centroids: z.object({ offsets: int32Base64, classes: int32Base64, values: float32Base64 }),
  calibration: z.object({
    temperature: z.number().positive(),
    thresholds: z.object({ minConfidence: z.number(), minSimilarity: z.number(), minMargin: z.number() }),
    heldOutExamples: z.number().int().nonnegative(),
    heldOutOutOfScope: z.number().int().nonnegative(),
  }),
  classMinConfidence: z.record(z.string(), z.number()),
  rankingSize: z.number().int().positive(),
});

/** The serialised model (what `toJSON` returns and `fromJSON` accepts). */
export type IntentModelJSON = z.input<typeof modelJsonSchema>;

const toBase64 = (a: Float32Array | Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** What `rejectionScores` returns; `intent` is null only for text without any known feature. */
export interface RejectionScores {
  readonly intent: string | null;
  readonly confidence: number;
  readonly outOfScope: number;
  readonly similarity: number;
}

interface Scored {
  readonly probabilities: Float64Array;
  readonly top: number;
  readonly runnerUp: number;
  readonly similarity: number;
}

/** Scores a vector: calibrated probabilities, best two in-scope classes and novelty. */
function scoreVector(
  x: SparseVector,
  model: SoftmaxModel,
  centroids: CentroidSimilarity,
  temperature: number,
  oosIndex: number,
  scratch: Float64Array,
): Scored {
  const probabilities = softmax(model.logits(x, scratch), temperature, scratch);
  let top = -1;
  let runnerUp = -1;
  for (let c = 0; c < probabilities.length; c++) {
    if (c === oosIndex) continue;
    if (top < 0 || probabilities[c]! > probabilities[top]!) {
      runnerUp = top;
      top = c;
    } else if (runnerUp < 0 || probabilities[c]! > probabilities[runnerUp]!) {
      runnerUp = c;
    }
  }
  return { probabilities, top, runnerUp, similarity: centroids.maxSimilarity(x) };
}

/** Intent classifier: TF-IDF features → softmax regression → temperature scaling → out-of-scope and ambiguity rules. */
export class IntentClassifier {
  private readonly featurizer: TextFeaturizer;
  private readonly oosIndex: number;
  private readonly scratch: Float64Array;
  private readonly similarityScratch: Float64Array;

  private constructor(
    /** All model classes, including `oos` when it was trained. */
    readonly classes: readonly string[],
    features: FeatureOptions,
    private readonly space: FeatureSpace,
    private readonly model: SoftmaxModel,
    private readonly centroids: CentroidSimilarity,
    /** Temperature, thresholds and how much held-out data they were tuned on. */
    readonly calibration: CalibrationReport,
    private readonly classMinConfidence: Readonly<Record<string, number>>,
    private readonly rankingSize: number,
  ) {
    this.featurizer = new TextFeaturizer(features);
    this.oosIndex = classes.indexOf(OUT_OF_SCOPE_LABEL);
    this.scratch = new Float64Array(classes.length);
    this.similarityScratch = new Float64Array(classes.length);
  }

  get temperature(): number {
    return this.calibration.temperature;
  }

  get thresholds(): DecisionThresholds {
    return this.calibration.thresholds;
  }

  /** In-scope intents this classifier can answer. */
  get intents(): string[] {
    return this.classes.filter((c) => c !== OUT_OF_SCOPE_LABEL);
  }

  /** @internal Assembles a trained classifier; use trainIntentClassifier or fromJSON. */
  static assemble(
    classes: readonly string[],
    features: FeatureOptions,
    space: FeatureSpace,
    model: SoftmaxModel,
    centroids: CentroidSimilarity,
    calibration: CalibrationReport,
    classMinConfidence: Readonly<Record<string, number>>,
    rankingSize: number,
  ): IntentClassifier {
    return new IntentClassifier(classes, features, space, model, centroids, calibration, classMinConfidence, rankingSize);
  }

  /** Classifies `text`; `context` (active task, the bot's last question) counts when training data had context. */
  classify(text: string, context?: IntentContext): IntentPrediction {
    const x = this.space.vectorize(this.featurizer.extract(text, context));
    if (x.indices.length === 0) {
      return { intent: null, confidence: 0, runnerUp: null, margin: 0, decision: IntentDecision.outOfScope, ranking: [] };
    }
    const { probabilities, top, runnerUp, similarity } = scoreVector(x, this.model, this.centroids, this.temperature, this.oosIndex, this.scratch);
    const confidence = probabilities[top]!;
    const second = runnerUp >= 0 ? probabilities[runnerUp]! : 0;
    const margin = confidence - second;
    const ranking = this.rank(probabilities);
    const { minConfidence, minSimilarity, minMargin } = this.thresholds;
    const oosWins = this.oosIndex >= 0 && probabilities[this.oosIndex]! > confidence;
    const intent = this.classes[top]!;
    let decision: IntentDecision = IntentDecision.clear;
    if (oosWins || confidence < minConfidence || similarity < minSimilarity) decision = IntentDecision.outOfScope;
    else if (margin < minMargin || confidence < (this.classMinConfidence[intent] ?? 0)) decision = IntentDecision.ambiguous;
    return {
      intent: decision === IntentDecision.outOfScope ? null : intent,
      confidence,
      runnerUp: runnerUp >= 0 ? { intent: this.classes[runnerUp]!, confidence: second } : null,
      margin,
      decision,
      ranking,
    };
  }

  /**
   * The scores the out-of-scope rule reads, for evaluation curves: top in-scope intent and its calibrated
   * probability, the explicit `oos` class's probability (0 without one) and the novelty similarity.
   */
  rejectionScores(text: string, context?: IntentContext): RejectionScores {
    const x = this.space.vectorize(this.featurizer.extract(text, context));
    if (x.indices.length === 0) return { intent: null, confidence: 0, outOfScope: 0, similarity: 0 };
    const { probabilities, top, similarity } = scoreVector(x, this.model, this.centroids, this.temperature, this.oosIndex, this.scratch);
    return {
      intent: this.classes[top]!,
      confidence: probabilities[top]!,
      outOfScope: this.oosIndex >= 0 ? probabilities[this.oosIndex]! : 0,
      similarity,
    };
  }

  /** Cosine similarity of the text to the nearest in-scope class centroid (the novelty score). */
  similarity(text: string): number {
    return this.centroids.maxSimilarity(this.space.vectorize(this.featurizer.extract(text)), this.similarityScratch);
  }

  toJSON(): IntentModelJSON {
    return {
      format: 'tandem.intent-classifier',
      version: INTENT_MODEL_VERSION,
      labels: [...this.classes],
      features: { ...this.featurizer.options, charNgrams: [...this.featurizer.options.charNgrams] },
      space: this.space.toJSON() as IntentModelJSON['space'],
      weights: toBase64(this.model.weights),
      bias: Array.from(this.model.bias),
      centroids: {
        offsets: toBase64(this.centroids.offsets),
        classes: toBase64(this.centroids.classes),
        values: toBase64(this.centroids.values),
      },
      calibration: this.calibration,
      classMinConfidence: { ...this.classMinConfidence },
      rankingSize: this.rankingSize,
    };
  }

  /**
   * Rebuilds a classifier from `toJSON()` output; throws a ZodError naming the field when the JSON is not a
   * model, and an error when it was trained with word vectors other than `vectors` (default: the shipped table).
   */
  static fromJSON(json: unknown, vectors?: WordVectors | null): IntentClassifier {
    const m = modelJsonSchema.parse(json);
    const C = m.labels.length;
    const F = m.space.names.length;
    const space = FeatureSpace.fromJSON(m.space, m.space.vectors ? (vectors ?? shippedWordVectors()) : null);
    const { offsets, classes, values } = m.centroids;
    if (
      m.weights.length !== space.size * C ||
      m.bias.length !== C ||
      m.space.idf.length !== F ||
      offsets.length !== F + 1 ||
      classes.length !== values.length ||
      offsets[F] !== values.length ||
      classes.some((c) => c < 0 || c >= C)
    ) {
      throw new Error('intent model JSON is inconsistent: weight, centroid or bias sizes do not match labels × features');
    }
    return new IntentClassifier(
      m.labels,
      m.features,
      space,
      new SoftmaxModel(space.size, C, m.weights, Float32Array.from(m.bias)),
      new CentroidSimilarity(C, offsets, classes, values),
      m.calibration,
      m.classMinConfidence,
      m.rankingSize,
    );
  }

  private rank(probabilities: Float64Array): ScoredIntent[] {
    const ranking: ScoredIntent[] = [];
    for (let c = 0; c < probabilities.length; c++) {
      if (c === this.oosIndex) continue;
      const p = probabilities[c]!;
      if (ranking.length === this.rankingSize && p <= ranking[ranking.length - 1]!.confidence) continue;
      let at = ranking.length;
      while (at > 0 && ranking[at - 1]!.confidence < p) at--;
      ranking.splice(at, 0, { intent: this.classes[c]!, confidence: p });
      if (ranking.length > this.rankingSize) ranking.pop();
    }
    return ranking;
  }
}

/** Stratified fold number per example (seeded). */
function stratifiedFolds(labels: Int32Array, folds: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const byClass = new Map<number, number[]>();
  labels.forEach((y, i) => {
    const members = byClass.get(y);
    if (members) members.push(i);
    else byClass.set(y, [i]);
  });
  const fold = new Int32Array(labels.length);
  let offset = 0;
  for (const members of byClass.values()) {
    shuffleInPlace(members, random);
    members.forEach((i, k) => (fold[i] = (k + offset) % folds));
    offset += members.length;
  }
  return fold;
}

/**
 * Trains an intent classifier. Examples labelled `oos` train an explicit out-of-scope class. Calibration
 * (temperature) and the out-of-scope / ambiguity thresholds are tuned on held-out folds of the examples,
 * then the final model is trained on all of them.
 */
export function trainIntentClassifier(
  examples: readonly TrainingExample[],
  options: Partial<IntentClassifierOptions> = {},
): IntentClassifier {
  const opts: IntentClassifierOptions = { ...defaultIntentClassifierOptions, ...options };
  const usable = examples.filter((e) => e.text.trim().length > 0 && e.intent.length > 0);
  const classes = [...new Set(usable.map((e) => e.intent))].sort();
  if (classes.filter((c) => c !== OUT_OF_SCOPE_LABEL).length < 2) {
    throw new Error('trainIntentClassifier needs examples of at least two in-scope intents');
  }
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const oosIndex = classes.indexOf(OUT_OF_SCOPE_LABEL);
  const featurizer = new TextFeaturizer(opts.features);
  const docs = usable.map((e) => featurizer.extract(e.text, e.context));
  const labels = Int32Array.from(usable.map((e) => classIndex.get(e.intent)!));

  // One vocabulary for hold-out and final models, so the final model can start from the hold-out one;
  // hold-out texts are scored without the features only they contain, as unseen text would be.
  const vectors = opts.wordVectors === undefined ? shippedWordVectors() : opts.wordVectors;
  const space = FeatureSpace.fit(docs, opts.space, vectors);
  const rows = docs.map((d) => space.vectorize(d));
  const holdout = opts.holdout ?? (usable.length <= 4000 ? { folds: 5, runs: 5 } : { folds: 10, runs: 1 });
  const fold = stratifiedFolds(labels, holdout.folds, opts.training.seed);
  const heldOut: { logits: Float64Array; label: number; vector: SparseVector; model: SoftmaxModel; centroids: CentroidSimilarity }[] = [];
  let warmStart: SoftmaxModel | undefined;
  for (let run = 0; run < Math.min(holdout.runs, holdout.folds); run++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    fold.forEach((f, i) => (f === run ? testIdx : trainIdx).push(i));
    if (testIdx.length === 0) continue;
    const trainRows = trainIdx.map((i) => rows[i]!);
    const trainLabels = Int32Array.from(trainIdx.map((i) => labels[i]!));
    const model = SoftmaxModel.train(trainRows, trainLabels, space.size, classes.length, opts.training);
    const centroids = CentroidSimilarity.fit(trainRows, trainLabels, space.sparseSize, classes.length, oosIndex);
    const known = new Uint8Array(space.size);
    for (const row of trainRows) for (const f of row.indices) known[f] = 1;
    for (const i of testIdx) {
      const vector = space.vectorize(docs[i]!, known);
      heldOut.push({ logits: model.logits(vector), label: labels[i]!, vector, model, centroids });
    }
    // Only a single hold-out model is close enough to the final one to start from; after full
    // cross-validation (small data, cheap) the final model trains from scratch.
    if (holdout.runs === 1) warmStart = model;
  }
  const temperature = fitTemperature(heldOut.filter((h) => h.vector.indices.length > 0) as HeldOutLogits[]);
  const scratch = new Float64Array(classes.length);
  const scores: HeldOutScore[] = heldOut.map((h) => {
    const s = scoreVector(h.vector, h.model, h.centroids, temperature, oosIndex, scratch);
    const p = s.probabilities;
    return {
      label: h.label === oosIndex ? -1 : h.label,
      top: s.top,
      topProbability: p[s.top]!,
      margin: p[s.top]! - (s.runnerUp >= 0 ? p[s.runnerUp]! : 0),
      oosWins: oosIndex >= 0 && p[oosIndex]! > p[s.top]!,
      similarity: s.similarity,
    };
  });
  const thresholds = tuneThresholds(scores, opts.thresholds);

  const finalTraining = warmStart ? { ...opts.training, ...opts.refit } : opts.training;
  const model = SoftmaxModel.train(rows, labels, space.size, classes.length, finalTraining, warmStart);
  const centroids = CentroidSimilarity.fit(rows, labels, space.sparseSize, classes.length, oosIndex);
  const calibration: CalibrationReport = {
    temperature,
    thresholds,
    heldOutExamples: scores.length,
    heldOutOutOfScope: scores.filter((s) => s.label < 0).length,
  };
  return IntentClassifier.assemble(classes, opts.features, space, model, centroids, calibration, opts.classMinConfidence, opts.rankingSize);
}
