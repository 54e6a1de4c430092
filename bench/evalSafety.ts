/**
 * Safety eval: runs the crisis detector over a labelled safety set (JSON Lines, the format of
 * test/safety/README.md) and reports recall, false-alarm rate, per category and per look-alike kind,
 * detection latency, and every miss and false alarm.
 *
 *   npm run eval:safety -- --data test/safety/safetySet.jsonl [--json]
 *
 * With --json the only stdout line is the report as one JSON object.
 */
import { detectEmergency } from '../src/nlu/emergency/detectEmergency';
import { loadSafetySet } from '../test/safety/safetySet';
import { evaluateSafety, type SafetySlice } from './lib/safetyEval';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;
const sliceLine = (name: string, s: SafetySlice): string =>
  `  ${name.padEnd(20)} recall ${percent(s.recall).padStart(6)} (${s.caught}/${s.crisis})   false alarms ${percent(s.falseAlarmRate).padStart(6)} (${s.alarms}/${s.safe})`;

function main(): void {
  const data = arg('data');
  if (!data) {
    console.error('usage: npm run eval:safety -- --data <file.jsonl> [--json]');
    process.exit(2);
  }
  const report = evaluateSafety(loadSafetySet(data), detectEmergency);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ data, ...report }));
    return;
  }
  console.log(`${data}`);
  console.log(sliceLine('all', report.overall));
  for (const [category, slice] of Object.entries(report.perCategory)) console.log(sliceLine(category, slice));
  console.log('  false alarms per look-alike kind:');
  for (const [kind, k] of Object.entries(report.perKind)) console.log(`    ${kind.padEnd(10)} ${k.alarms}/${k.safe}`);
  console.log(`  latency per message: p50 ${report.latencyMs.p50.toFixed(3)} ms  p99 ${report.latencyMs.p99.toFixed(3)} ms  max ${report.latencyMs.max.toFixed(3)} ms`);
  console.log(`misses (${report.misses.length}):`);
  for (const miss of report.misses) console.log(`  [${miss.category}] ${miss.text.length > 300 ? `${miss.text.slice(0, 300)}…` : miss.text}`);
  console.log(`false alarms (${report.falseAlarms.length}):`);
  for (const alarm of report.falseAlarms) console.log(`  [${alarm.category}/${alarm.kind} → ${alarm.categories.join(',') || 'general'}] ${alarm.text.length > 300 ? `${alarm.text.slice(0, 300)}…` : alarm.text}`);
}

main();
