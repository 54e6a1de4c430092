/**
 * npm run eval -- --data <dir> [--json] [--with-dev]
 * Trains on train.jsonl (+ dev.jsonl with --with-dev) and reports on test.jsonl, or on dev.jsonl when there is
 * no test split. `{text, intent}` rows evaluate the intent classifier; `{text, label}` and `{text, frustrated}`
 * rows evaluate the negative-sentiment and frustration detectors (bench/lib/binaryEval.ts).
 * With --json the last stdout line is one JSON object.
 */
import { basename, resolve } from 'node:path';
import { OUT_OF_SCOPE_LABEL } from '../src/nlu/intent';
import { evaluateBinaryDetector } from './lib/binaryEval';
import { evaluateIntentSystem } from './lib/evaluateIntentSystem';
import { parseEvalArgs } from './lib/evalArgs';
import { tandemSystem } from './lib/intentSystem';
import { coarseAccuracy } from './lib/intentMetrics';
import { DatasetShape, intentExamples, loadDatasetSplits, type Row } from './lib/jsonlDataset';
import { formatIntentEvaluation, peakRssMb } from './lib/report';

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
    const result = evaluateBinaryDetector({ shape, train: splits.train, evaluation: splits.evaluation, evaluationSplit: splits.evaluationSplit });
    console.log(heading);
    for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(18)} ${typeof v === 'number' ? v.toFixed(4) : JSON.stringify(v)}`);
    if (args.json) console.log(JSON.stringify({ dataset: basename(dir), split: splits.evaluationSplit, ...result }));
    return;
  }
  const { predictions, ...evaluation } = await evaluateIntentSystem(tandemSystem(), intentExamples(splits.train), intentExamples(splits.evaluation));
  const peak = peakRssMb();
  const coarse = coarseRows(splits.train, splits.evaluation);
  const intentTypeAccuracy = coarse ? coarseAccuracy(coarse.train, coarse.evaluation, predictions, OUT_OF_SCOPE_LABEL) : null;
  console.log(heading);
  console.log(formatIntentEvaluation(evaluation, peak));
  if (intentTypeAccuracy !== null) console.log(`intent_type accuracy ${(100 * intentTypeAccuracy).toFixed(1)}%   (rows' coarser intent_type label)`);
  if (args.json) {
    console.log(JSON.stringify({ dataset: basename(dir), split: splits.evaluationSplit, ...evaluation, intentTypeAccuracy, peakRssMb: peak }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
