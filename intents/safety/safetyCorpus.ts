import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CrisisCategory } from '../../src/nlu/types';

/** One training row; `category` is absent on ordinary messages that imitate no crisis in particular. */
export const safetyCorpusRowSchema = z.strictObject({
  text: z.string().min(1),
  label: z.enum(['crisis', 'safe']),
  category: z.enum(Object.values(CrisisCategory)).optional(),
  kind: z.string().optional(),
  source: z.string(),
});
export type SafetyCorpusRow = z.infer<typeof safetyCorpusRowSchema>;

export const safetyCorpusFiles = ['generated.jsonl', 'mined.jsonl'].map((file) => join(__dirname, 'corpus', file));

/** Reads the training corpus; a broken line throws with its file and line number. */
export function loadSafetyCorpus(files: readonly string[] = safetyCorpusFiles): SafetyCorpusRow[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => {
        if (!line.trim()) return [];
        const parsed = safetyCorpusRowSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${index + 1}: ${z.prettifyError(parsed.error)}`);
        return [parsed.data];
      }),
  );
}
