import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TrainingExample } from '../../src/nlu/intent';

/** What a dataset folder's rows describe, read from the first row's fields. */
export const DatasetShape = { intent: 'intent', label: 'label', frustrated: 'frustrated' } as const;
export type DatasetShape = (typeof DatasetShape)[keyof typeof DatasetShape];

export type Row = Record<string, unknown> & { readonly text: string };

const rowSchema = z.looseObject({ text: z.string() });

export function readJsonl(path: string): Row[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = rowSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: every row needs a string "text" field`);
      return parsed.data;
    });
}

export function shapeOf(rows: readonly Row[], dir: string): DatasetShape {
  const first = rows[0];
  if (first && typeof first.intent === 'string') return DatasetShape.intent;
  if (first && typeof first.frustrated === 'boolean') return DatasetShape.frustrated;
  if (first && typeof first.label === 'string') return DatasetShape.label;
  throw new Error(`${dir}: rows have none of "intent" (string), "label" (string) or "frustrated" (boolean)`);
}

export interface DatasetSplits {
  readonly shape: DatasetShape;
  readonly train: Row[];
  /** The split reported on: test.jsonl when present, else dev.jsonl. */
  readonly evaluation: Row[];
  readonly evaluationSplit: 'test' | 'dev';
}

/** Loads train (+ dev with `withDev`) for training and test (or dev when there is no test split) for reporting. */
export function loadDatasetSplits(dir: string, withDev: boolean): DatasetSplits {
  const train = readJsonl(join(dir, 'train.jsonl'));
  const dev = readJsonl(join(dir, 'dev.jsonl'));
  const test = readJsonl(join(dir, 'test.jsonl'));
  const evaluationSplit = test.length > 0 ? 'test' : 'dev';
  if (withDev && evaluationSplit === 'dev') throw new Error(`${dir}: --with-dev needs a test.jsonl to report on (dev would be trained on)`);
  const evaluation = evaluationSplit === 'test' ? test : dev;
  if (evaluation.length === 0) throw new Error(`${dir}: no test.jsonl or dev.jsonl rows to evaluate on`);
  return {
    shape: shapeOf(train.length > 0 ? train : evaluation, dir),
    train: withDev ? [...train, ...dev] : train,
    evaluation,
    evaluationSplit,
  };
}

/** A labelled row; `opening` is the text of its dialogue's opening turn when the row is a later turn. */
export interface IntentRow extends TrainingExample {
  readonly opening?: string;
}

/**
 * Rows of an intent dataset as training examples. Rows that carry `prev_system_utterance` (SGD) get a
 * context: that utterance as the bot's last question and, for a row that is not its dialogue's opening turn,
 * the opening turn's gold intent as the active task (evaluation replaces it with the system's own answer to
 * the opening turn, as a running bot would have it). Without `withContext`, or without such fields, rows have
 * no context.
 */
export function intentExamples(rows: readonly Row[], withContext = true): IntentRow[] {
  const opening = new Map<string, Row>();
  for (const r of rows) if (r.prev_system_utterance === null && typeof r.dialogue_id === 'string') opening.set(r.dialogue_id, r);
  return rows.map((r) => {
    const example = { text: r.text, intent: String(r.intent) };
    if (!withContext || typeof r.prev_system_utterance !== 'string') return example;
    const first = typeof r.dialogue_id === 'string' ? opening.get(r.dialogue_id) : undefined;
    const context = { activeIntent: first ? String(first.intent) : null, lastQuestion: r.prev_system_utterance };
    return first ? { ...example, context, opening: first.text } : { ...example, context };
  });
}
