import { TextFeaturizer } from '../../../src/nlu/intent/textFeatures';

describe('TextFeaturizer', () => {
  const featurizer = new TextFeaturizer({ words: true, bigrams: true, charNgrams: [2, 3], maxChars: 600 });

  it('lower-cases, folds accents, drops apostrophes and collapses digit runs', () => {
    expect(featurizer.tokenize("Where's my CAFÉ order #12345?")).toEqual(['wheres', 'my', 'cafe', 'order', '0']);
  });

  it('yields stemmed unigrams, boundary bigrams and char n-grams inside word boundaries', () => {
    const { counts } = featurizer.extract('Cancelling orders');
    expect(counts.get('w:cancel')).toBe(1);
    expect(counts.get('w:order')).toBe(1);
    expect(counts.get('w:^ cancel')).toBe(1);
    expect(counts.get('w:cancel order')).toBe(1);
    expect(counts.get('w:order $')).toBe(1);
    expect(counts.get('c: c')).toBe(1);
    expect(counts.get('c:rs ')).toBe(1);
    expect(counts.has('c:g o')).toBe(false);
  });

  it('counts repeated features', () => {
    expect(featurizer.extract('no no no').counts.get('w:no')).toBe(3);
  });

  it('yields nothing for empty, blank or emoji-only text', () => {
    for (const text of ['', '   \n\t', '😀🎉👍']) expect(featurizer.extract(text).counts.size).toBe(0);
  });

  it('analyses only the first maxChars characters', () => {
    const short = new TextFeaturizer({ words: true, bigrams: false, charNgrams: [], maxChars: 5 });
    expect([...short.extract('hello world').counts.keys()]).toEqual(['w:hello']);
  });
});
