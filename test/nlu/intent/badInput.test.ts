import { OUT_OF_SCOPE_LABEL, trainIntentClassifier, type TrainingExample } from '../../../src/nlu/intent';
import { IntentDecision, type IntentPrediction } from '../../../src/nlu/types';

const examples: TrainingExample[] = [
  ...['i want a refund', 'give me my money back', 'refund my order', 'can i get a refund please', 'return the money'].map((text) => ({ text, intent: 'orders.refund' })),
  ...['where is my order', 'track my package', 'has my order shipped', 'order status please', 'when does my parcel arrive'].map((text) => ({ text, intent: 'orders.status' })),
  ...['book an appointment', 'i need to see a doctor', 'schedule a visit', 'make an appointment for tuesday', 'can i book a slot'].map((text) => ({ text, intent: 'appointments.book' })),
  ...['tell me a joke', 'what is the capital of peru', 'who won the game', 'explain photosynthesis', 'how old is the earth'].map((text) => ({ text, intent: OUT_OF_SCOPE_LABEL })),
];

const isDefined = (p: IntentPrediction): boolean =>
  Object.values(IntentDecision).includes(p.decision) &&
  [p.confidence, p.margin, ...p.ranking.map((r) => r.confidence)].every((v) => Number.isFinite(v) && v >= 0 && v <= 1) &&
  (p.decision === IntentDecision.outOfScope ? p.intent === null : typeof p.intent === 'string');

describe.each([
  ['with the shipped word vectors', undefined],
  ['with n-grams only', null],
] as const)('IntentClassifier on odd input, %s', (_name, wordVectors) => {
  const classifier = trainIntentClassifier(examples, { wordVectors });

  it.each([
    ['unknown words', 'zxqv blorptang wubbleflock'],
    ['digits only', '4815162342'],
    ['5,000 characters', 'refund '.repeat(715).slice(0, 5000)],
    ['emoji only', '😡😡😡 🙏'],
    ['emoji and words', 'refund 😡 now 🙏'],
    ['mixed languages', 'je voudrais un remboursement, refund please, 返金してください'],
    ['empty', ''],
    ['punctuation only', '?!?... --- ###'],
  ])('%s gets a defined answer, never NaN', (_case, text) => {
    expect(isDefined(classifier.classify(text))).toBe(true);
    const scores = classifier.rejectionScores(text);
    expect([scores.confidence, scores.outOfScope, scores.similarity].every(Number.isFinite)).toBe(true);
  });

  it('reads only the start of a 5,000-character message', () => {
    expect(classifier.classify(`can i get a refund please ${'x'.repeat(5000)}`).intent).toBe('orders.refund');
  });
});
