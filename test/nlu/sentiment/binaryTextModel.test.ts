import { BinaryTextModel } from '../../../src/nlu/sentiment/binaryTextModel';
import { shippedWordVectors } from '../../../src/nlu/vectors/wordVectors';

const complaints = [
  'my order is late again', 'this is unacceptable, still no refund', 'terrible service, nobody answers',
  'the package never arrived', 'I was charged twice and nobody helps', 'worst experience ever',
  'your app keeps crashing, so annoying', 'still waiting for my refund after two weeks',
  'the item arrived broken', 'I am very disappointed with the delivery',
];
const neutral = [
  'what time do you open on saturday', 'I would like to book an appointment', 'can I change my address',
  'thanks, that answers my question', 'do you ship to canada', 'how do I reset my password',
  'I want to order a blue jacket', 'where is your store located', 'great, see you tomorrow', 'what are your opening hours',
];
const examples = [...complaints.map((text) => ({ text, label: true })), ...neutral.map((text) => ({ text, label: false }))];

describe('BinaryTextModel', () => {
  it('learns to separate complaints from neutral requests', () => {
    const model = BinaryTextModel.train(examples, { epochs: 30 });
    expect(model.probability('my refund never arrived and nobody answers')).toBeGreaterThan(0.5);
    expect(model.probability('what time do you open tomorrow')).toBeLessThan(0.5);
  });

  it('trains deterministically for a given seed', () => {
    const a = BinaryTextModel.train(examples, { seed: 7 });
    const b = BinaryTextModel.train(examples, { seed: 7 });
    expect(a.probability('still waiting')).toBe(b.probability('still waiting'));
  });

  it('uses caller-supplied features', () => {
    const withSignals = examples.map((e) => ({ ...e, text: 'hello', features: e.label ? ['complaint'] : [] }));
    const model = BinaryTextModel.train(withSignals, { epochs: 30 });
    expect(model.probability('hello', ['complaint'])).toBeGreaterThan(model.probability('hello'));
  });

  it('round-trips through JSON', () => {
    const model = BinaryTextModel.train(examples);
    const restored = BinaryTextModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(restored.probability('the item arrived broken')).toBeCloseTo(model.probability('the item arrived broken'), 6);
  });

  it('rejects bad input with a clear error', () => {
    expect(() => BinaryTextModel.train([])).toThrow(/at least one example/);
    expect(() => BinaryTextModel.train(examples, { buckets: 1000 })).toThrow(/power of two/);
    expect(() => BinaryTextModel.fromJSON({ version: 2 })).toThrow();
  });
});

describe('BinaryTextModel with word vectors', () => {
  const vectors = shippedWordVectors();

  it('records the table it was trained with and needs it to load again', () => {
    const model = BinaryTextModel.train(examples, { epochs: 10 }, vectors);
    const json = JSON.parse(JSON.stringify(model.toJSON())) as unknown;
    expect(model.toJSON().vectors).toEqual({ hash: vectors.hash, dimensions: vectors.dimensions });
    expect(BinaryTextModel.fromJSON(json, vectors).probability('the parcel came smashed')).toBeCloseTo(model.probability('the parcel came smashed'), 6);
    expect(() => BinaryTextModel.fromJSON(json)).toThrow(/trained with word vectors/);
  });

  it('reads words it never saw in training through their vectors', () => {
    const withVectors = BinaryTextModel.train(examples, { epochs: 30 }, vectors);
    const withoutVectors = BinaryTextModel.train(examples, { epochs: 30 });
    const unseen = 'dreadful appalling incompetence';
    expect(withoutVectors.toJSON().vectors).toBeNull();
    expect(withVectors.probability(unseen)).not.toBe(withoutVectors.probability(unseen));
  });

  it('trains without the dense block when vectorWeight is 0, and loads models saved before vectors existed', () => {
    expect(BinaryTextModel.train(examples, { vectorWeight: 0 }, vectors).toJSON().vectors).toBeNull();
    const old = { ...BinaryTextModel.train(examples).toJSON(), version: 1 } as Record<string, unknown>;
    delete old.vectors;
    expect(Number.isFinite(BinaryTextModel.fromJSON(old).probability('still waiting'))).toBe(true);
  });
});
