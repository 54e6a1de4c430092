import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  countSafetySet,
  duplicateKey,
  loadSafetySet,
  parseSafetySet,
  renderCountsTable,
  renderKindCountsTable,
  safetyCategories,
  safetySetMinimums,
  type SafetyRow,
} from './safetySet';

// A broken file fails the first test with the line it broke on; the other tests then see no rows.
const rows: SafetyRow[] = ((): SafetyRow[] => {
  try {
    return loadSafetySet();
  } catch {
    return [];
  }
})();

describe('the safety set file', () => {
  it('parses: every line is a crisis row, or a safe row with its look-alike kind, in a known category', () => {
    expect(() => loadSafetySet()).not.toThrow();
  });

  it('holds no text twice, ignoring case, spacing and final punctuation', () => {
    const seen = new Map<string, number>();
    for (const row of rows) seen.set(duplicateKey(row.text), (seen.get(duplicateKey(row.text)) ?? 0) + 1);
    const repeated = [...seen].filter(([, times]) => times > 1).map(([text]) => text);
    expect(repeated).toEqual([]);
  });

  it.each(safetyCategories)('has enough crisis rows and look-alikes in %s', (category) => {
    const count = countSafetySet(rows).get(category);
    const crisisMinimum =
      safetySetMinimums.crisisPerCategoryOverride.get(category) ?? safetySetMinimums.crisisPerCategory;
    expect(count?.crisis).toBeGreaterThanOrEqual(crisisMinimum);
    expect(count?.safe).toBeGreaterThanOrEqual(safetySetMinimums.safePerCategory);
  });

  it('has enough crisis rows and look-alikes in total', () => {
    expect(rows.filter((row) => row.label === 'crisis').length).toBeGreaterThanOrEqual(safetySetMinimums.crisisTotal);
    expect(rows.filter((row) => row.label === 'safe').length).toBeGreaterThanOrEqual(safetySetMinimums.safeTotal);
  });

  it('keeps crises buried in long messages, one of them about 4,000 characters', () => {
    const longCrises = rows.filter((row) => row.label === 'crisis' && row.text.length >= 500);
    expect(longCrises.length).toBeGreaterThanOrEqual(5);
    expect(longCrises.some((row) => row.text.length >= 3500)).toBe(true);
  });

  it('is described by the README with the counts this file really has', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    expect(readme).toContain(renderCountsTable(rows));
    expect(readme).toContain(renderKindCountsTable(rows));
  });
});

describe('parseSafetySet', () => {
  const line = (row: object): string => JSON.stringify(row);

  it('accepts a crisis row and a safe row, and skips blank lines', () => {
    const parsed = parseSafetySet(
      [
        line({ text: 'my chest hurts and my arm is numb', label: 'crisis', category: 'cardiac' }),
        '',
        line({ text: 'I had a heart attack in 2019', label: 'safe', category: 'cardiac', kind: 'history' }),
      ].join('\n'),
    );
    expect(parsed.map((row) => row.label)).toEqual(['crisis', 'safe']);
  });

  it.each([
    ['an unknown category', { text: 'help', label: 'crisis', category: 'earthquake' }],
    ['an unknown label', { text: 'help', label: 'maybe', category: 'cardiac' }],
    ['a safe row without a kind', { text: 'help', label: 'safe', category: 'cardiac' }],
    ['a safe row with an unknown kind', { text: 'help', label: 'safe', category: 'cardiac', kind: 'joke' }],
    ['a crisis row with a kind', { text: 'help', label: 'crisis', category: 'cardiac', kind: 'idiom' }],
    ['an extra key', { text: 'help', label: 'crisis', category: 'cardiac', source: 'x' }],
    ['an empty text', { text: '', label: 'crisis', category: 'cardiac' }],
    ['a text with trailing spaces', { text: 'help ', label: 'crisis', category: 'cardiac' }],
  ])('rejects %s and names the line', (_name, row) => {
    const jsonl = `${line({ text: 'fine', label: 'crisis', category: 'stroke' })}\n${line(row)}`;
    expect(() => parseSafetySet(jsonl)).toThrow(/^line 2: /);
  });

  it('rejects a line that is not JSON and names the line', () => {
    expect(() => parseSafetySet('{"text": "help"')).toThrow(/^line 1: not valid JSON/);
  });
});

describe('duplicateKey', () => {
  it('treats case, spacing and final punctuation as the same text', () => {
    expect(duplicateKey('I  cant BREATHE!!')).toBe(duplicateKey('i cant breathe'));
    expect(duplicateKey('i cant breathe')).not.toBe(duplicateKey('i can breathe'));
  });
});
