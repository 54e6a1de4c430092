/**
 * Trains the crisis detector's model on intents/safety/corpus and writes src/nlu/emergency/riskModel.json.
 *
 *   npm run train:safety
 *
 * 1. A held-out 15% of the corpus calibrates the alarm threshold for recall first: the threshold is set so that
 *    RECALL_TARGET of the held-out crisis rows alarm (scored exactly as the detector scores a message).
 * 2. The crisis head (logistic regression) and the category head (softmax over crisis rows) are then trained on
 *    all rows and quantised to int8.
 * The project's safety set (test/safety) is never read here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreRisk } from '../../src/nlu/emergency/scoreRisk';
import { FEATURE_VERSION, riskFeatures } from '../../src/nlu/emergency/riskFeatures';
import { RiskModel, type RiskModelFile } from '../../src/nlu/emergency/riskModel';
import { maskIdioms } from '../../src/nlu/emergency/idioms';
import { normalizeWords } from '../../src/nlu/emergency/riskText';
import { seededRandom, shuffleInPlace } from '../../src/random/seededRandom';
import { CrisisCategory } from '../../src/nlu/types';
import { loadSafetyCorpus, type SafetyCorpusRow } from './safetyCorpus';

const BUCKETS = 1 << 17;
const CATEGORY_BUCKETS = 1 << 13;
const HELD_OUT = 0.15;
const RECALL_TARGET = 0.995;
const THRESHOLD_RANGE = [0.1, 0.5] as const;
const EPOCHS = 12;
const LEARNING_RATE = 0.2;
const L2 = 1e-4;

interface Example {
  readonly ids: Uint32Array;
  readonly crisis: boolean;
  readonly category: number;
}

const categories = Object.values(CrisisCategory);

function examples(rows: readonly SafetyCorpusRow[]): Example[] {
  return rows.map((row) => ({
    ids: riskFeatures(maskIdioms(normalizeWords(row.text)), BUCKETS),
    crisis: row.label === 'crisis',
    category: row.category ? categories.indexOf(row.category) : -1,
  }));
}

/** Logistic regression by SGD with balanced class weights and a linearly decaying step. */
function trainCrisisHead(data: readonly Example[], seed: number): { weights: Float64Array; bias: number } {
  const weights = new Float64Array(BUCKETS);
  let bias = 0;
  const positives = data.filter((e) => e.crisis).length;
  const weightOf = { true: data.length / (2 * positives), false: data.length / (2 * (data.length - positives)) };
  const order = Int32Array.from(data.keys());
  const random = seededRandom(seed);
  const steps = EPOCHS * data.length;
  let step = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const example = data[index]!;
      const rate = LEARNING_RATE * (1 - 0.95 * (step++ / steps));
      let z = bias;
      for (const id of example.ids) z += weights[id]!;
      const p = 1 / (1 + Math.exp(-z));
      const gradient = (p - (example.crisis ? 1 : 0)) * weightOf[`${example.crisis}`];
      bias -= rate * gradient;
      for (const id of example.ids) weights[id] = weights[id]! * (1 - rate * L2) - rate * gradient;
    }
  }
  return { weights, bias };
}

/** Softmax regression over the crisis rows' categories, on the low bits of the same hashed features. */
function trainCategoryHead(data: readonly Example[], seed: number): { weights: Float64Array; bias: Float64Array } {
  const C = categories.length;
  const rows = data.filter((e) => e.crisis && e.category >= 0);
  const weights = new Float64Array(CATEGORY_BUCKETS * C);
  const bias = new Float64Array(C);
  const order = Int32Array.from(rows.keys());
  const random = seededRandom(seed);
  const logits = new Float64Array(C);
  const mask = CATEGORY_BUCKETS - 1;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    shuffleInPlace(order, random);
    const rate = LEARNING_RATE * (1 - 0.9 * (epoch / EPOCHS));
    for (const index of order) {
      const example = rows[index]!;
      for (let c = 0; c < C; c++) logits[c] = bias[c]!;
      for (const id of example.ids) for (let c = 0; c < C; c++) logits[c]! += weights[(id & mask) * C + c]!;
      const max = Math.max(...logits);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += logits[c] = Math.exp(logits[c]! - max);
      for (let c = 0; c < C; c++) {
        const gradient = logits[c]! / sum - (c === example.category ? 1 : 0);
        bias[c]! -= rate * gradient;
        for (const id of example.ids) weights[(id & mask) * C + c]! -= rate * gradient;
      }
    }
  }
  return { weights, bias };
}

function quantise(weights: Float64Array, bias: readonly number[]): RiskModelFile['crisis'] {
  let max = 1e-9;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127;
  const bytes = Buffer.alloc(weights.length);
  for (let i = 0; i < weights.length; i++) bytes.writeInt8(Math.max(-127, Math.min(127, Math.round(weights[i]! / scale))), i);
  return { bias: bias.map((b) => Number(b.toFixed(6))), scale: Number(scale.toPrecision(8)), weights: bytes.toString('base64') };
}

function modelFile(data: readonly Example[], threshold: number, training: Record<string, unknown>): RiskModelFile {
  const crisis = trainCrisisHead(data, 11);
  const category = trainCategoryHead(data, 13);
  return {
    featureVersion: FEATURE_VERSION,
    buckets: BUCKETS,
    categoryBuckets: CATEGORY_BUCKETS,
    threshold,
    crisis: quantise(crisis.weights, [crisis.bias]),
    categories,
    category: quantise(category.weights, [...category.bias]),
    training,
  };
}

function main(): void {
  const started = Date.now();
  const rows = loadSafetyCorpus();
  const shuffled = [...rows];
  shuffleInPlace(shuffled, seededRandom(5));
  const cut = Math.floor(shuffled.length * (1 - HELD_OUT));
  const fitRows = shuffled.slice(0, cut);
  const heldOut = shuffled.slice(cut);

  const probe = new RiskModel(modelFile(examples(fitRows), 0.5, {}));
  const crisisScores = heldOut.filter((r) => r.label === 'crisis').map((r) => scoreRisk(probe, r.text).probability).sort((a, b) => a - b);
  const safeScores = heldOut.filter((r) => r.label === 'safe').map((r) => scoreRisk(probe, r.text).probability);
  const atRecall = crisisScores[Math.floor((1 - RECALL_TARGET) * crisisScores.length)] ?? 0.5;
  const threshold = Number(Math.min(THRESHOLD_RANGE[1], Math.max(THRESHOLD_RANGE[0], atRecall)).toFixed(4));
  const heldOutRecall = crisisScores.filter((s) => s >= threshold).length / crisisScores.length;
  const heldOutFalseAlarms = safeScores.filter((s) => s >= threshold).length / safeScores.length;

  const training = {
    rows: rows.length,
    crisisRows: rows.filter((r) => r.label === 'crisis').length,
    heldOutRows: heldOut.length,
    heldOutRecall: Number(heldOutRecall.toFixed(4)),
    heldOutFalseAlarms: Number(heldOutFalseAlarms.toFixed(4)),
    epochs: EPOCHS,
    learningRate: LEARNING_RATE,
    l2: L2,
  };
  const file = modelFile(examples(rows), threshold, training);
  const path = join(__dirname, '..', '..', 'src', 'nlu', 'emergency', 'riskModel.json');
  writeFileSync(path, `${JSON.stringify(file)}\n`);
  process.stdout.write(`threshold ${threshold} (held-out recall ${(100 * heldOutRecall).toFixed(1)}%, false alarms ${(100 * heldOutFalseAlarms).toFixed(1)}%)\n`);
  process.stdout.write(`${path}: ${rows.length} rows, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main();
