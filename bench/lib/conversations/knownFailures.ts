import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ConversationResult } from './runConversations';

/** `{ "<conversation id>": "<why it fails: which behaviour the bot still lacks>" }`. */
const knownFailuresSchema = z.record(z.string().min(1), z.string().min(10, 'give the reason in a sentence'));

export type KnownFailures = ReadonlyMap<string, string>;

export function readKnownFailures(path: string): KnownFailures {
  const parsed = knownFailuresSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return new Map(Object.entries(parsed.data));
}

/** How a run compares with the list: the list may only shrink, and nothing else may fail. */
export interface KnownFailureCheck {
  /** Failing conversations that are not listed. */
  readonly unexpected: readonly ConversationResult[];
  /** Listed conversations that pass now: take them off the list. */
  readonly nowPassing: readonly string[];
  /** Listed ids that are in no data file. */
  readonly unknown: readonly string[];
}

export function compareWithKnownFailures(results: readonly ConversationResult[], known: KnownFailures): KnownFailureCheck {
  const byId = new Map(results.map((r) => [r.id, r]));
  return {
    unexpected: results.filter((r) => !r.passed && !known.has(r.id)),
    nowPassing: [...known.keys()].filter((id) => byId.get(id)?.passed === true),
    unknown: [...known.keys()].filter((id) => !byId.has(id)),
  };
}
