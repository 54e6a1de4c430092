/**
 * npm run eval -- --data <dir> [--json] [--with-dev]
 * Trains on train.jsonl (+ dev.jsonl with --with-dev) and reports on test.jsonl, or on dev.jsonl when there is
 * no test split. `{text, intent}` rows evaluate the intent classifier; `{text, label}` and `{text, frustrated}`
 * rows evaluate the negative-sentiment and frustration detectors through bench/lib/binaryEval.ts.
 * With --json the last stdout line is one JSON object.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { evaluateIntentSystem } from './lib/evaluateIntentSystem';
import { parseEvalArgs } from './lib/evalArgs';
import { tandemSystem } from './lib/intentSystem';
import { DatasetShape, intentExamples, loadDatasetSplits, type DatasetSplits } from './lib/jsonlDataset';
import { formatIntentEvaluation, peakRssMb } from './lib/report';

const binaryEvalModule = z.object({ evaluateBinaryDetector: z.function() });

/** The sentiment/frustration owner provides bench/lib/binaryEval.ts; until then this fails with a clear message. */
async function evaluateBinary(splits: DatasetSplits, dir: string): Promise<Record<string, unknown>> {
  const path = join(__dirname, 'lib', 'binaryEval.ts');
  if (!existsSync(path)) {
    throw new Error(
      `${dir} holds {text, ${splits.shape}} rows, which evaluate the ${splits.shape === DatasetShape.frustrated ? 'frustration' : 'negative-sentiment'} detector, ` +
        'but bench/lib/binaryEval.ts (exporting evaluateBinaryDetector) does not exist yet.',
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = binaryEvalModule.safeParse(require(path));
  if (!loaded.success) throw new Error('bench/lib/binaryEval.ts must export a function evaluateBinaryDetector');
  const evaluate = loaded.data.evaluateBinaryDetector as (input: {
    shape: DatasetShape;
    train: DatasetSplits['train'];
    evaluation: DatasetSplits['evaluation'];
    evaluationSplit: DatasetSplits['evaluationSplit'];
  }) => Promise<Record<string, unknown>> | Record<string, unknown>;
  return await evaluate({ shape: splits.shape, train: splits.train, evaluation: splits.evaluation, evaluationSplit: splits.evaluationSplit });
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  if (!args.data) throw new Error('usage: npm run eval -- --data <dir> [--json] [--with-dev]');
  const dir = resolve(args.data);
  const splits = loadDatasetSplits(dir, args.withDev);
  const heading = `${basename(dir)}: trained on ${args.withDev ? 'train+dev' : 'train'} (${splits.train.length}), reported on ${splits.evaluationSplit} (${splits.evaluation.length})`;
  if (splits.shape !== DatasetShape.intent) {
    const result = await evaluateBinary(splits, dir);
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
