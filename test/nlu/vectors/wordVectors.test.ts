import { IntentClassifier, trainIntentClassifier } from '../../../src/nlu/intent';
import { WordVectors, encodeWordVectors, shippedWordVectors } from '../../../src/nlu/vectors/wordVectors';

const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    dot += x * b[i]!;
    na += x * x;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
};

function tinyTable(words: string[], seed: number): WordVectors {
  const dimensions = 4;
  const values = Int8Array.from({ length: words.length * dimensions }, (_, i) => ((i * 37 + seed * 11) % 200) - 100);
  return WordVectors.decode(encodeWordVectors({ words, dimensions, scale: Float32Array.from([0.01, 0.02, 0.01, 0.03]), values }));
}

describe('WordVectors', () => {
  it('round-trips a table through its binary layout', () => {
    const table = tinyTable(['refund', 'money', 'back'], 1);
    expect(table.size).toBe(3);
    expect(table.rowOf('money')).toBe(1);
    expect(table.rowOf('unknownword')).toBe(-1);
    const scale = [0.01, 0.02, 0.01, 0.03];
    const expected = [0, 1, 2, 3].map((d) => Math.fround(Math.fround(scale[d]!) * ((((d * 37 + 11) % 200) - 100))));
    expect(Array.from(table.vector(0))).toEqual(expected);
  });

  it('gives unit-length vectors in the direction of the stored ones, and leaves a zero vector zero', () => {
    const table = WordVectors.decode(
      encodeWordVectors({ words: ['up', 'zero'], dimensions: 2, scale: Float32Array.from([0.1, 0.1]), values: Int8Array.from([30, 40, 0, 0]) }),
    );
    expect(Array.from(table.unitVector(0)).map((x) => Math.round(x * 1000) / 1000)).toEqual([0.6, 0.8]);
    expect(Array.from(table.unitVector(1))).toEqual([0, 0]);
  });

  it('refuses a file that is not a table, or a truncated one', () => {
    expect(() => WordVectors.decode(Buffer.from('not a table at all'))).toThrow(/not a TWV1 table/);
    const bytes = encodeWordVectors({ words: ['a', 'b'], dimensions: 2, scale: Float32Array.from([1, 1]), values: new Int8Array(4) });
    expect(() => WordVectors.decode(bytes.subarray(0, 18))).toThrow(/truncated|words/);
  });

  it('ships a table in which related customer words are closer than unrelated ones', () => {
    const table = shippedWordVectors();
    expect(table.dimensions).toBe(100);
    const v = (w: string): Float32Array => {
      const row = table.rowOf(w);
      expect(row).toBeGreaterThanOrEqual(0);
      return table.vector(row);
    };
    expect(cosine(v('refund'), v('reimbursement'))).toBeGreaterThan(cosine(v('refund'), v('weather')));
    expect(cosine(v('cancel'), v('cancellation'))).toBeGreaterThan(cosine(v('cancel'), v('pizza')));
  });

  it('a saved model only loads with the table it was trained with', () => {
    const words = ['pizza', 'order', 'weather', 'rain', 'music', 'play'];
    const table = tinyTable(words, 1);
    const examples = [
      ...['order a pizza', 'pizza please', 'i want pizza', 'get me a pizza order'].map((text) => ({ text, intent: 'pizza.order' })),
      ...['will it rain', 'weather today', 'is rain coming', 'weather forecast'].map((text) => ({ text, intent: 'weather.ask' })),
      ...['play music', 'play a song', 'music please', 'play some music now'].map((text) => ({ text, intent: 'music.play' })),
    ];
    const classifier = trainIntentClassifier(examples, { wordVectors: table });
    const json = JSON.parse(JSON.stringify(classifier.toJSON()));
    expect(IntentClassifier.fromJSON(json, table).classify('pizza order').intent).toBe(classifier.classify('pizza order').intent);
    expect(() => IntentClassifier.fromJSON(json, tinyTable(words, 2))).toThrow(/word vectors/);
  });
});
