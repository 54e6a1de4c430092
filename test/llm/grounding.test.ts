import { groundingScore } from '../../src/llm/grounding';

const passage = 'Standard shipping takes 3 to 5 business days and costs $5.95; it is free on orders over $75.';

describe('groundingScore', () => {
  it('is high for a paraphrase and low for invented facts', () => {
    expect(groundingScore('Shipping is free for orders over $75.', [passage])).toBe(1);
    expect(groundingScore('Standard shipping costs 5.95 and takes 3 to 5 business days.', [passage])).toBe(1);
    expect(groundingScore('We deliver by drone within one hour anywhere in Europe.', [passage])).toBeLessThan(0.3);
  });

  it('counts numbers, so a changed price lowers the score', () => {
    expect(groundingScore('Standard shipping costs $9.99.', [passage])).toBeLessThan(groundingScore('Standard shipping costs $5.95.', [passage]));
  });

  it('scores an answer without content words as 0', () => {
    expect(groundingScore('Yes, it is.', [passage])).toBe(0);
  });
});
