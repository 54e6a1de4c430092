import { frustrationSignals } from '../../../src/nlu/frustration/frustrationSignals';
import { initialFrustrationState, updateFrustration } from '../../../src/nlu/frustration/updateFrustration';
import { analyzeSentiment } from '../../../src/nlu/sentiment/analyzeSentiment';
import { BinaryTextModel } from '../../../src/nlu/sentiment/binaryTextModel';
import { shippedWordVectors } from '../../../src/nlu/vectors/wordVectors';

const oddInputs = [
  ['unknown words', 'zxqv blorptang wubbleflock'],
  ['digits only', '4815162342'],
  ['5,000 characters', 'terrible '.repeat(556).slice(0, 5000)],
  ['5,000 characters of one word', 'x'.repeat(5000)],
  ['emoji only', '😡😡😡 🙏'],
  ['emoji and words', 'refund 😡 now 🙏'],
  ['mixed languages', 'je voudrais un remboursement, refund please, 返金してください, это ужасно'],
  ['empty', ''],
  ['punctuation only', '?!?... --- ###'],
  ['inherited property names', 'constructor toString __proto__ hasOwnProperty'],
] as const;

const examples = [
  ...['this is useless', 'worst service ever', 'still waiting for my refund', 'terrible, nobody answers'].map((text) => ({ text, label: true })),
  ...['thanks for the help', 'what time do you open', 'great, thank you', 'can I change my seat'].map((text) => ({ text, label: false })),
];

const inUnitRange = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1;

describe.each([
  ['with the shipped word vectors', shippedWordVectors()],
  ['with n-grams only', null],
] as const)('sentiment and frustration on odd input, %s', (_name, vectors) => {
  const model = BinaryTextModel.train(examples, { epochs: 10 }, vectors);

  it.each(oddInputs)('%s gets a defined answer, never NaN', (_case, text) => {
    const sentiment = analyzeSentiment(text);
    expect(Number.isFinite(sentiment.score)).toBe(true);
    expect(sentiment.average).toBeGreaterThanOrEqual(-1);
    expect(sentiment.average).toBeLessThanOrEqual(1);
    expect(['positive', 'neutral', 'negative']).toContain(sentiment.vote);

    const message = frustrationSignals(text, sentiment);
    expect(inUnitRange(message.score)).toBe(true);

    const { state, assessment } = updateFrustration(initialFrustrationState(), { text, sentiment, wasFallback: true });
    expect(inUnitRange(assessment.score)).toBe(true);
    expect(state.sentimentHistory.every(Number.isFinite)).toBe(true);

    expect(inUnitRange(model.probability(text))).toBe(true);
    expect(inUnitRange(model.probability(text, ['vote:negative']))).toBe(true);
  });
});
