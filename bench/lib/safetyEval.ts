import type { EmergencyResult } from '../../src/nlu/types';
import type { SafetyRow } from '../../test/safety/safetySet';

/** Recall and false alarms of one slice of a safety set (a category, a look-alike kind, or all of it). */
export interface SafetySlice {
  readonly crisis: number;
  readonly caught: number;
  readonly safe: number;
  readonly alarms: number;
  readonly recall: number;
  readonly falseAlarmRate: number;
}

export interface SafetyEvalReport {
  readonly overall: SafetySlice;
  readonly perCategory: Readonly<Record<string, SafetySlice>>;
  /** Safe rows only: false alarms per look-alike kind. */
  readonly perKind: Readonly<Record<string, { readonly safe: number; readonly alarms: number }>>;
  /** Detection time per message, in milliseconds. */
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly misses: readonly { readonly text: string; readonly category: string }[];
  readonly falseAlarms: readonly { readonly text: string; readonly category: string; readonly kind: string; readonly categories: readonly string[] }[];
}

/** Runs `detect` once per row (after one warm-up pass) and scores it against the labels. */
export function evaluateSafety(rows: readonly SafetyRow[], detect: (text: string) => EmergencyResult): SafetyEvalReport {
  for (const row of rows.slice(0, 50)) detect(row.text);
  const timings: number[] = [];
  const misses: { text: string; category: string }[] = [];
  const falseAlarms: { text: string; category: string; kind: string; categories: readonly string[] }[] = [];
  const perCategory = new Map<string, { crisis: number; caught: number; safe: number; alarms: number }>();
  const perKind = new Map<string, { safe: number; alarms: number }>();
  for (const row of rows) {
    const started = process.hrtime.bigint();
    const result = detect(row.text);
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    const slice = perCategory.get(row.category) ?? { crisis: 0, caught: 0, safe: 0, alarms: 0 };
    perCategory.set(row.category, slice);
    if (row.label === 'crisis') {
      slice.crisis += 1;
      if (result.isEmergency) slice.caught += 1;
      else misses.push({ text: row.text, category: row.category });
    } else {
      slice.safe += 1;
      const kind = perKind.get(row.kind) ?? { safe: 0, alarms: 0 };
      perKind.set(row.kind, kind);
      kind.safe += 1;
      if (result.isEmergency) {
        slice.alarms += 1;
        kind.alarms += 1;
        falseAlarms.push({ text: row.text, category: row.category, kind: row.kind, categories: result.categories });
      }
    }
  }
  const totals = [...perCategory.values()].reduce(
    (sum, s) => ({ crisis: sum.crisis + s.crisis, caught: sum.caught + s.caught, safe: sum.safe + s.safe, alarms: sum.alarms + s.alarms }),
    { crisis: 0, caught: 0, safe: 0, alarms: 0 },
  );
  return {
    overall: withRates(totals),
    perCategory: Object.fromEntries([...perCategory].map(([category, s]) => [category, withRates(s)])),
    perKind: Object.fromEntries(perKind),
    latencyMs: { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99), max: Math.max(0, ...timings) },
    misses,
    falseAlarms,
  };
}

function withRates(s: { crisis: number; caught: number; safe: number; alarms: number }): SafetySlice {
  return { ...s, recall: s.crisis === 0 ? 1 : s.caught / s.crisis, falseAlarmRate: s.safe === 0 ? 0 : s.alarms / s.safe };
}

/** Nearest-rank percentile of unsorted values (0 for none). */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
