/**
 * False alarms of the crisis detector on ordinary customer messages: runs it over the DEV split of one folder of
 * ../shared/data (or several) and reports how many messages raised the alarm. None of these messages is a crisis,
 * so every alarm is a false one (read the list: a real crisis in a public dataset would be a finding, not an error).
 *
 *   npm run eval:safety:ordinary -- --data ../shared/data/clinc150 [--data ...] [--json]
 *
 * Dev splits only: the model trains on the train splits of clinc150, banking77 and bitext_customer_support.
 */
import { join } from 'node:path';
import { detectEmergency } from '../src/nlu/emergency/detectEmergency';
import { readJsonl } from './lib/jsonlDataset';

function main(): void {
  const dirs: string[] = [];
  for (let i = 2; i < process.argv.length; i++) if (process.argv[i] === '--data' && process.argv[i + 1]) dirs.push(process.argv[++i]!);
  const json = process.argv.includes('--json');
  if (dirs.length === 0) {
    console.error('usage: npm run eval:safety:ordinary -- --data <shared data folder> [--data ...] [--json]');
    process.exit(2);
  }
  const reports = dirs.map((dir) => {
    const rows = readJsonl(join(dir, 'dev.jsonl'));
    if (rows.length === 0) throw new Error(`${dir}: no dev.jsonl rows`);
    const alarms = rows.filter((row) => detectEmergency(row.text).isEmergency).map((row) => row.text);
    return { data: dir, messages: rows.length, alarms: alarms.length, falseAlarmRate: alarms.length / rows.length, examples: alarms.slice(0, 20) };
  });
  if (json) {
    console.log(JSON.stringify(reports));
    return;
  }
  for (const r of reports) {
    console.log(`${r.data} (dev): false alarms ${(100 * r.falseAlarmRate).toFixed(2)}% (${r.alarms}/${r.messages})`);
    for (const text of r.examples) console.log(`  ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
  }
}

main();
