import { IntentRole } from '../../../intents/schema';
import { readRequests, type ClauseUnderstander } from '../../../src/nlu/requests/readRequests';
import { IntentDecision, EntityType, type Entity, type IntentPrediction } from '../../../src/nlu/types';

/** A stand-in for the NLU engine: a few keywords decide the intent, and order numbers are its only entities. */
const understand: ClauseUnderstander = (text) => {
  const rules: [RegExp, string][] = [
    [/^(thanks|hi|hello)\b/i, 'smalltalk.thanks'],
    [/never ?mind/i, 'conversation.cancel'],
    [/help/i, 'smalltalk.help'],
    [/\bbook\b/i, 'appointment.book'],
    [/\b(order|track)\b/i, 'order.status'],
    [/\bcancel\b/i, 'order.cancel'],
    [/\bhours\b/i, 'faq.hours'],
    [/\b(uninsured|insurance)\b/i, 'faq.insurance'],
    [/\bregistered|new patient\b/i, 'intake.patient'],
  ];
  const intent = rules.find(([re]) => re.test(text))?.[1] ?? null;
  const prediction: IntentPrediction = intent
    ? { intent, confidence: 0.9, runnerUp: null, margin: 0.9, decision: IntentDecision.clear, ranking: [{ intent, confidence: 0.9 }] }
    : { intent: null, confidence: 0.1, runnerUp: null, margin: 0, decision: IntentDecision.outOfScope, ranking: [] };
  const entities: Entity[] = [...text.matchAll(/TD-\d{6}/g)].map((m) => ({
    type: EntityType.orderNumber,
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    value: m[0],
  }));
  return { text, intent: prediction, entities };
};

const roles: Record<string, IntentRole> = {
  'smalltalk.thanks': IntentRole.social,
  'smalltalk.help': IntentRole.help,
  'conversation.cancel': IntentRole.cancel,
  'faq.hours': IntentRole.question,
  'faq.insurance': IntentRole.question,
};
const intentOf = (intent: string) => ({ role: roles[intent] ?? IntentRole.task, dialog: intent.split('.')[0] ?? intent });

const read = (message: string) => readRequests(message, understand, intentOf);
const summary = (message: string) => read(message)?.requests.map((r) => [r.prediction.intent, r.text]);

describe('readRequests', () => {
  it('reads a statement on a question\'s topic before a question as that question\'s context', () => {
    expect(summary("I'm uninsured, what are your hours?")).toEqual([['faq.hours', "I'm uninsured, what are your hours?"]]);
  });

  it('takes a question the classifier cannot place, after a question, as one more question', () => {
    expect(summary('what are your hours and whats your phone number')).toEqual([
      ['faq.hours', 'what are your hours'],
      ['faq.hours', 'whats your phone number'],
    ]);
  });

  it('takes a clause torn between two questions as a question', () => {
    const torn: ClauseUnderstander = (text) => {
      const base = understand(text);
      if (!/do you take/i.test(text)) return base;
      const intent: IntentPrediction = {
        intent: 'faq.insurance',
        confidence: 0.4,
        runnerUp: { intent: 'faq.hours', confidence: 0.4 },
        margin: 0,
        decision: IntentDecision.ambiguous,
        ranking: [],
      };
      return { ...base, intent };
    };
    expect(readRequests('do you take cigna and what are your hours?', torn, intentOf)?.requests.map((r) => r.prediction.intent)).toEqual([
      'faq.insurance',
      'faq.hours',
    ]);
  });

  it('finds two requests, each with its own order number', () => {
    const result = read('where is my order TD-100003 and can I also book a physical for tomorrow?');
    expect(result?.requests.map((r) => [r.prediction.intent, r.entities.map((e) => e.text)])).toEqual([
      ['order.status', ['TD-100003']],
      ['appointment.book', []],
    ]);
  });

  it('sets pleasantries aside instead of counting them as requests', () => {
    expect(read('thanks. also where is my order TD-100004')).toEqual({
      setAside: 1,
      requests: [expect.objectContaining({ text: 'where is my order TD-100004' })],
    });
  });

  it('sets "I need help" aside beside a real request', () => {
    expect(summary('I need help, what are your hours')).toEqual([['faq.hours', 'what are your hours']]);
  });

  it('joins a fragment to the request before it, so what it says stays with that request', () => {
    expect(summary('track TD-100003, zip 78704, and what are your hours?')).toEqual([
      ['order.status', 'track TD-100003, zip 78704'],
      ['faq.hours', 'what are your hours?'],
    ]);
  });

  it('joins a leading fragment to the request after it', () => {
    expect(summary('zip 78704, where is my order')).toEqual([['order.status', 'zip 78704, where is my order']]);
  });

  it('reads a bare object after a request as a second request of the same kind', () => {
    expect(summary('book a skin check and a follow-up')).toEqual([
      ['appointment.book', 'book a skin check'],
      ['appointment.book', 'book a follow-up'],
    ]);
    expect(summary('track TD-100001 and TD-100002')).toEqual([
      ['order.status', 'track TD-100001'],
      ['order.status', 'track TD-100002'],
    ]);
  });

  it('reads a request told in two pieces, one naming the order, as one request', () => {
    expect(summary("where's my package? order TD-100004")).toEqual([['order.status', "where's my package? order TD-100004"]]);
    expect(read("where's my package? order TD-100004, and what are your hours")?.requests.map((r) => r.text)).toEqual([
      "where's my package? order TD-100004",
      'what are your hours',
    ]);
  });

  it('reads a short clause about "it", "that" or "they" as part of the clause before it', () => {
    expect(summary('order TD-100004, where is it?')).toEqual([['order.status', 'order TD-100004, where is it?']]);
    expect(summary('book a follow-up, do they have hours?')).toEqual([['appointment.book', 'book a follow-up, do they have hours?']]);
  });

  it('does not read a denial or a single word as a request', () => {
    expect(summary('no, I already registered. I want to book an appointment')).toEqual([
      ['appointment.book', 'no, I already registered. I want to book an appointment'],
    ]);
    expect(summary('hours, can I book')).toEqual([['appointment.book', 'hours, can I book']]);
  });

  it('leaves a message that says "never mind" to the task at hand', () => {
    expect(read('never mind, what are your hours?')).toBeUndefined();
  });

  it('leaves one-clause messages, prose and requestless messages alone', () => {
    expect(read('where is my order TD-100001')).toBeUndefined();
    expect(read('a, b, c, d, e, f, g, where is my order')).toBeUndefined();
    expect(read('blue, and green')).toBeUndefined();
  });
});
