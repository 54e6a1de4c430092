import { loadCorpus, loadOutOfScope } from '../../intents/loadCorpus';
import { corpusClassifierOptions, corpusTrainingExamples, trainIntentClassifier } from '../../src/nlu/intent';
import { IntentDecision } from '../../src/nlu/types';

describe('the corpus classifier on held-out tests', () => {
  const corpus = loadCorpus();
  const outOfScope = loadOutOfScope();
  const classifier = trainIntentClassifier(corpusTrainingExamples(corpus, outOfScope), corpusClassifierOptions(corpus));

  it('answers at least 97% of the held-out in-scope tests with their intent', () => {
    const tests = corpus.intents.flatMap((i) => i.tests.map((text) => ({ text, intent: i.name })));
    const misses = tests.filter((t) => classifier.classify(t.text).intent !== t.intent);
    expect(tests.length).toBeGreaterThanOrEqual(8 * corpus.intents.length);
    expect(misses.length / tests.length).toBeLessThanOrEqual(0.03);
  });

  it('turns away at least 80% of the held-out out-of-scope tests', () => {
    const caught = outOfScope.tests.filter((text) => classifier.classify(text).decision === IntentDecision.outOfScope);
    expect(caught.length / outOfScope.tests.length).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t  '],
    ['emoji only', '😀🙏🎉'],
    ['bare HTML', '<div><br/></div>'],
    ['a script tag', '<script>alert(1)</script>'],
    ['Spanish', 'quiero devolver este producto'],
    ['French', 'où est ma commande'],
    ['German', 'ich möchte meine bestellung stornieren'],
    ['Italian', 'voglio un rimborso'],
    ['Portuguese', 'preciso marcar uma consulta'],
    ['Chinese', '我想取消我的订单'],
    ['Arabic', 'أريد استرداد أموالي'],
    ['Russian', 'хочу вернуть товар'],
  ])('calls %s input out of scope', (_kind, text) => {
    const p = classifier.classify(text);
    expect(p.decision).toBe(IntentDecision.outOfScope);
    expect(p.intent).toBeNull();
  });

  it('reads a request wrapped in HTML', () => {
    expect(classifier.classify('<b>where is my package</b>').intent).toBe('order.track');
  });

  it('truncates 100,000 characters and answers as for their beginning', () => {
    const long = 'i want to cancel my order '.repeat(4000);
    expect(long.length).toBeGreaterThanOrEqual(100_000);
    const p = classifier.classify(long);
    expect(p).toEqual(classifier.classify(long.slice(0, 600)));
    expect(p.intent).toBe('order.cancel');
    expect(classifier.classify('x'.repeat(100_000)).decision).toBe(IntentDecision.outOfScope);
  });
});
