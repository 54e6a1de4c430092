import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** A pattern in a data file: a JavaScript regular expression, always applied case-insensitively. */
const pattern = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);

/** What one user turn must produce. Every key is optional; only the keys present are checked. */
export const turnExpectationSchema = z
  .object({
    /** Must match the bot's message replies to this turn (joined by new lines). */
    reply_matches: pattern.optional(),
    /** Must not match them. */
    reply_not_matches: pattern.optional(),
    /** Must match the titles of the buttons offered with this turn's replies (one per line). */
    buttons_match: pattern.optional(),
    /** Must not match them: an action that does not apply is not offered. */
    buttons_not_match: pattern.optional(),
    /** Must match the whole intent name the bot recorded for this turn ("none" when it recorded none or out of scope). */
    intent: pattern.optional(),
    /** Whether this turn sends `handoff.initiate`. */
    handoff: z.boolean().optional(),
  })
  .strict();

const turnSchema = z.union([z.string(), z.object({ user: z.string(), expect: turnExpectationSchema.optional() }).strict()]);

/** One conversation test: a fresh conversation, its user turns in order, and what must hold at its end. */
export const conversationTestSchema = z.object({
  id: z.string().min(1).max(200),
  category: z.string().min(1).max(100),
  turns: z.array(turnSchema).min(1),
  /** "online" (default): an agent is signed in, so a handoff queues. "none": nobody is, so a callback is offered. */
  agents: z.enum(['online', 'none']).optional(),
  expect: z
    .object({
      /** true: some turn sent `handoff.initiate`; false: none did. */
      handoff: z.boolean().optional(),
      /** The `reason` of the first `handoff.initiate`. */
      reason: z.string().min(1).optional(),
    })
    .strict()
    .optional(),
});

export type TurnExpectation = z.infer<typeof turnExpectationSchema>;
export type ConversationTest = z.infer<typeof conversationTestSchema>;

/** A user turn with its expectation, a plain string turn having none. */
export interface ScriptedTurn {
  readonly user: string;
  readonly expect: TurnExpectation;
}

export function scriptedTurns(test: ConversationTest): ScriptedTurn[] {
  return test.turns.map((turn) => (typeof turn === 'string' ? { user: turn, expect: {} } : { user: turn.user, expect: turn.expect ?? {} }));
}

/** A data file that cannot be used, with every bad line named. */
export class TranscriptFormatError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly { line: number; message: string }[],
  ) {
    super(problems.map((p) => `${source}:${p.line}: ${p.message}`).join('\n'));
    this.name = 'TranscriptFormatError';
  }
}

/** Parses JSON Lines text (blank lines skipped); all bad lines are reported together, by line number. */
export function parseConversationTests(text: string, source: string): ConversationTest[] {
  const tests: ConversationTest[] = [];
  const problems: { line: number; message: string }[] = [];
  const firstLineOfId = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim().length === 0) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const parsed = conversationTestSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'} ${issue.message}`);
      problems.push({ line, message: issues.join('; ') });
      return;
    }
    const seen = firstLineOfId.get(parsed.data.id);
    if (seen !== undefined) {
      problems.push({ line, message: `duplicate id "${parsed.data.id}" (first on line ${seen})` });
      return;
    }
    firstLineOfId.set(parsed.data.id, line);
    tests.push(parsed.data);
  });
  if (problems.length > 0) throw new TranscriptFormatError(source, problems);
  if (tests.length === 0) throw new TranscriptFormatError(source, [{ line: 1, message: 'no conversations in the file' }]);
  return tests;
}

export function readConversationTests(path: string): ConversationTest[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseConversationTests(text, path);
}

/** A file of conversation tests; each file gets its own fresh bot, as its conversations are ordered for it. */
export interface ConversationFile {
  readonly path: string;
  readonly tests: readonly ConversationTest[];
}

/** One .jsonl file, or every .jsonl file of a folder (sorted by name); ids must be unique across them. */
export function readConversationFiles(path: string): ConversationFile[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const paths = isFolder
    ? readdirSync(path)
        .filter((name) => name.endsWith('.jsonl'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  if (paths.length === 0) throw new Error(`${path}: no .jsonl files in this folder`);
  const files = paths.map((file) => ({ path: file, tests: readConversationTests(file) }));
  const owner = new Map<string, string>();
  for (const file of files) {
    for (const test of file.tests) {
      const other = owner.get(test.id);
      if (other !== undefined) throw new Error(`duplicate conversation id "${test.id}" in ${other} and ${file.path}`);
      owner.set(test.id, file.path);
    }
  }
  return files;
}
