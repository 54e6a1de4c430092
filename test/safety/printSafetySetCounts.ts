// Prints the counts table for the README: npx tsx test/safety/printSafetySetCounts.ts [file.jsonl]
import { loadSafetySet, renderCountsTable, renderKindCountsTable } from './safetySet';

const rows = loadSafetySet(process.argv[2]);
process.stdout.write(`${renderCountsTable(rows)}\n\n${renderKindCountsTable(rows)}\n`);
