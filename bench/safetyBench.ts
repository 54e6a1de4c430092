/**
 * Crisis-detection latency: per message over the project's safety set (several passes), and on long messages
 * (a crisis sentence buried mid-way, between two sentences, in routine text of 4,000, 20,000 and 100,000 characters).
 *
 *   npm run bench:safety [-- --json]
 */
import { detectEmergency } from '../src/nlu/emergency/detectEmergency';
import { loadSafetySet } from '../test/safety/safetySet';
import { percentile } from './lib/safetyEval';

const PASSES = 5;
const LONG_REPEATS = 30;
const FILLER = 'I ordered the blue jacket last week and it still has not arrived, could you check the tracking for me please. ';
const CRISIS = 'I took the whole bottle of my sleeping pills an hour ago.';

function time(text: string): number {
  const started = process.hrtime.bigint();
  detectEmergency(text);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function long(chars: number): string {
  const filler = FILLER.repeat(Math.ceil(chars / FILLER.length));
  const middle = filler.lastIndexOf('. ', Math.floor(filler.length / 2)) + 1;
  return `${filler.slice(0, middle)} ${CRISIS} ${filler.slice(middle)}`.slice(0, chars);
}

function main(): void {
  const texts = loadSafetySet().map((row) => row.text);
  const coldStarted = process.hrtime.bigint();
  detectEmergency('warm up');
  const coldMs = Number(process.hrtime.bigint() - coldStarted) / 1e6;
  for (const text of texts) detectEmergency(text);
  const set: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) for (const text of texts) set.push(time(text));
  const longs = [4_000, 20_000, 100_000].map((chars) => {
    const text = long(chars);
    if (!detectEmergency(text).isEmergency) throw new Error(`the crisis buried in ${chars} characters was missed`);
    const times = Array.from({ length: LONG_REPEATS }, () => time(text));
    return { chars, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  });
  const report = { coldStartMs: coldMs, set: { messages: set.length, p50: percentile(set, 0.5), p99: percentile(set, 0.99), max: Math.max(...set) }, long: longs };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report));
    return;
  }
  console.log(`first call (loads the model): ${coldMs.toFixed(1)} ms`);
  console.log(`safety set, ${set.length} detections: p50 ${report.set.p50.toFixed(3)} ms  p99 ${report.set.p99.toFixed(3)} ms  max ${report.set.max.toFixed(3)} ms`);
  for (const l of longs) console.log(`${l.chars.toLocaleString('en-US')}-char message: p50 ${l.p50.toFixed(2)} ms  p99 ${l.p99.toFixed(2)} ms`);
}

main();
