/**
 * How long the text scanners take on hostile 100,000-character inputs (the ones the tests feed them
 * only to check the result): redaction of the whole text, cleaning, and then, on the 4,000 characters
 * a turn keeps, entity extraction and the emergency detector. A scanner with catastrophic backtracking
 * shows up here as seconds instead of milliseconds.
 *
 *   npm run bench:adversarial [-- --runs 5]
 */
import { cpus, loadavg } from 'node:os';
import { detectEmergency } from '../src/nlu/emergency/detectEmergency';
import { extractEntities } from '../src/nlu/entities/extractEntities';
import { cleanText } from '../src/nlu/language/cleanText';
import { redactPii } from '../src/privacy/redactPii';
import { adversarialTexts } from '../test/support/adversarialText';


const keptChars = 4000;
const entityOptions = { timezone: 'America/New_York', now: new Date('2026-06-10T14:00:00Z') };
const scanners: ReadonlyArray<readonly [string, (text: string) => unknown]> = [
  ['redactPii (100k)', (text) => redactPii(text)],
  ['cleanText (100k)', (text) => cleanText(text, keptChars)],
  ['extractEntities (4k)', (text) => extractEntities(text.slice(0, keptChars), entityOptions)],
  ['detectEmergency (4k)', (text) => detectEmergency(text.slice(0, keptChars))],
];

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const runs = argument('runs', 5);
console.log(`${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load average ${loadavg()[0]?.toFixed(2)}, ${runs} runs per cell (median / max ms)`);
for (const [scanner, scan] of scanners) {
  let worst = { input: '', ms: 0 };
  const cells: string[] = [];
  for (const [input, text] of adversarialTexts) {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      scan(text);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const max = times[times.length - 1] ?? 0;
    if (max > worst.ms) worst = { input, ms: max };
    cells.push(`${input} ${median.toFixed(1)}/${max.toFixed(1)}`);
  }
  console.log(`${scanner}: worst ${worst.ms.toFixed(1)} ms (${worst.input})\n  ${cells.join(' · ')}`);
}
