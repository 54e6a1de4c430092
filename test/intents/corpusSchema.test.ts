import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusError, loadCorpus, loadOutOfScope } from '../../intents/loadCorpus';

const utterances = (prefix: string, n = 20): string[] => Array.from({ length: n }, (_, i) => `${prefix} utterance ${i}`);
const intent = (name: string, overrides: object = {}): object => ({
  name,
  description: 'test intent',
  label: 'Test intent',
  domain: 'general',
  dialog: 'faq',
  escalate: false,
  minConfidence: 0.5,
  utterances: utterances(name),
  tests: ['one held out', 'two held out', 'three held out'],
  ...overrides,
});

describe('the shipped corpus', () => {
  const corpus = loadCorpus();
  const byName = new Map(corpus.intents.map((i) => [i.name, i]));

  it.each([
    ['smalltalk.greeting', 'reply', false, 'normal'],
    ['smalltalk.thanks', 'reply', false, 'normal'],
    ['smalltalk.goodbye', 'reply', false, 'normal'],
    ['smalltalk.help', 'help', false, 'normal'],
    ['order.status', 'orders', false, 'normal'],
    ['order.track', 'orders', false, 'normal'],
    ['order.return', 'orders', false, 'normal'],
    ['order.cancel', 'orders', false, 'normal'],
    ['order.refund', 'orders', false, 'normal'],
    ['appointment.book', 'appointments', false, 'normal'],
    ['appointment.reschedule', 'appointments', false, 'normal'],
    ['appointment.cancel', 'appointments', false, 'normal'],
    ['appointment.list', 'appointments', false, 'normal'],
    ['intake.patient', 'intakePatient', false, 'normal'],
    ['intake.legal', 'intakeLegal', false, 'normal'],
    ['faq.hours', 'faq', false, 'normal'],
    ['faq.location', 'faq', false, 'normal'],
    ['complaint.file', 'complaint', true, 'high'],
    ['billing.dispute', 'handoff', true, 'high'],
    ['clinical.question', 'clinical', true, 'normal'],
    ['agent.request', 'handoff', true, 'normal'],
    ['safety.emergency', 'emergency', true, 'urgent'],
    // Only a lawyer answers it: the legal intake collects the matter for one to review (an agent can't advise either).
    ['legal.advice', 'intakeLegal', false, 'normal'],
  ])('routes %s to dialog %s (escalate %p, priority %s)', (name, dialog, escalate, priority) => {
    const found = byName.get(name);
    expect(found).toMatchObject({ dialog, escalate, priority });
    expect(found!.utterances.length).toBeGreaterThanOrEqual(30);
    expect(found!.tests.length).toBeGreaterThanOrEqual(8);
  });

  it('lets only talking to a human and emergencies interrupt a dialog', () => {
    expect(corpus.intents.filter((i) => i.interrupts).map((i) => i.name).sort()).toEqual(['agent.request', 'safety.emergency']);
  });

  it('gives every reply intent its reply text and keeps healthcare intents in the healthcare domain', () => {
    for (const i of corpus.intents.filter((x) => x.dialog === 'reply')) expect(i.reply).toBeTruthy();
    expect(byName.get('clinical.question')!.domain).toBe('healthcare');
    expect(byName.get('safety.emergency')!.domain).toBe('healthcare');
    expect(byName.get('legal.advice')!.domain).toBe('legal');
  });

  it('ships out-of-scope negatives with held-out tests', () => {
    const negatives = loadOutOfScope();
    expect(negatives.utterances.length).toBeGreaterThanOrEqual(100);
    expect(negatives.tests.length).toBeGreaterThanOrEqual(30);
  });
});

describe('loadCorpus on a broken corpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-corpus-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, content: unknown): void => writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  const errorOf = (load: () => unknown): CorpusError => {
    try {
      load();
    } catch (error) {
      if (error instanceof CorpusError) return error;
      throw error;
    }
    throw new Error('expected a CorpusError');
  };

  it('names the file, the intent and the problem when an intent has too few utterances', () => {
    write('a.json', { intents: [intent('order.status')] });
    write('b.json', { intents: [intent('faq.hours'), intent('faq.location', { utterances: ['only one'] })] });
    const error = errorOf(() => loadCorpus(dir));
    expect(error.file).toBe('b.json');
    expect(error.intent).toBe('faq.location');
    expect(error.problem).toMatch(/utterances.*at least 20/);
    expect(error.message).toMatch(/b\.json.*faq\.location.*utterances/);
  });

  it('refuses a held-out test that is also a training utterance', () => {
    write('a.json', { intents: [intent('order.status', { tests: ['order.status utterance 3', 'b b', 'c c'] })] });
    expect(errorOf(() => loadCorpus(dir))).toMatchObject({ file: 'a.json', intent: 'order.status', problem: expect.stringMatching(/also a training utterance/) });
  });

  it('refuses a reply intent without its reply and a badly named intent', () => {
    write('a.json', { intents: [intent('smalltalk.greeting', { dialog: 'reply' })] });
    expect(errorOf(() => loadCorpus(dir)).problem).toMatch(/reply.*required/);
    write('a.json', { intents: [intent('Order Status')] });
    expect(errorOf(() => loadCorpus(dir)).problem).toMatch(/domain\.action/);
  });

  it('refuses invalid JSON and an intent defined twice', () => {
    write('a.json', '{ "intents": [ ');
    expect(errorOf(() => loadCorpus(dir))).toMatchObject({ file: 'a.json', problem: expect.stringMatching(/not valid JSON/) });
    write('a.json', { intents: [intent('faq.hours')] });
    write('b.json', { intents: [intent('faq.hours')] });
    expect(errorOf(() => loadCorpus(dir))).toMatchObject({ file: 'b.json', intent: 'faq.hours', problem: expect.stringMatching(/already defined in a\.json/) });
  });

  it('refuses an out-of-scope file without held-out tests', () => {
    write('oos.json', { utterances: utterances('oos'), tests: [] });
    expect(errorOf(() => loadOutOfScope(join(dir, 'oos.json'))).problem).toMatch(/tests.*at least 3/);
  });

  it('gives the same hash for the same content and a new one when it changes', () => {
    write('a.json', { intents: [intent('faq.hours'), intent('faq.location')] });
    const first = loadCorpus(dir).hash;
    expect(loadCorpus(dir).hash).toBe(first);
    write('a.json', { intents: [intent('faq.hours'), intent('faq.location', { minConfidence: 0.6 })] });
    expect(loadCorpus(dir).hash).not.toBe(first);
  });
});
