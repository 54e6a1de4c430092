/**
 * Writes the safety training corpus (README.md in this folder says what is in it and where it comes from):
 *   corpus/generated.jsonl  crisis rows and look-alikes expanded from templates.ts, plus noisy and composite copies
 *   corpus/mined.jsonl      ordinary messages: Tandem's intent corpus, and CLINC150 / Banking77 train rows when
 *                           --shared <dir> points at ../shared/data
 *
 *   npx tsx intents/safety/generateSafetyCorpus.ts [--shared ../shared/data]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, shuffleInPlace } from '../../src/random/seededRandom';
import { loadCorpus, loadOutOfScope } from '../loadCorpus';
import { expandTemplate } from './expandTemplate';
import { NOISES } from './noise';
import { CRISIS_VARIANT_GROUPS } from './crisisVariants';
import { EVERYDAY_GROUPS } from './everydayTemplates';
import { POLYSEMY_GROUPS } from './polysemyTemplates';
import { GROUPS, NEUTRAL_FRAMES, NEUTRAL_THINGS, PRESENT_FRAMES, SAFE_FRAMES, SERVICE_REQUESTS, SLOTS, SYMPTOMS } from './templates';
import type { SafetyCorpusRow } from './safetyCorpus';
import type { CrisisCategory } from '../../src/nlu/types';

const VARIANTS_PER_TEMPLATE = { crisis: 9, safe: 9 } as const;
const VARIANTS_PER_FRAME = 3;
const NOISY_SHARE = 0.4;
const COMPOSITE_SHARE = 0.15;
const LONG_ROWS = 60;
const MINED_PER_SOURCE: Readonly<Record<string, number>> = { clinc150: 3000, banking77: 1500 };

const random = seededRandom(2026);

function generated(): SafetyCorpusRow[] {
  const rows: SafetyCorpusRow[] = [];
  for (const group of [...GROUPS, ...CRISIS_VARIANT_GROUPS, ...EVERYDAY_GROUPS, ...POLYSEMY_GROUPS]) {
    for (const template of group.templates) {
      for (const text of variants(template, SLOTS, VARIANTS_PER_TEMPLATE[group.label])) {
        rows.push({ text, label: group.label, category: group.category, ...(group.kind ? { kind: group.kind } : {}), source: 'template' });
      }
    }
  }
  for (const [category, symptoms] of Object.entries(SYMPTOMS) as [CrisisCategory, readonly string[]][]) {
    const slots = { ...SLOTS, s: symptoms };
    for (const frame of PRESENT_FRAMES) {
      for (const text of variants(frame, slots, VARIANTS_PER_FRAME)) rows.push({ text, label: 'crisis', category, source: 'frame' });
    }
    for (const { kind, frame } of SAFE_FRAMES) {
      for (const text of variants(frame, slots, VARIANTS_PER_FRAME)) rows.push({ text, label: 'safe', category, kind, source: 'frame' });
    }
  }
  for (const frame of NEUTRAL_FRAMES) {
    for (const text of variants(frame, { ...SLOTS, n: NEUTRAL_THINGS }, 12)) rows.push({ text, label: 'safe', kind: 'other', source: 'neutral-frame' });
  }
  for (const template of SERVICE_REQUESTS) {
    for (const text of variants(template, SLOTS, 15)) rows.push({ text, label: 'safe', kind: 'other', source: 'service-request' });
  }
  const base = [...rows];
  for (const row of base) {
    if (random() < NOISY_SHARE) rows.push({ ...row, text: NOISES[Math.floor(random() * NOISES.length)]!(row.text, random), source: `${row.source}+noise` });
    if (random() < COMPOSITE_SHARE) {
      const routine = pick(SLOTS.routine!);
      const text = random() < 0.5 ? `${routine}. ${row.text}` : `${row.text}. also ${routine.toLowerCase()}`;
      rows.push({ ...row, text, source: `${row.source}+context` });
    }
  }
  for (let i = 0; i < LONG_ROWS; i++) {
    const row = pick(base);
    const before = Array.from({ length: 2 + Math.floor(random() * 8) }, () => pick(SLOTS.routine!)).join('. ');
    const after = Array.from({ length: Math.floor(random() * 5) }, () => pick(SLOTS.routine!)).join('. ');
    rows.push({ ...row, text: `${before}. ${row.text}. ${after}`.trim(), source: `${row.source}+long` });
  }
  return dedupe(rows);
}

function mined(shared: string | undefined): SafetyCorpusRow[] {
  const rows: SafetyCorpusRow[] = [];
  for (const intent of loadCorpus().intents) {
    const isEmergency = intent.name === 'safety.emergency';
    for (const text of intent.utterances) {
      rows.push({ text, label: isEmergency ? 'crisis' : 'safe', ...(isEmergency ? {} : { kind: 'routine' }), source: 'tandem-intents' });
    }
  }
  for (const text of loadOutOfScope().utterances) rows.push({ text, label: 'safe', kind: 'other', source: 'tandem-out-of-scope' });
  if (shared) {
    for (const [name, count] of Object.entries(MINED_PER_SOURCE)) {
      const texts = readFileSync(join(shared, name, 'train.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => (JSON.parse(line) as { text: string }).text);
      shuffleInPlace(texts, random);
      for (const text of texts.slice(0, count)) rows.push({ text, label: 'safe', kind: 'other', source: `${name}-train` });
    }
  }
  return dedupe(rows);
}

function variants(template: string, slots: Readonly<Record<string, readonly string[]>>, count: number): string[] {
  const seen = new Set<string>();
  for (let attempt = 0; attempt < count * 4 && seen.size < count; attempt++) seen.add(expandTemplate(template, slots, random));
  return [...seen];
}

function dedupe(rows: readonly SafetyCorpusRow[]): SafetyCorpusRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = row.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function write(path: string, rows: readonly SafetyCorpusRow[]): void {
  writeFileSync(path, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  const crisis = rows.filter((row) => row.label === 'crisis').length;
  process.stdout.write(`${path}: ${rows.length} rows (${crisis} crisis, ${rows.length - crisis} safe)\n`);
}

const sharedIndex = process.argv.indexOf('--shared');
const shared = sharedIndex >= 0 ? process.argv[sharedIndex + 1] : undefined;
if (shared && !existsSync(shared)) throw new Error(`--shared ${shared} does not exist`);
const dir = join(__dirname, 'corpus');
mkdirSync(dir, { recursive: true });
write(join(dir, 'generated.jsonl'), generated());
write(join(dir, 'mined.jsonl'), mined(shared));
