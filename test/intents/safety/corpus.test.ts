import { augment, buildCorpus, realize, seededRandom } from '../../../intents/safety/corpus';
import { messageWindows, normalizeWords } from '../../../intents/safety/features';
import { loadRiskModel } from '../../../intents/safety/model';
import { CRISIS_GROUPS, SAFE_GROUPS } from '../../../intents/safety/templates';

describe('the crisis corpus generator', () => {
  it('draws the same corpus for the same seed, and another for another seed', () => {
    const a = buildCorpus({ seed: 10 });
    expect(buildCorpus({ seed: 10 })).toEqual(a);
    expect(buildCorpus({ seed: 11 })).not.toEqual(a);
  });

  it('fills every slot of every template (no $NAME or brace left over)', () => {
    const random = seededRandom(1);
    for (const group of [...CRISIS_GROUPS, ...SAFE_GROUPS]) {
      for (const template of group.templates) {
        for (let i = 0; i < 5; i++) expect(realize(template, random)).not.toMatch(/[${}]/);
      }
    }
  });

  it('has crisis rows of every category and look-alikes of every kind, medication and supply requests among them', () => {
    const rows = buildCorpus({ seed: 10 });
    const labels = new Set(rows.map((r) => r.label));
    for (const group of CRISIS_GROUPS) expect(labels).toContain(group.label);
    const kinds = new Set(rows.filter((r) => r.label === 'safe').map((r) => r.kind));
    for (const group of SAFE_GROUPS) expect(kinds).toContain(group.kind);
  });

  it('adds noise without losing the words', () => {
    const random = seededRandom(3);
    const noisy = Array.from({ length: 50 }, () => augment('I need a refill of my sertraline please', random));
    expect(noisy.some((t) => t === t.toUpperCase())).toBe(true);
    // A typo touches one word at most, so one of the two key words always survives.
    expect(noisy.every((t) => /refill|sertraline/.test(t.toLowerCase()))).toBe(true);
  });
});

describe('the crisis featurizer and model file', () => {
  it('normalises text-speak, contractions and misspelt key words', () => {
    expect(normalizeWords("I can't breath, im scared")).toEqual(['i', 'can', 'not', 'breathe', 'i', 'am', 'scared']);
    expect(normalizeWords('suicde SIEZURE overdossed')).toEqual(['suicide', 'seizure', 'overdosed']);
  });

  it('reads a message as sentence windows whose number grows linearly with its length', () => {
    const sentence = 'the parcel arrived late and the box was damaged. ';
    expect(messageWindows(sentence.repeat(10)).length).toBe(19);
    expect(messageWindows(sentence.repeat(100)).length).toBe(199);
    expect(messageWindows('')).toEqual([]);
  });

  it('loads the committed model from disk with a threshold between 0 and 1', () => {
    const model = loadRiskModel();
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(model.score('I took a whole bottle of pills').score).toBeGreaterThanOrEqual(model.threshold);
  });
});
