import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frustrationSignals } from '../../../src/nlu/frustration/frustrationSignals';
import { FrustrationReason } from '../../../src/nlu/types';
import { LEXICON_WORDS, analyzeSentiment, createSentimentAnalyzer } from '../../../src/nlu/sentiment/analyzeSentiment';
import { inducePolarity, type PolarityInductionOptions } from '../../../src/nlu/sentiment/inducePolarity';
import { lexiconHash, readInducedPolarity, shippedInducedPolarity } from '../../../src/nlu/sentiment/inducedPolarityTable';
import { WordVectors, encodeWordVectors, shippedWordVectors } from '../../../src/nlu/vectors/wordVectors';

// A hand-made 3-d table: negative words point along x, positive along y, unrelated words along z.
const rows: [string, [number, number, number]][] = [
  ['the', [60, 60, 0]], // frequent: skipped whatever its neighbours
  ['awful', [100, 5, 0]],
  ['dreadful', [100, -5, 5]],
  ['great', [5, 100, 0]],
  ['superb', [-5, 100, 5]],
  ['grimdark', [95, 0, 10]], // unknown, near the negatives only
  ['splendidish', [0, 95, 10]], // unknown, near the positives only
  ['goodbad', [70, 70, 0]], // unknown, between a negative and a positive: antonym drift
  ['parcel', [0, 0, 100]], // unknown, near nothing scored
  ['not', [98, 2, 0]], // a negator: never scored
];
const table = WordVectors.decode(
  encodeWordVectors({
    words: rows.map(([w]) => w),
    dimensions: 3,
    scale: Float32Array.from([0.01, 0.01, 0.01]),
    values: Int8Array.from(rows.flatMap(([, v]) => v)),
  }),
);
const lexicon = new Map([['awful', -3], ['dreadful', -3], ['great', 3], ['superb', 3]]);
const options: PolarityInductionOptions = { neighbours: 2, minSimilarity: 0.6, skipMostFrequent: 1, damping: 0.5 };

describe('inducePolarity', () => {
  const induced = inducePolarity(table, lexicon, new Set(['not']), options);

  it('gives an unknown word the damped sign of its agreeing nearest lexicon words', () => {
    expect(induced.get('grimdark')).toBeCloseTo(-1.5, 2);
    expect(induced.get('splendidish')).toBeCloseTo(1.5, 2);
  });

  it('scores nothing whose neighbours disagree, are far, are listed, are modifiers or are among the most frequent', () => {
    expect(induced.has('goodbad')).toBe(false);
    expect(induced.has('parcel')).toBe(false);
    expect(induced.has('awful')).toBe(false);
    expect(induced.has('not')).toBe(false);
    expect(induced.has('the')).toBe(false);
    expect(induced.size).toBe(2);
  });

  it('lets the sentiment reading reach words the lexicon lacks, with negation still applied', () => {
    const withInduced = createSentimentAnalyzer(induced);
    const lexiconOnly = createSentimentAnalyzer(new Map());
    expect(lexiconOnly('the whole trip was grimdark').vote).toBe('neutral');
    expect(withInduced('the whole trip was grimdark').average).toBeLessThan(0);
    expect(withInduced('it was not grimdark').average).toBeGreaterThan(0);
    expect(withInduced('the lounge was splendidish').average).toBeGreaterThan(0);
    // A listed word keeps its lexicon score even where the induced table disagrees.
    expect(createSentimentAnalyzer(new Map([['awful', 3]]))('awful').vote).toBe('negative');
  });
});

describe('the shipped induced polarity table', () => {
  it('was built from the current lexicon and the shipped vectors (else rerun npm run sentiment:induce)', () => {
    const { meta } = readInducedPolarity();
    expect(meta.lexicon).toBe(lexiconHash(LEXICON_WORDS));
    expect(meta.vectors).toBe(shippedWordVectors().hash);
  });

  it('scores customer words AFINN lacks, and leaves everyday nouns alone', () => {
    expect(LEXICON_WORDS.has('mediocre')).toBe(false);
    expect(shippedInducedPolarity().get('mediocre')).toBeLessThan(0);
    expect(createSentimentAnalyzer(shippedInducedPolarity())('the food was mediocre').vote).toBe('negative');
    for (const word of ['flight', 'hours', 'seat', 'luggage', 'refund', 'order']) expect(shippedInducedPolarity().has(word)).toBe(false);
    expect(analyzeSentiment('i was wondering where my order is').vote).toBe('neutral');
  });

  it('reaches a complaint made only of words the lexicon lacks, as an option the live reading does not take', () => {
    const text = 'the agent was unfriendly and the answer incorrect';
    expect(['unfriendly', 'incorrect'].some((w) => LEXICON_WORDS.has(w))).toBe(false);
    const withInduced = createSentimentAnalyzer(shippedInducedPolarity())(text);
    expect(frustrationSignals(text, withInduced).reasons).toContain(FrustrationReason.negativeSentiment);
    expect(frustrationSignals(text).reasons).not.toContain(FrustrationReason.negativeSentiment);
  });

  it('would read the neutral words of a clinic or a law firm as mood, which is why the live reading is the lexicon alone', () => {
    for (const text of ['my diagnosis came back and the symptoms are the same', 'the custody filing is still pending']) {
      expect(createSentimentAnalyzer(shippedInducedPolarity())(text).score).toBeLessThan(0);
      expect(analyzeSentiment(text).score).toBe(0);
    }
  });

  it('refuses a malformed table file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'induced-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ vectors: 'x', lexicon: 'y', options: {}, words: { bad: 'very' } }));
    expect(() => readInducedPolarity(file)).toThrow();
  });
});
