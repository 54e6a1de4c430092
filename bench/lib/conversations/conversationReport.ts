import type { ConversationResult } from './runConversations';

export interface CategoryRate {
  readonly category: string;
  readonly passed: number;
  readonly total: number;
  readonly passRate: number;
}

export interface ConversationSummary {
  readonly data: string;
  readonly passed: number;
  readonly total: number;
  readonly passRate: number;
  readonly categories: readonly CategoryRate[];
  readonly failures: readonly { id: string; category: string; turn: number | null; user: string | null; expected: string; got: string }[];
  readonly uncheckedIntents: number;
  readonly seconds: number;
}

export function summarize(data: string, results: readonly ConversationResult[], seconds: number): ConversationSummary {
  const byCategory = new Map<string, { passed: number; total: number }>();
  for (const result of results) {
    const rate = byCategory.get(result.category) ?? { passed: 0, total: 0 };
    rate.total++;
    if (result.passed) rate.passed++;
    byCategory.set(result.category, rate);
  }
  const passed = results.filter((r) => r.passed).length;
  return {
    data,
    passed,
    total: results.length,
    passRate: ratio(passed, results.length),
    categories: [...byCategory.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, rate]) => ({ category, ...rate, passRate: ratio(rate.passed, rate.total) })),
    failures: results.flatMap((r) => r.failures.map((f) => ({ id: r.id, category: r.category, ...f }))),
    uncheckedIntents: results.reduce((sum, r) => sum + r.uncheckedIntents, 0),
    seconds,
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 1000);
const percent = (rate: number) => `${(100 * rate).toFixed(1)}%`;
const clip = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/** The human-readable report: one line per category, the total, then each failure. */
export function formatSummary(summary: ConversationSummary): string {
  const width = Math.max(8, ...summary.categories.map((c) => c.category.length));
  const lines = [`${summary.data}: ${summary.passed} of ${summary.total} conversations pass (${percent(summary.passRate)}) in ${summary.seconds.toFixed(1)} s`, ''];
  for (const c of summary.categories) lines.push(`  ${c.category.padEnd(width)}  ${String(c.passed).padStart(3)} / ${String(c.total).padEnd(3)}  ${percent(c.passRate).padStart(6)}`);
  if (summary.uncheckedIntents > 0) lines.push('', `  (${summary.uncheckedIntents} intent expectations not checked: a remote bot does not expose its intents)`);
  if (summary.failures.length > 0) lines.push('', 'Failures:');
  for (const f of summary.failures) {
    const where = f.turn === null ? 'end of conversation' : `turn ${f.turn} ${JSON.stringify(clip(f.user ?? '', 120))}`;
    lines.push(`- ${f.id} [${f.category}], ${where}`, `    expected: ${f.expected}`, `    got:      ${clip(f.got).replace(/\n/g, '\n              ')}`);
  }
  return lines.join('\n');
}
