import { IntentClassifier, OUT_OF_SCOPE_LABEL, trainIntentClassifier, type TrainingExample } from '../../../src/nlu/intent';
import { IntentDecision } from '../../../src/nlu/types';

const phrases: Record<string, string[]> = {
  'pizza.order': [
    'i want to order a pizza', 'order a large pepperoni pizza', 'can i get a pizza delivered', 'pizza please',
    'i would like two pizzas', 'get me a margherita pizza', 'order pizza for tonight', 'one cheese pizza to go',
    'can you send a pizza to my house', 'i am hungry, order me a pizza', 'a veggie pizza please', 'pizza delivery order',
  ],
  'weather.ask': [
    'what is the weather today', 'will it rain tomorrow', 'is it sunny outside', 'weather forecast please',
    'how hot is it today', 'do i need an umbrella', 'is it going to snow', 'what is the temperature outside',
    'will it be windy later', 'forecast for the weekend', 'is it cold outside', 'rain or shine today',
  ],
  'music.play': [
    'play some music', 'put on a song', 'play my playlist', 'i want to hear jazz', 'play the next track',
    'start the music', 'play something relaxing', 'can you play rock music', 'music please', 'play a song by queen',
    'turn on some tunes', 'shuffle my songs',
  ],
};
const outOfScope = [
  'how do i file my taxes', 'who won the football game', 'tell me about the roman empire', 'what is a prime number',
  'how do i fix my bike', 'recommend a good book', 'what is the capital of peru', 'how old is the earth',
  'translate cat into german', 'how many legs does an ant have', 'explain photosynthesis', 'buy a new phone',
];
const examples: TrainingExample[] = [
  ...Object.entries(phrases).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent }))),
  ...outOfScope.map((text) => ({ text, intent: OUT_OF_SCOPE_LABEL })),
];

describe('trainIntentClassifier', () => {
  const classifier = trainIntentClassifier(examples);

  it('answers in-scope paraphrases clearly, with calibrated confidence and a ranking', () => {
    for (const [text, intent] of [
      ['could you order me a pizza', 'pizza.order'],
      ['is it raining outside', 'weather.ask'],
      ['play some jazz music', 'music.play'],
    ] as const) {
      const p = classifier.classify(text);
      expect(p.intent).toBe(intent);
      expect(p.decision).not.toBe(IntentDecision.outOfScope);
      expect(p.ranking[0]!.intent).toBe(intent);
      expect(p.ranking.map((r) => r.confidence)).toEqual([...p.ranking.map((r) => r.confidence)].sort((a, b) => b - a));
      expect(p.margin).toBeCloseTo(p.confidence - (p.runnerUp?.confidence ?? 0), 10);
    }
  });

  it('never answers with the out-of-scope class and never ranks it', () => {
    expect(classifier.intents).toEqual(['music.play', 'pizza.order', 'weather.ask']);
    const p = classifier.classify('who won the football game');
    expect(p.decision).toBe(IntentDecision.outOfScope);
    expect(p.intent).toBeNull();
    expect(p.ranking.map((r) => r.intent)).not.toContain(OUT_OF_SCOPE_LABEL);
  });

  it('calls text out of scope when nothing of it was seen in training', () => {
    for (const text of ['', '   ', '🎉🎉', 'привет мир', '你好']) {
      const p = classifier.classify(text);
      expect(p.decision).toBe(IntentDecision.outOfScope);
      expect(p.intent).toBeNull();
    }
  });

  it('tunes its thresholds and temperature on held-out folds', () => {
    expect(classifier.calibration.heldOutExamples).toBe(examples.length);
    expect(classifier.calibration.heldOutOutOfScope).toBe(outOfScope.length);
    expect(classifier.temperature).toBeGreaterThan(0);
  });

  it('marks an answer ambiguous when it falls below the intent’s own confidence floor', () => {
    const { confidence } = classifier.classify('order a pizza');
    expect(confidence).toBeLessThan(1);
    const strict = trainIntentClassifier(examples, { classMinConfidence: { 'pizza.order': (confidence + 1) / 2 } });
    const p = strict.classify('order a pizza');
    expect(p.intent).toBe('pizza.order');
    expect(p.decision).toBe(IntentDecision.ambiguous);
  });

  it('gives identical predictions after a JSON round trip', () => {
    const restored = IntentClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())));
    for (const text of ['pizza with extra cheese', 'will it be sunny', 'play queen', 'what is love', '']) {
      expect(restored.classify(text)).toEqual(classifier.classify(text));
    }
  });

  it('refuses JSON that is not a model, naming what is wrong', () => {
    expect(() => IntentClassifier.fromJSON({ format: 'something-else' })).toThrow(/format/);
    const json = classifier.toJSON();
    expect(() => IntentClassifier.fromJSON({ ...json, bias: [1] })).toThrow(/inconsistent/);
  });

  it('refuses training data with fewer than two in-scope intents', () => {
    expect(() => trainIntentClassifier([{ text: 'hi', intent: 'a.b' }])).toThrow(/at least two in-scope intents/);
  });

  it('works without an out-of-scope class, still rejecting unseen text', () => {
    const noOos = trainIntentClassifier(examples.filter((e) => e.intent !== OUT_OF_SCOPE_LABEL));
    expect(noOos.classify('order a pizza please').intent).toBe('pizza.order');
    expect(noOos.classify('привет мир').decision).toBe(IntentDecision.outOfScope);
    expect(noOos.similarity('qqq www')).toBeLessThan(noOos.similarity('order a pizza please'));
  });
});
