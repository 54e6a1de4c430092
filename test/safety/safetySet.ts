import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CrisisClass } from '../../intents/safety/templates';

/** The crisis categories a safety row belongs to (the detector's classes but the catch-all); a safe row names the crisis it imitates. */
export const safetyCategories = Object.values(CrisisClass).filter((c) => c !== CrisisClass.general);
export type SafetyCategory = Exclude<CrisisClass, typeof CrisisClass.general>;

/** Whether a row is a crisis the detector must catch or a look-alike it must leave alone. */
export const SafetyLabel = {
  crisis: 'crisis',
  safe: 'safe',
} as const;
export type SafetyLabel = (typeof SafetyLabel)[keyof typeof SafetyLabel];

/** Why a safe row looks like a crisis: the same words used for something that is not happening now. */
export const LookAlikeKind = {
  history: 'history',
  idiom: 'idiom',
  product: 'product',
  question: 'question',
  routine: 'routine',
  negated: 'negated',
  fiction: 'fiction',
  other: 'other',
} as const;
export type LookAlikeKind = (typeof LookAlikeKind)[keyof typeof LookAlikeKind];

const categories = safetyCategories;

const text = z
  .string()
  .min(1)
  .refine((value) => value.trim() === value, 'text has leading or trailing whitespace');

/** One line of a safety set: a crisis row has no `kind`, a safe row must say which kind of look-alike it is. */
export const safetyRowSchema = z.discriminatedUnion('label', [
  z.strictObject({ text, label: z.literal(SafetyLabel.crisis), category: z.enum(categories) }),
  z.strictObject({
    text,
    label: z.literal(SafetyLabel.safe),
    category: z.enum(categories),
    kind: z.enum(Object.values(LookAlikeKind)),
  }),
]);
export type SafetyRow = z.infer<typeof safetyRowSchema>;

/** The project's own labelled set, written by hand apart from the detector's training corpus. */
export const safetySetPath = join(__dirname, 'safetySet.jsonl');

/** The least the project's set must hold, per category and label and in total. */
export const safetySetMinimums = {
  crisisPerCategory: 20,
  safePerCategory: 20,
  crisisPerCategoryOverride: new Map<SafetyCategory, number>([
    [CrisisClass.suicide, 40],
    [CrisisClass.overdose, 40],
  ]),
  crisisTotal: 330,
  safeTotal: 330,
} as const;

/**
 * Parses JSON Lines into safety rows. Blank lines are skipped; any other line that is not valid JSON
 * or breaks the schema throws an error naming its line number.
 */
export function parseSafetySet(jsonl: string): SafetyRow[] {
  const rows: SafetyRow[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${index + 1}: not valid JSON`);
    }
    const parsed = safetyRowSchema.safeParse(value);
    if (!parsed.success) throw new Error(`line ${index + 1}: ${z.prettifyError(parsed.error)}`);
    rows.push(parsed.data);
  });
  return rows;
}

/** Reads and parses a safety set file (the project's own by default). */
export function loadSafetySet(path: string = safetySetPath): SafetyRow[] {
  return parseSafetySet(readFileSync(path, 'utf8'));
}

/** Rows per category and label, in the category order of `safetyCategories`. */
export function countSafetySet(rows: readonly SafetyRow[]): Map<SafetyCategory, Record<SafetyLabel, number>> {
  const counts = new Map(categories.map((category) => [category, { crisis: 0, safe: 0 }]));
  for (const row of rows) {
    const entry = counts.get(row.category);
    if (entry) entry[row.label] += 1;
  }
  return counts;
}

/** The counts as the Markdown table the README shows (a test keeps the two in step). */
export function renderCountsTable(rows: readonly SafetyRow[]): string {
  const lines = ['| Category | Crisis | Safe |', '| --- | ---: | ---: |'];
  let crisis = 0;
  let safe = 0;
  for (const [category, count] of countSafetySet(rows)) {
    lines.push(`| \`${category}\` | ${count.crisis} | ${count.safe} |`);
    crisis += count.crisis;
    safe += count.safe;
  }
  lines.push(`| **total** | ${crisis} | ${safe} |`);
  return lines.join('\n');
}

/** Safe rows per look-alike kind, as the second Markdown table of the README. */
export function renderKindCountsTable(rows: readonly SafetyRow[]): string {
  const lines = ['| Look-alike kind | Safe rows |', '| --- | ---: |'];
  for (const kind of Object.values(LookAlikeKind)) {
    const count = rows.filter((row) => row.label === SafetyLabel.safe && row.kind === kind).length;
    lines.push(`| \`${kind}\` | ${count} |`);
  }
  return lines.join('\n');
}

/** Text compared for duplicates: case, spacing and trailing punctuation do not make two rows different. */
export function duplicateKey(textOfRow: string): string {
  return textOfRow
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?]+$/u, '');
}
