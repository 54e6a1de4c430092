import { frustrationSignals } from '../../../src/nlu/frustration/frustrationSignals';

describe('frustrationSignals', () => {
  it.each([
    ['this is ridiculous and useless', 'complaint_words'],
    ['I am so frustrated with this', 'complaint_words'],
    ['what the fuck is going on', 'profanity'],
    ['this is bullshit', 'profanity'],
    ['f***ing hell', 'profanity'],
    ['this is the third time I ask', 'repetition_claim'],
    ['I already told you my order number', 'repetition_claim'],
    ['how many times do I have to say it', 'repetition_claim'],
    ['I have been waiting for 2 weeks', 'waiting_time'],
    ['still haven\'t got my refund', 'waiting_time'],
    ['two hours on hold', 'waiting_time'],
    ['WHERE IS MY ORDER', 'caps'],
    ['hello???', 'repeated_punctuation'],
    ['😡', 'negative_emoji'],
    ['this is terrible', 'negative_sentiment'],
  ] as const)('%j → %s', (text, reason) => {
    expect(frustrationSignals(text).reasons).toContain(reason);
  });

  it('matches words, never substrings', () => {
    for (const text of ['hello, can you help', 'my class starts at 9', 'the assistant was great', 'Scunthorpe delivery', 'I passed the exam', 'shitake mushrooms in stock?']) {
      expect(frustrationSignals(text).reasons).not.toContain('profanity');
    }
    expect(frustrationSignals('aw that is kind').reasons).not.toContain('complaint_words');
  });

  it('scores an angry message higher than a calm one', () => {
    const calm = frustrationSignals('where is my order');
    const angry = frustrationSignals('This is ridiculous, third time I ask, useless bot!!!');
    expect(calm.score).toBeLessThan(0.2);
    expect(angry.score).toBeGreaterThan(0.7);
    expect(angry.score).toBeLessThanOrEqual(1);
  });
});
