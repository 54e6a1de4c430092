import { organisationFacts, redactPii } from '../../src/privacy/redactPii';
import { nonPiiCorpus, piiCorpus } from './piiCorpus';

const referenceYear = 2026;
const samples = piiCorpus(20261204, 120);
const clean = nonPiiCorpus(7, 600, organisationFacts());

function recallByKind(): Record<string, { total: number; caught: number; missed: string[] }> {
  const byKind: Record<string, { total: number; caught: number; missed: string[] }> = {};
  for (const sample of samples) {
    const entry = (byKind[sample.kind] ??= { total: 0, caught: 0, missed: [] });
    const out = redactPii(sample.text, { referenceYear });
    entry.total += 1;
    if (sample.raw.every((raw) => !out.includes(raw))) entry.caught += 1;
    else entry.missed.push(`${sample.text} → ${out}`);
  }
  return byKind;
}

describe('redaction on a seeded PII corpus and a non-PII corpus', () => {
  it('masks every generated SSN, card, date of birth, email, phone, street address, ZIP and name (recall 1.0 per kind)', () => {
    const byKind = recallByKind();
    expect(Object.keys(byKind).sort()).toEqual(['address', 'card', 'dob', 'email', 'name', 'phone', 'ssn', 'zip']);
    for (const [kind, entry] of Object.entries(byKind)) {
      expect({ kind, missed: entry.missed.slice(0, 5) }).toEqual({ kind, missed: [] });
    }
    expect(samples.length).toBeGreaterThan(1000);
  });

  it('leaves order numbers, times, dates, prices, products and our clinics untouched (precision 1.0)', () => {
    const changed = clean.filter((text) => redactPii(text, { referenceYear }) !== text);
    expect(changed.slice(0, 5)).toEqual([]);
    expect(clean.length).toBe(600);
  });
});
