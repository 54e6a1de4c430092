import { analyzeSentiment } from '../../../src/nlu/sentiment/analyzeSentiment';

describe('analyzeSentiment', () => {
  it.each([
    ['this is useless', 'negative'],
    ['the worst service, totally unacceptable', 'negative'],
    ['still waiting, what a waste of time', 'negative'],
    ['my parcel never arrived', 'negative'],
    ['I want a refund now', 'negative'],
    ['thank you so much, that was helpful', 'positive'],
    ['great, it works now 👍', 'positive'],
    ['I need help with my order please', 'neutral'],
    ['I would like to cancel my appointment', 'neutral'],
    ['no problem', 'positive'],
  ] as const)('votes %j as %s', (text, vote) => {
    expect(analyzeSentiment(text).vote).toBe(vote);
  });

  it('flips negated words: "not happy" is negative, "not bad" is positive', () => {
    const notHappy = analyzeSentiment('I am not happy');
    expect(notHappy.average).toBeLessThan(0);
    expect(notHappy.signals).toContain('negation');
    expect(analyzeSentiment('not bad at all').average).toBeGreaterThan(0);
    // A "but" ends the negation's reach.
    expect(analyzeSentiment('not cheap but great').average).toBeGreaterThan(0);
  });

  it('makes intensified words stronger', () => {
    expect(analyzeSentiment('this is extremely bad').score).toBeLessThan(analyzeSentiment('this is bad').score);
    expect(analyzeSentiment('very good').score).toBeGreaterThan(analyzeSentiment('good').score);
  });

  it('reads shouting, repeated punctuation and angry emoji as more negative', () => {
    const calm = analyzeSentiment('this is useless');
    const loud = analyzeSentiment('THIS IS USELESS!!! 😡');
    expect(loud.score).toBeLessThan(calm.score);
    expect(loud.signals).toEqual(expect.arrayContaining(['caps', 'repeated_punctuation', 'negative_emoji']));
    expect(analyzeSentiment('where is my order??').signals).toContain('repeated_punctuation');
  });

  it('does not call acronyms shouting', () => {
    expect(analyzeSentiment('my DOB and member ID are on the PDF').signals).not.toContain('caps');
  });

  it('scores emoji', () => {
    expect(analyzeSentiment('🤬👎').vote).toBe('negative');
    expect(analyzeSentiment('🙂🙏').vote).toBe('positive');
  });

  it('keeps average in [-1, 1] on extreme input', () => {
    const awful = analyzeSentiment('terrible horrible awful worst useless '.repeat(200));
    expect(awful.average).toBeGreaterThanOrEqual(-1);
    expect(awful.average).toBeLessThan(-0.9);
    expect(analyzeSentiment('great '.repeat(500)).average).toBeLessThanOrEqual(1);
  });

  it('handles empty, whitespace, emoji, RTL and control characters without throwing', () => {
    for (const text of ['', '   ', '\u0000\u0007', 'مرحبا', '<b>bad</b>', 'x'.repeat(100_000)]) {
      const result = analyzeSentiment(text);
      expect(Number.isFinite(result.average)).toBe(true);
    }
    expect(analyzeSentiment('')).toEqual({ score: 0, average: 0, vote: 'neutral', signals: [] });
  });
});
