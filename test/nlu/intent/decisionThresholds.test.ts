import { tuneThresholds, type HeldOutScore } from '../../../src/nlu/intent/decisionThresholds';

const inScope = (topProbability: number, similarity: number, right = true, margin = 0.5): HeldOutScore => ({
  label: 1,
  top: right ? 1 : 2,
  topProbability,
  margin,
  oosWins: false,
  similarity,
});
const outOfScope = (topProbability: number, similarity: number): HeldOutScore => ({
  label: -1,
  top: 1,
  topProbability,
  margin: 0.1,
  oosWins: false,
  similarity,
});

describe('tuneThresholds', () => {
  it('rejects no more right in-scope answers than the budget allows', () => {
    const scores = [
      ...Array.from({ length: 200 }, (_, i) => inScope(0.3 + i * 0.003, 0.5)),
      ...Array.from({ length: 50 }, (_, i) => outOfScope(0.2 + i * 0.01, 0.5)),
    ];
    const t = tuneThresholds(scores, { maxFalseRejectRate: 0.05, ambiguityAccuracy: 0.5 });
    const rejectedRight = scores.filter((s) => s.label >= 0 && s.topProbability < t.minConfidence).length;
    expect(rejectedRight).toBeLessThanOrEqual(10);
    expect(rejectedRight).toBeGreaterThan(5);
  });

  it('separates out-of-scope examples that score lower than in-scope ones', () => {
    const scores = [
      ...Array.from({ length: 50 }, (_, i) => inScope(0.7 + i * 0.005, 0.5)),
      ...Array.from({ length: 50 }, (_, i) => outOfScope(0.2 + i * 0.005, 0.5)),
    ];
    const t = tuneThresholds(scores);
    expect(t.minConfidence).toBeGreaterThan(0.445);
    expect(t.minConfidence).toBeLessThanOrEqual(0.7);
  });

  it('uses the similarity threshold when only similarity tells the groups apart', () => {
    const scores = [
      ...Array.from({ length: 50 }, (_, i) => inScope(0.6, 0.4 + i * 0.005)),
      ...Array.from({ length: 50 }, (_, i) => outOfScope(0.6, 0.05 + i * 0.002)),
    ];
    const t = tuneThresholds(scores);
    expect(t.minSimilarity).toBeGreaterThan(0.148);
    expect(t.minSimilarity).toBeLessThanOrEqual(0.4);
  });

  it('without out-of-scope examples never rejects: the data has no out-of-scope class', () => {
    const right = Array.from({ length: 400 }, (_, i) => inScope(0.5 + (i % 50) / 100, 0.5));
    const wrong = Array.from({ length: 20 }, () => inScope(0.2, 0.05, false));
    const t = tuneThresholds([...right, ...wrong], { maxFalseRejectRate: 0.01, ambiguityAccuracy: 0.5 });
    expect(t.minConfidence).toBe(0);
    expect(t.minSimilarity).toBe(0);
  });

  it('marks a low-margin band ambiguous when answers in it are mostly wrong', () => {
    const scores = [
      ...Array.from({ length: 50 }, () => inScope(0.9, 0.5, true, 0.6)),
      ...Array.from({ length: 10 }, (_, i) => inScope(0.9, 0.5, i < 2, 0.05)),
    ];
    expect(tuneThresholds(scores).minMargin).toBeGreaterThan(0.05);
    expect(tuneThresholds(scores.slice(0, 50)).minMargin).toBe(0);
  });
});
