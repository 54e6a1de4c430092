/**
 * npm run eval -- --data <dir> [--json] [--with-dev] [--ablation]
 * Trains on train.jsonl (+ dev.jsonl with --with-dev) and reports on test.jsonl, or on dev.jsonl when there is
 * no test split. `{text, intent}` rows evaluate the intent classifier; `{text, label}` and `{text, frustrated}`
 * rows evaluate the negative-sentiment and frustration detectors (bench/lib/binaryEval.ts).
 * When the evaluated rows have out-of-scope rows, the in-scope accuracy / OOS recall curve is printed with the
 * trained operating point. --ablation also trains the variants without word vectors (and without context,
 * when the rows carry it); on complaint / frustrated-turn sets, the model with the word-vector default flipped
 * (`vectorsByDefault`) and, for frustrated turns, without the dialogue-level features. One line per variant.
 * With --json the last stdout line is one JSON object.
 */
import { basename, resolve } from 'node:path';
import { OUT_OF_SCOPE_LABEL } from '../src/nlu/intent';
import { shippedWordVectors } from '../src/nlu/vectors/wordVectors';
import { evaluateBinaryDetector, vectorsByDefault, type BinaryEvalResult } from './lib/binaryEval';
import { evaluateIntentSystem } from './lib/evaluateIntentSystem';
import { parseEvalArgs } from './lib/evalArgs';
import { tandemSystem } from './lib/intentSystem';
import { coarseAccuracy } from './lib/intentMetrics';
import { DatasetShape, intentExamples, loadDatasetSplits, type Row } from './lib/jsonlDataset';
import { rejectionCurve } from './lib/rejectionCurve';
import { formatIntentEvaluation, peakRssMb } from './lib/report';
import type { IntentEvaluation } from './lib/evaluateIntentSystem';

const curveFloors = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const pct = (v: number | null): string => (v === null ? '   n/a' : `${(100 * v).toFixed(1).padStart(5)}%`);

/** The in-scope / OOS-recall trade-off of one evaluation, with the trained thresholds marked. */
function curveLines(evaluation: IntentEvaluation, gold: readonly string[]): string[] {
  const thresholds = evaluation.model.thresholds as { minConfidence: number; minSimilarity: number } | undefined;
  if (!evaluation.rejectionScores || !thresholds || !gold.includes(OUT_OF_SCOPE_LABEL)) return [];
  const floors = [...new Set([...curveFloors, thresholds.minConfidence])].sort((a, b) => a - b);
  const lines = ['in-scope accuracy vs OOS recall (confidence floor swept; oos class and novelty floor as trained):'];
  for (const p of rejectionCurve(gold, evaluation.rejectionScores, OUT_OF_SCOPE_LABEL, thresholds.minSimilarity, floors)) {
    const mark = p.minConfidence === thresholds.minConfidence ? '  ← operating point (tuned on held-out training folds)' : '';
    lines.push(`  floor ${p.minConfidence.toFixed(3)}  in-scope ${pct(p.inScopeAccuracy)}  OOS recall ${pct(p.oosRecall)}${mark}`);
  }
  return lines;
}

function ablationLine(e: IntentEvaluation): string {
  return `  ${e.system.padEnd(22)} accuracy ${pct(e.accuracy)}  in-scope ${pct(e.inScopeAccuracy)}  OOS recall ${pct(e.oosRecall)}  top-ranked ${pct(e.rankedFirstAccuracy)}  train ${e.trainSeconds.toFixed(1).padStart(5)} s  p99 ${e.latencyP99Ms.toFixed(3)} ms`;
}

/** Rows' `intent_type` as a coarser label, when every row carries one. */
function coarseRows(train: readonly Row[], evaluation: readonly Row[]) {
  const typed = (rows: readonly Row[]) =>
    rows.every((r) => typeof r.intent_type === 'string') ? rows.map((r) => ({ intent: String(r.intent), coarse: String(r.intent_type) })) : null;
  const t = typed(train);
  const e = typed(evaluation);
  return t && e && t.length > 0 ? { train: t, evaluation: e } : null;
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  if (!args.data) throw new Error('usage: npm run eval -- --data <dir> [--json] [--with-dev]');
  const dir = resolve(args.data);
  const splits = loadDatasetSplits(dir, args.withDev);
  const heading = `${basename(dir)}: trained on ${args.withDev ? 'train+dev' : 'train'} (${splits.train.length}), reported on ${splits.evaluationSplit} (${splits.evaluation.length})`;
  const { shape } = splits;
  if (shape !== DatasetShape.intent) {
    const input = { shape, train: splits.train, evaluation: splits.evaluation, evaluationSplit: splits.evaluationSplit };
    const result = evaluateBinaryDetector(input);
    console.log(heading);
    for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(18)} ${typeof v === 'number' ? v.toFixed(4) : JSON.stringify(v)}`);
    const variants: (BinaryEvalResult & { system: string })[] = [];
    if (args.ablation && splits.train.length > 0) {
      variants.push({ system: 'Tandem', ...result });
      // The variant flips the default: vectors are on for complaint sets and off for frustrated turns.
      const flipped = vectorsByDefault[shape] ? null : shippedWordVectors();
      const vectorsVariant = vectorsByDefault[shape] ? 'without word vectors' : 'with word vectors';
      variants.push({ system: vectorsVariant, ...evaluateBinaryDetector({ ...input, options: { vectors: flipped } }) });
      if (shape === DatasetShape.frustrated) {
        variants.push({ system: 'without dialogue', ...evaluateBinaryDetector({ ...input, options: { dialogueFeatures: false } }) });
      }
      console.log('ablation (same split):');
      for (const v of variants) {
        console.log(`  ${v.system.padEnd(22)} precision ${v.precision.toFixed(4)}  recall ${v.recall.toFixed(4)}  F1 ${v.f1.toFixed(4)}  out-of-fold F1 ${v.outOfFoldF1?.toFixed(4) ?? 'n/a'}`);
      }
    }
    if (args.json) console.log(JSON.stringify({ dataset: basename(dir), split: splits.evaluationSplit, ...result, ablation: variants }));
    return;
  }
  const train = intentExamples(splits.train);
  const evaluated = intentExamples(splits.evaluation);
  const hasContext = evaluated.some((e) => e.context !== undefined);
  const full = await evaluateIntentSystem(tandemSystem({}, 'Tandem'), train, evaluated);
  const { predictions, rejectionScores: _scores, ...evaluation } = full;
  const peak = peakRssMb();
  const coarse = coarseRows(splits.train, splits.evaluation);
  const intentTypeAccuracy = coarse ? coarseAccuracy(coarse.train, coarse.evaluation, predictions, OUT_OF_SCOPE_LABEL) : null;
  console.log(heading);
  console.log(formatIntentEvaluation(evaluation, peak));
  if (intentTypeAccuracy !== null) console.log(`intent_type accuracy ${(100 * intentTypeAccuracy).toFixed(1)}%   (rows' coarser intent_type label)`);
  for (const line of curveLines(full, evaluated.map((r) => r.intent))) console.log(line);
  const ablation: IntentEvaluation[] = [];
  if (args.ablation) {
    ablation.push(full, await evaluateIntentSystem(tandemSystem({ wordVectors: null }, 'without word vectors'), train, evaluated));
    if (hasContext) {
      const bare = [intentExamples(splits.train, false), intentExamples(splits.evaluation, false)] as const;
      ablation.push(await evaluateIntentSystem(tandemSystem({}, 'without context'), ...bare));
      ablation.push(await evaluateIntentSystem(tandemSystem({ wordVectors: null }, 'without either'), ...bare));
    }
    console.log('ablation (same split):');
    for (const e of ablation) console.log(ablationLine(e));
  }
  if (args.json) {
    const variants = ablation.map(({ predictions: _p, rejectionScores: _r, topConfusions: _t, ...rest }) => rest);
    console.log(JSON.stringify({ dataset: basename(dir), split: splits.evaluationSplit, ...evaluation, intentTypeAccuracy, peakRssMb: peak, ablation: variants }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
