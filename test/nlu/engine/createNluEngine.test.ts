import { createNluEngine, type IntentClassifierLike } from '../../../src/nlu/createNluEngine';
import { IntentDecision, type IntentPrediction } from '../../../src/nlu/types';

/** A stand-in classifier: "order" → order.status, anything else → out of scope; it records what it saw. */
function fakeClassifier(): IntentClassifierLike & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    classify(text: string): IntentPrediction {
      seen.push(text);
      if (/order/i.test(text)) {
        return { intent: 'order.status', confidence: 0.9, runnerUp: null, margin: 0.9, decision: IntentDecision.clear, ranking: [{ intent: 'order.status', confidence: 0.9 }] };
      }
      return { intent: null, confidence: 0.1, runnerUp: null, margin: 0, decision: IntentDecision.outOfScope, ranking: [] };
    },
  };
}

const options = { timezone: 'America/New_York', now: new Date('2025-03-10T15:00:00Z') };

describe('createNluEngine', () => {
  it('runs intent, entities, sentiment and emergency on one message', () => {
    const classifier = fakeClassifier();
    const u = createNluEngine({ classifier, maxChars: 4000 }).understand('  Where is my order TD-104233?? It was due tomorrow at 3pm  ', options);
    expect(u.text).toBe('Where is my order TD-104233?? It was due tomorrow at 3pm');
    expect(u.truncated).toBe(false);
    expect(u.language).toBe('en');
    expect(u.intent.intent).toBe('order.status');
    expect(u.entities.map((e) => e.type)).toEqual(['order_number', 'datetime']);
    for (const e of u.entities) expect(u.text.slice(e.start, e.end)).toBe(e.text);
    expect(u.sentiment.signals).toContain('repeated_punctuation');
    expect(u.emergency.isEmergency).toBe(false);
  });

  it.each([
    ["what's the status of TD-100001? my email is Ann.Lee@example.com", "what's the status of order 12345? my email is  "],
    ['cancel order td100002, call me on (415) 555-2671', 'cancel order 12345, call me on  '],
    ['my package #104233 is late, member id ABC123456789', 'my package order 12345 is late, member id  '],
  ])('classifies %j with identifiers cut out and the order number written as the corpus writes it', (message, classified) => {
    const classifier = fakeClassifier();
    const u = createNluEngine({ classifier, maxChars: 4000 }).understand(message, options);
    expect(classifier.seen).toEqual([classified]);
    // The understanding keeps the message and its entities as typed.
    expect(u.text).toBe(message);
    expect(u.entities.length).toBeGreaterThanOrEqual(2);
  });

  it('strips HTML before classifying', () => {
    const classifier = fakeClassifier();
    const u = createNluEngine({ classifier, maxChars: 4000 }).understand('<p>where is my <b>order</b></p><script>x()</script>', options);
    expect(classifier.seen).toEqual(['where is my order']);
    expect(u.text).toBe('where is my order');
  });

  it.each(['', '   ', '\n\t ', '\u0000\u0001'])('answers out of scope for empty input %j without calling the classifier', (text) => {
    const classifier = fakeClassifier();
    const u = createNluEngine({ classifier, maxChars: 4000 }).understand(text, options);
    expect(u.intent.decision).toBe('out_of_scope');
    expect(u.intent.intent).toBeNull();
    expect(u.entities).toEqual([]);
    expect(classifier.seen).toEqual([]);
  });

  it.each(['10027', '98103 and 78704', '98103, 78704', 'TD-100004 or TD-100003'])('does not classify bare values %j', (text) => {
    const classifier = fakeClassifier();
    const u = createNluEngine({ classifier, maxChars: 4000 }).understand(text, options);
    expect(u.intent.decision).toBe('out_of_scope');
    expect(classifier.seen).toEqual([]);
  });

  it('reads two email addresses joined by "and" as English bare values', () => {
    const classifier = fakeClassifier();
    const u = createNluEngine({ classifier, maxChars: 4000 }).understand('ann.lee@example.com and carla.mendes@example.com', options);
    expect(u.language).toBe('en');
    expect(classifier.seen).toEqual([]);
  });

  it('classifies values with words around them', () => {
    const classifier = fakeClassifier();
    createNluEngine({ classifier, maxChars: 4000 }).understand('98103 for the first one', options);
    expect(classifier.seen).toHaveLength(1);
  });

  it('keeps the sentiment of an emoji-only message but does not classify it', () => {
    const classifier = fakeClassifier();
    const u = createNluEngine({ classifier, maxChars: 4000 }).understand('😡😡', options);
    expect(u.intent.decision).toBe('out_of_scope');
    expect(u.sentiment.vote).toBe('negative');
    expect(u.language).toBe('en');
    expect(classifier.seen).toEqual([]);
  });

  it('marks other languages out of scope and names them', () => {
    const classifier = fakeClassifier();
    const engine = createNluEngine({ classifier, maxChars: 4000 });
    expect(engine.understand('Hola, ¿dónde está mi pedido?', options)).toMatchObject({ language: 'es', intent: { decision: 'out_of_scope' } });
    expect(engine.understand('أين طلبي من فضلك', options)).toMatchObject({ language: 'ar', intent: { decision: 'out_of_scope' } });
    expect(classifier.seen).toEqual([]);
  });

  it('detects emergencies even in markdown', () => {
    const u = createNluEngine({ classifier: fakeClassifier(), maxChars: 4000 }).understand('**help** I *cant breathe*', options);
    expect(u.emergency).toMatchObject({ isEmergency: true, categories: ['breathing'] });
  });

  it('truncates a 100,000-character message and flags it', () => {
    const engine = createNluEngine({ classifier: fakeClassifier(), maxChars: 4000 });
    for (const text of ['x'.repeat(100_000), 'order TD-104233 tomorrow at 3pm '.repeat(3200), '12 '.repeat(34_000), '<b>'.repeat(34_000)]) {
      const u = engine.understand(text, options);
      expect(u.truncated).toBe(true);
      expect(u.text.length).toBeLessThanOrEqual(4000);
    }
  });

  it('survives RTL text, control characters and an unknown time zone', () => {
    const engine = createNluEngine({ classifier: fakeClassifier(), maxChars: 4000 });
    expect(() => engine.understand('\u202Eorder\u0007 tomorrow', { timezone: 'Not/AZone' })).not.toThrow();
    expect(engine.understand('order tomorrow', { timezone: 'Not/AZone', now: new Date('2025-03-10T15:00:00Z') }).entities[0]?.value).toBe('2025-03-11');
    expect(engine.understand('שלום, איפה ההזמנה', options).language).toBe('he');
  });

  it('refuses a nonsensical length limit at construction', () => {
    expect(() => createNluEngine({ classifier: fakeClassifier(), maxChars: 0 })).toThrow(/MAX_MESSAGE_CHARS/);
  });
});
