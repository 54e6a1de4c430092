import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The shipped table (built by `npm run sentiment:induce` from the word vectors and the lexicon). */
export const inducedPolarityFile = join(__dirname, '..', '..', '..', 'intents', 'vectors', 'induced-polarity.json');

const inducedPolarityJson = z.object({
  /** Hash of the word-vector table it was induced from. */
  vectors: z.string(),
  /** lexiconHash() of the lexicon it was induced from: a changed lexicon needs a rebuild. */
  lexicon: z.string(),
  options: z.record(z.string(), z.number()),
  words: z.record(z.string(), z.number().finite()),
});
export type InducedPolarityJson = z.infer<typeof inducedPolarityJson>;

/** Order-independent fingerprint of a word → score lexicon. */
export function lexiconHash(lexicon: ReadonlyMap<string, number>): string {
  const lines = [...lexicon].map(([w, s]) => `${w}\t${s}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** Parses a table file; a malformed file is an error, never a silently empty table. */
export function readInducedPolarity(file: string = inducedPolarityFile): { meta: InducedPolarityJson; words: ReadonlyMap<string, number> } {
  const meta = inducedPolarityJson.parse(JSON.parse(readFileSync(file, 'utf8')));
  return { meta, words: new Map(Object.entries(meta.words)) };
}

let shipped: ReadonlyMap<string, number> | null = null;

/** The shipped induced scores, read on first use. */
export function shippedInducedPolarity(): ReadonlyMap<string, number> {
  shipped ??= readInducedPolarity().words;
  return shipped;
}
