/**
 * npm run eval -- --data <dir> [--json] [--with-dev]
 * Trains on train.jsonl (+ dev.jsonl with --with-dev) and reports on test.jsonl, or on dev.jsonl when there is
 * no test split. `{text, intent}` rows evaluate the intent classifier; `{text, label}` and `{text, frustrated}`
 * rows evaluate the negative-sentiment and frustration detectors (bench/lib/binaryEval.ts).
 * With --json the last stdout line is one JSON object.
 */
import { basename, resolve } from 'node:path';
import { evaluateBinaryDetector } from './lib/binaryEval';
import { evaluateIntentSystem } from './lib/evaluateIntentSystem';
import { parseEvalArgs } from './lib/evalArgs';
import { tandemSystem } from './lib/intentSystem';
import { DatasetShape, intentExamples, loadDatasetSplits } from './lib/jsonlDataset';
import { formatIntentEvaluation, peakRssMb } from './lib/report';

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
  const evaluation = await evaluateIntentSystem(tandemSystem(), intentExamples(splits.train), intentExamples(splits.evaluation));
  const peak = peakRssMb();
  console.log(heading);
  console.log(formatIntentEvaluation(evaluation, peak));
  if (args.json) {
    console.log(JSON.stringify({ dataset: basename(dir), split: splits.evaluationSplit, ...evaluation, peakRssMb: peak }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
