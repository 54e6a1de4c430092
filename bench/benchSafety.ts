/**
 * Latency of crisis detection per message (what safety adds to a turn): p50 and p99 over the project's safety set
 * and, separately, over ordinary customer messages (the dev split of ../shared/data/clinc150 when present),
 * after a warm-up pass. Figures depend on the machine and its load: the load average is printed with them, and a
 * figure taken on a busy machine says little. No test asserts on time.
 *
 *   npm run bench:safety [-- --ordinary ../shared/data/clinc150] [--rounds 5]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { EmergencyDetector } from '../src/nlu/emergency/detectEmergency';
import { loadSafetySet } from '../test/safety/safetySet';
import { readJsonl } from './lib/jsonlDataset';
import { percentile } from './lib/safetyEval';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function measure(detector: EmergencyDetector, texts: readonly string[], rounds: number): { p50: number; p99: number; max: number; n: number } {
  for (const text of texts) detector.detect(text);
  const timings: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const started = process.hrtime.bigint();
      detector.detect(text);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99), max: Math.max(...timings), n: timings.length };
}

function main(): void {
  const rounds = Number(arg('rounds') ?? 5);
  const started = process.hrtime.bigint();
  const detector = new EmergencyDetector();
  detector.detect('warm up');
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const sets: [string, string[]][] = [['safety set (test/safety/safetySet.jsonl)', loadSafetySet().map((r) => r.text)]];
  const ordinary = arg('ordinary') ?? join(__dirname, '..', '..', 'shared', 'data', 'clinc150');
  if (existsSync(join(ordinary, 'dev.jsonl'))) sets.push([`ordinary messages (${ordinary}/dev.jsonl)`, readJsonl(join(ordinary, 'dev.jsonl')).map((r) => r.text)]);
  const [l1, l5, l15] = loadavg().map((x) => x.toFixed(2));
  console.log(`crisis detection latency per message (${rounds} rounds after a warm-up; model load ${loadMs.toFixed(0)} ms)`);
  console.log(`load average ${l1} ${l5} ${l15}: on a busy machine these figures run high; compare runs on an idle one`);
  for (const [name, texts] of sets) {
    const m = measure(detector, texts, rounds);
    console.log(`  ${name}: p50 ${m.p50.toFixed(3)} ms  p99 ${m.p99.toFixed(3)} ms  max ${m.max.toFixed(3)} ms  (${m.n} runs)`);
  }
}

main();
