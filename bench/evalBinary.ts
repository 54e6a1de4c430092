/**
 * Binary detector evaluation: negative customer messages (`{text, label}`) or frustrated turns
 * (`{text, frustrated}`). Trains on <data>/train.jsonl, tunes the threshold on a held-out slice of it,
 * and reports on <data>/dev.jsonl (or --split).
 *
 *   npm run eval:binary -- --data <dir> [--split dev] [--method lexicon|model|combined] [--folds 5] [--model '{"epochs":5}'] [--no-dialogue] [--induced] [--untuned] [--json]
 *
 * The word-vector block is on for `{text, label}` rows and off for frustrated turns (`vectorsByDefault`, measured);
 * `--model '{"vectorWeight":0}'` turns it off everywhere; `--no-dialogue` leaves out the
 * dialogue-level features of frustrated-turn rows (the previous turn, repetition). `--induced` reads sentiment
 * with the polarity induced through the word vectors for words the lexicon lacks (the live bot reads the lexicon alone);
 * `--untuned` (lexicon method) ignores train.jsonl and decides at the fixed default threshold 0.3.
 *
 * With --json the last stdout line is a JSON object with precision, recall and f1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createSentimentAnalyzer } from '../src/nlu/sentiment/analyzeSentiment';
import { shippedInducedPolarity } from '../src/nlu/sentiment/inducedPolarityTable';
import { type BinaryMethod, detectBinaryKind, evaluateBinaryDetector } from './lib/binaryEval';

function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`${path}:${i + 1} is not valid JSON`);
      }
    });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const data = arg('data');
  if (!data) {
    console.error('usage: npm run eval:binary -- --data <dir> [--split dev] [--method lexicon|model|combined] [--json]');
    process.exit(2);
  }
  const split = arg('split') ?? 'dev';
  const method = z.enum(['lexicon', 'model', 'combined']).optional().parse(arg('method')) as BinaryMethod | undefined;
  const modelOptions = arg('model') ? z.record(z.string(), z.unknown()).parse(JSON.parse(arg('model')!)) : {};
  const evalRows = readJsonl(join(data, `${split}.jsonl`));
  const train = process.argv.includes('--untuned') ? [] : readJsonl(join(data, 'train.jsonl'));
  const analyze = process.argv.includes('--induced') ? { analyze: createSentimentAnalyzer(shippedInducedPolarity()) } : {};
  const kind = detectBinaryKind(evalRows);
  const started = Date.now();
  const folds = arg('folds') ? Number(arg('folds')) : undefined;
  const dialogueFeatures = !process.argv.includes('--no-dialogue');
  const result = evaluateBinaryDetector(evalRows, kind, { train, ...(method ? { method } : {}), ...(folds ? { folds } : {}), model: modelOptions, dialogueFeatures, ...analyze });
  const seconds = (Date.now() - started) / 1000;
  console.log(`${data} (${split}, ${kind}, ${result.method}): n=${result.n} positives=${result.positives}`);
  console.log(`  precision ${result.precision.toFixed(4)}  recall ${result.recall.toFixed(4)}  F1 ${result.f1.toFixed(4)}  accuracy ${result.accuracy.toFixed(4)}`);
  console.log(`  threshold ${result.threshold} (tuned on out-of-fold scores of ${result.tuneRows} train rows; out-of-fold F1 ${result.outOfFoldF1 ?? 'n/a'})  ${seconds.toFixed(1)} s`);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ ...result, data, split, seconds }));
}

main();
