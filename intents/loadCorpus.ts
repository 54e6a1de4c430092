import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFileSchema, outOfScopeFileSchema, type IntentDefinition, type OutOfScopeExamples } from './schema';

/** Raised when a corpus file breaks the schema; names the file, the intent and the problem. */
export class CorpusError extends Error {
  constructor(readonly file: string, readonly intent: string | undefined, readonly problem: string) {
    super(`Corpus error in ${file}${intent ? `, intent "${intent}"` : ''}: ${problem}`);
    this.name = 'CorpusError';
  }
}

export interface Corpus {
  readonly intents: readonly IntentDefinition[];
  /** sha256 over the validated content; keys the cached model. */
  readonly hash: string;
}

export const defaultCorpusDir = join(__dirname, 'corpus');

export function loadCorpus(dir: string = defaultCorpusDir): Corpus {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new CorpusError(dir, undefined, 'no .json corpus files found');
  const intents: IntentDefinition[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const path = join(dir, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CorpusError(file, undefined, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = corpusFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const [, index, ...rest] = issue.path;
      const name =
        typeof index === 'number' ? ((raw as { intents?: { name?: string }[] }).intents?.[index]?.name ?? `#${index}`) : undefined;
      throw new CorpusError(file, name, `${rest.join('.') || 'intent'} ${issue.message}`);
    }
    for (const intent of parsed.data.intents) {
      const other = seen.get(intent.name);
      if (other) throw new CorpusError(file, intent.name, `is already defined in ${other}`);
      seen.set(intent.name, file);
      intents.push(intent);
    }
  }
  const hash = createHash('sha256').update(JSON.stringify(intents)).digest('hex');
  return { intents, hash };
}

export const defaultOutOfScopeFile = join(__dirname, 'outOfScope.json');

/** Loads the out-of-scope negatives; a broken file names the file and the problem. */
export function loadOutOfScope(path: string = defaultOutOfScopeFile): OutOfScopeExamples {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CorpusError(path, undefined, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = outOfScopeFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CorpusError(path, undefined, `${issue.path.join('.') || 'file'} ${issue.message}`);
  }
  return parsed.data;
}
