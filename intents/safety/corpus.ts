import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../loadCorpus';
import { CRISIS_GROUPS, type CrisisClass, LookAlike, SAFE_GROUPS, SLOTS, type TemplateGroup } from './templates';
import { seededRandom } from '../../src/random/seededRandom';

/** The seeded generator the corpus draws with (shared with the rest of Tandem), for the trainer and tests. */
export { seededRandom };

/** One sentence of the crisis corpus. */
export interface CorpusRow {
  readonly text: string;
  /** A crisis category, `emergency` (a crisis with no category given: the intent corpus), or `safe`. */
  readonly label: CrisisClass | 'emergency' | 'safe';
  /** Safe rows: which look-alike family (or `ordinary` customer-care text). */
  readonly kind?: string;
  /** Where the row came from: `template`, `intents`, or a dataset folder of ../shared/data. */
  readonly source: string;
  /** The template a generated row came from (`<label>#<n>`), so calibration can hold out whole templates. */
  readonly template?: string;
}

/** Shared datasets whose TRAIN split may be used to train a shipped model (licences in README.md). */
export const SHIPPABLE_DATASETS = ['clinc150', 'banking77', 'bitext_customer_support'] as const;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

/** One random realisation of a template: innermost `{a|b}` first, then `$SLOT`s (whose values may hold both). */
export function realize(template: string, random: () => number, depth = 0): string {
  let text = template;
  for (let guard = 0; guard < 50 && text.includes('{'); guard++) {
    text = text.replace(/\{([^{}]*)\}/, (_m, body: string) => pick(body.split('|'), random));
  }
  text = text.replace(/\$([A-Z_]+)/g, (_m, name: string) => {
    const values = SLOTS[name];
    if (!values) throw new Error(`template slot $${name} is not defined`);
    const value = pick(values, random);
    return depth < 3 ? realize(value, random, depth + 1) : value;
  });
  return text.replace(/\s+/g, ' ').replace(/\s+([,.?!])/g, '$1').replace(/^[,\s]+/, '').trim();
}

const EMOJIS = ['😭', '🙏', '😢', '😩', '💔', '🆘', '😱', '🙂', '😂', '👍', '😡', '🤷'];
const TEXT_SPEAK: readonly [RegExp, string][] = [
  [/\byou\b/gi, 'u'], [/\byour\b/gi, 'ur'], [/\bplease\b/gi, 'pls'], [/\bright now\b/gi, 'rn'], [/\bbecause\b/gi, 'bc'],
  [/\bI'm\b/g, 'im'], [/\bcan't\b/gi, 'cant'], [/\bdon't\b/gi, 'dont'], [/\btonight\b/gi, 'tonite'], [/\bwant to\b/gi, 'wanna'],
];

/** Typos a hurried writer makes: a dropped, doubled or swapped letter in one longer word. */
function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
  if (candidates.length === 0) return text;
  const [word, index] = pick(candidates, random);
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  const changed =
    kind < 0.4 ? word.slice(0, at) + word.slice(at + 1) : kind < 0.7 ? word.slice(0, at) + word[at] + word.slice(at) : word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  words[index] = changed;
  return words.join(' ');
}

/**
 * A noisy variant of a sentence, drawn the same way for crises and look-alikes so that noise never becomes a
 * crisis cue: lower case or ALL CAPS, no punctuation, a typo, text-speak, a greeting, a plea, an emoji.
 */
export function augment(text: string, random: () => number): string {
  let t = text;
  if (random() < 0.35) t = typo(t, random);
  if (random() < 0.25) for (const [from, to] of TEXT_SPEAK) t = t.replace(from, to);
  if (random() < 0.4) t = t.replace(/[.,!?;:]/g, '');
  if (random() < 0.15) t = `${pick(SLOTS.GREET!, random)} ${t}`;
  if (random() < 0.2) t = `${t} ${pick(SLOTS.END!, random)}`;
  if (random() < 0.1) t = `${t} ${pick(EMOJIS, random)}`;
  const c = random();
  if (c < 0.1) t = t.toUpperCase();
  else if (c < 0.55) t = t.toLowerCase();
  return t;
}

function expandGroups(groups: readonly TemplateGroup[], random: () => number): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (const group of groups) {
    for (const [n, template] of group.templates.entries()) {
      const seen = new Set<string>();
      for (let i = 0; i < group.per * 3 && seen.size < group.per; i++) {
        const text = realize(template, random);
        if (seen.has(text.toLowerCase())) continue;
        seen.add(text.toLowerCase());
        const base = { label: group.label, source: 'template', template: `${group.kind ?? group.label}#${n}`, ...(group.kind ? { kind: group.kind } : {}) };
        rows.push({ ...base, text });
        rows.push({ ...base, text: augment(text, random) });
      }
    }
  }
  return rows;
}

/** Crisis sentences placed after or before routine customer-care sentences, so a crisis in passing is learnt too. */
function inContext(rows: readonly CorpusRow[], random: () => number, count: number): CorpusRow[] {
  const out: CorpusRow[] = [];
  const routine = SLOTS.ROUTINE!;
  for (let i = 0; i < count; i++) {
    const row = pick(rows, random);
    const lead = realize(pick(routine, random), random);
    // Joined as two sentences, or run together in one (a crisis said in passing, or with no punctuation at all).
    const join = random();
    const text =
      join < 0.35 ? `${lead}. ${row.text}` : join < 0.6 ? `${row.text}. also ${lead.toLowerCase()}` : join < 0.85 ? `${lead}, ${row.text.toLowerCase()}` : `${lead} ${row.text}`.toLowerCase().replace(/[.,!?]/g, '');
    out.push({ ...row, text });
  }
  return out;
}

/** Rows of a JSON Lines file with a `text` field. */
export function readJsonl(path: string): { text: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string });
}

/**
 * Builds the whole training corpus, deterministically from `seed`: template crises and look-alikes (with noisy
 * variants and crises in context), the project's intent corpus (its `safety.emergency` utterances are crises, all
 * other intents are ordinary), and the TRAIN split of the shippable shared datasets as ordinary customer messages.
 */
export function buildCorpus(options: { seed: number; sharedDataDir?: string }): CorpusRow[] {
  const random = seededRandom(options.seed);
  const crisis = expandGroups(CRISIS_GROUPS, random);
  const safe = expandGroups(SAFE_GROUPS, random);
  const rows: CorpusRow[] = [...crisis, ...safe, ...inContext(crisis, random, 600), ...inContext(safe, random, 300)];
  for (const intent of loadCorpus().intents) {
    for (const text of intent.utterances) {
      if (intent.name === 'safety.emergency') rows.push({ text, label: 'emergency', source: 'intents' });
      else rows.push({ text, label: 'safe', kind: intent.name === 'medication.refill' ? LookAlike.medication : LookAlike.ordinary, source: 'intents' });
    }
  }
  const dir = options.sharedDataDir;
  if (dir) {
    for (const name of SHIPPABLE_DATASETS) {
      const path = join(dir, name, 'train.jsonl');
      if (!existsSync(path)) continue;
      for (const { text } of readJsonl(path)) rows.push({ text, label: 'safe', kind: LookAlike.ordinary, source: name });
    }
  }
  return rows;
}
