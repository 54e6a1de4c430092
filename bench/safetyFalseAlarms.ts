/**
 * False alarms of the crisis detector on ordinary messages: every user turn of conversation files
 * (`{turns: [...]}` lines) and every `text` of labelled datasets (`{text, ...}` lines). Prints the rate per file and
 * each message that raised the alarm.
 *
 *   npm run eval:safety:ordinary -- <file.jsonl> [more files...] [--json]
 */
import { readFileSync } from 'node:fs';
import { detectEmergency } from '../src/nlu/emergency/detectEmergency';

function messagesOf(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      const row = JSON.parse(line) as { text?: unknown; turns?: unknown[] };
      if (typeof row.text === 'string') return [row.text];
      return (row.turns ?? []).map((turn) => (typeof turn === 'string' ? turn : (turn as { user?: unknown }).user)).filter((t): t is string => typeof t === 'string');
    });
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run eval:safety:ordinary -- <file.jsonl> [more files...] [--json]');
  process.exit(2);
}
const results = files.map((file) => {
  const messages = messagesOf(file);
  const alarms = messages.filter((text) => detectEmergency(text).isEmergency);
  return { file, messages: messages.length, alarms: alarms.length, rate: messages.length ? alarms.length / messages.length : 0, alarmTexts: alarms };
});
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results));
} else {
  for (const r of results) {
    console.log(`${r.file}: ${r.alarms}/${r.messages} false alarms (${(100 * r.rate).toFixed(2)}%)`);
    for (const text of r.alarmTexts) console.log(`  ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
  }
}
