import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus } from '../../../intents/loadCorpus';
import type { IntentDefinition } from '../../../intents/schema';
import { loadOrTrainCorpusClassifier } from '../../../src/nlu/intent';

const intent = (name: string, words: string[]): IntentDefinition => ({
  name,
  description: name,
  label: name,
  domain: 'general',
  dialog: 'faq',
  escalate: false,
  interrupts: false,
  role: 'task',
  priority: 'normal',
  minConfidence: 0.3,
  utterances: words.flatMap((w) => [`${w} please`, `i want ${w}`, `can i get ${w}`, `${w} now`, `tell me about ${w}`]),
  tests: [`${words[0]} today`, `about ${words[1]}`, `${words[2]}?`],
});
const corpus = (hash: string): Corpus => ({
  hash,
  intents: [intent('faq.hours', ['hours', 'opening times', 'closing time', 'open today']), intent('faq.location', ['address', 'directions', 'parking', 'location'])],
});
const negatives = { utterances: ['tell me a joke', 'weather today', 'who won the game', 'sing a song'], tests: ['a riddle', 'sports', 'rain'] };

describe('loadOrTrainCorpusClassifier', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-nlu-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('trains once, caches by corpus hash and loads the same model afterwards', () => {
    const trained = loadOrTrainCorpusClassifier(corpus('h1'), dir, { outOfScope: negatives });
    const cached = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(cached).toHaveLength(1);
    // Back-date the cache file: a second training would write it again and move its mtime.
    const file = join(dir, cached[0] ?? '');
    utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const loaded = loadOrTrainCorpusClassifier(corpus('h1'), dir, { outOfScope: negatives });
    expect(statSync(file).mtime.toISOString()).toBe('2020-01-01T00:00:00.000Z');
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual(cached);
    for (const text of ['what are your opening hours', 'where do i park', 'tell me a joke']) {
      expect(loaded.classify(text)).toEqual(trained.classify(text));
    }
    expect(loaded.toJSON()).toEqual(trained.toJSON());
  });

  it('trains a new model when the corpus hash changes', () => {
    loadOrTrainCorpusClassifier(corpus('h1'), dir, { outOfScope: negatives });
    loadOrTrainCorpusClassifier(corpus('h2'), dir, { outOfScope: negatives });
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('retrains over an unreadable cache file instead of failing', () => {
    loadOrTrainCorpusClassifier(corpus('h1'), dir, { outOfScope: negatives });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), '{"format":"tandem.intent-classifier","version":1');
    const classifier = loadOrTrainCorpusClassifier(corpus('h1'), dir, { outOfScope: negatives });
    expect(classifier.classify('what are your opening hours').intent).toBe('faq.hours');
  });

  it('uses each intent’s minConfidence as its ambiguity floor', () => {
    const strict = corpus('h3');
    const floors = { ...strict, intents: strict.intents.map((i) => ({ ...i, minConfidence: 1 })) };
    const p = loadOrTrainCorpusClassifier(floors, dir, { outOfScope: negatives }).classify('what are your opening hours');
    expect(p.intent).toBe('faq.hours');
    expect(p.decision).toBe('ambiguous');
  });
});
