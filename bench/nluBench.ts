/**
 * npm run bench:nlu -- --data <dir> [--json] [--with-dev]
 * Tandem's intent classifier and NLP.js (node-nlp NlpManager) trained and scored on the same split, in one run.
 */
import { basename, resolve } from 'node:path';
import { evaluateIntentSystem, type IntentEvaluation } from './lib/evaluateIntentSystem';
import { parseEvalArgs } from './lib/evalArgs';
import { tandemSystem } from './lib/intentSystem';
import { DatasetShape, intentExamples, loadDatasetSplits } from './lib/jsonlDataset';
import { nlpjsSystem } from './lib/nlpjsSystem';

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(100 * v).toFixed(1)}%`);

function row(e: IntentEvaluation): string[] {
  return [
    e.system,
    pct(e.accuracy),
    pct(e.inScopeAccuracy),
    pct(e.oosRecall),
    e.trainSeconds.toFixed(1),
    e.latencyP50Ms.toFixed(3),
    e.latencyP99Ms.toFixed(3),
  ];
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  if (!args.data) throw new Error('usage: npm run bench:nlu -- --data <dir> [--json] [--with-dev]');
  const dir = resolve(args.data);
  const splits = loadDatasetSplits(dir, args.withDev);
  if (splits.shape !== DatasetShape.intent) throw new Error(`${dir}: bench:nlu compares intent classifiers; its rows have no "intent"`);
  const results: IntentEvaluation[] = [];
  for (const system of [tandemSystem(), nlpjsSystem()]) results.push(await evaluateIntentSystem(system, intentExamples(splits.train), intentExamples(splits.evaluation)));
  const header = ['system', 'accuracy', 'in-scope acc', 'OOS recall', 'train s', 'p50 ms', 'p99 ms'];
  const table = [header, ...results.map(row)];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  console.log(`${basename(dir)}: trained on ${args.withDev ? 'train+dev' : 'train'} (${splits.train.length}), reported on ${splits.evaluationSplit} (${splits.evaluation.length})`);
  for (const r of table) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  if (args.json) {
    console.log(JSON.stringify({ dataset: basename(dir), split: splits.evaluationSplit, systems: results.map(({ topConfusions: _t, predictions: _p, rejectionScores: _r, ...rest }) => rest) }));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
