import { stemWord, tokenize } from '../../../src/nlu/language/tokenize';

describe('tokenize', () => {
  it('gives words with offsets, lower case, keys without apostrophes, and stems', () => {
    const text = "I can’t stop BLEEDING";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(['i', "can't", 'stop', 'bleeding']);
    expect(tokens[1]!.key).toBe('cant');
    expect(tokens[3]!.stem).toBe('bleed');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('starts a new clause at sentence ends, not at decimal points', () => {
    const clauses = tokenize('It costs 3.5 dollars. Then more! ok').map((t) => t.clause);
    // It costs 3 5 dollars | Then more | ok
    expect(clauses).toEqual([0, 0, 0, 0, 0, 1, 1, 2]);
  });

  it('does not stem very long junk words', () => {
    expect(stemWord('x'.repeat(5000))).toBe('x'.repeat(5000));
    expect(tokenize('x'.repeat(100_000))).toHaveLength(1);
  });
});
