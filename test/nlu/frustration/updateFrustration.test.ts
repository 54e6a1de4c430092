import { FRUSTRATION_WINDOW, initialFrustrationState, sentimentTrend, updateFrustration } from '../../../src/nlu/frustration/updateFrustration';
import { analyzeSentiment } from '../../../src/nlu/sentiment/analyzeSentiment';
import type { FrustrationAssessment, FrustrationState } from '../../../src/nlu/types';

function run(turns: readonly (string | [string, boolean])[]): { state: FrustrationState; assessments: FrustrationAssessment[] } {
  let state = initialFrustrationState();
  const assessments: FrustrationAssessment[] = [];
  for (const turn of turns) {
    const [text, wasFallback] = typeof turn === 'string' ? [turn, false] : turn;
    const next = updateFrustration(state, { text, sentiment: analyzeSentiment(text), wasFallback });
    state = next.state;
    assessments.push(next.assessment);
  }
  return { state, assessments };
}

describe('updateFrustration', () => {
  it('starts calm and stays calm on a friendly conversation', () => {
    const { assessments } = run(['hi', 'I want to book an appointment', 'tomorrow at 3pm works', 'thanks!']);
    for (const a of assessments) expect(a.score).toBeLessThan(0.3);
  });

  it('rises with fallbacks in a row and resets when the bot understands', () => {
    const { assessments } = run([['asdf', true], ['qwerty order thing', true], ['the thing with the stuff', true], 'my order status']);
    expect(assessments[0]!.reasons).not.toContain('repeated_fallback');
    expect(assessments[2]!.reasons).toContain('repeated_fallback');
    expect(assessments[2]!.score).toBeGreaterThan(assessments[1]!.score);
    expect(assessments[3]!.reasons).not.toContain('repeated_fallback');
  });

  it('notices the same question asked again', () => {
    const { assessments } = run(['where is my order TD-104233', 'ok', 'where is my order TD-104233 ?']);
    expect(assessments[2]!.reasons).toContain('repeated_question');
  });

  it('sees a worsening sentiment trend', () => {
    const { assessments } = run(['hello', 'this is not good', 'this is terrible', 'worst service ever, useless']);
    expect(assessments[3]!.reasons).toContain('negative_trend');
  });

  it('crosses the default handoff threshold (0.7) for an angry customer', () => {
    const { assessments } = run(['where is my order', ['WHERE IS MY ORDER??', true], ['This is ridiculous, third time I ask, useless bot!!!', true]]);
    expect(assessments[2]!.score).toBeGreaterThanOrEqual(0.7);
    expect(assessments[2]!.reasons).toEqual(expect.arrayContaining(['complaint_words', 'repetition_claim', 'repeated_fallback']));
  });

  it('is pure and keeps its state bounded', () => {
    const start = initialFrustrationState();
    const frozen = JSON.stringify(start);
    updateFrustration(start, { text: 'useless!!!', sentiment: analyzeSentiment('useless!!!'), wasFallback: true });
    expect(JSON.stringify(start)).toBe(frozen);
    const { state } = run(Array.from({ length: 50 }, (_, i) => `message number ${i} ${'long text '.repeat(100)}`));
    expect(state.turns).toBe(50);
    expect(state.sentimentHistory.length).toBeLessThanOrEqual(FRUSTRATION_WINDOW);
    expect(state.recentMessages.length).toBeLessThanOrEqual(FRUSTRATION_WINDOW);
    for (const m of state.recentMessages) expect(m.length).toBeLessThanOrEqual(200);
  });

  it('keeps no personal data of the messages in its state, and still spots a repeated question', () => {
    const texts = [
      'my ssn is 123-45-6789 and my card 4111 1111 1111 1111, why was I charged twice',
      'my ssn is 123-45-6789 and my card 5500 0000 0000 0004, why was I charged twice',
      'I live at 221 Baker Street, call 555-123-4567 or ann.lee@example.com',
    ];
    const { state, assessments } = run(texts);
    const kept = JSON.stringify(state);
    for (const raw of ['123', '6789', '4111', '5500', 'baker', '555', 'ann.lee', 'example']) expect(kept.toLowerCase()).not.toContain(raw);
    expect(assessments[1]!.reasons).toContain('repeated_question');
  });

  it('handles empty, emoji-only and huge messages', () => {
    const { assessments } = run(['', '😡😡😡', 'x'.repeat(100_000), '   ']);
    expect(assessments[1]!.reasons).toContain('negative_emoji');
    for (const a of assessments) expect(a.score).toBeGreaterThanOrEqual(0);
  });

  it('computes the EWMA and slope of the sentiment history', () => {
    expect(sentimentTrend([])).toEqual({ ewma: 0, slope: 0 });
    const falling = sentimentTrend([0.5, 0, -0.5]);
    expect(falling.slope).toBeCloseTo(-0.5);
    expect(falling.ewma).toBeCloseTo(-0.125); // 0.5 → 0.25 → -0.125 with alpha 0.5
  });
});
