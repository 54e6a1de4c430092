import { EmergencyDetector, detectEmergency } from '../../../src/nlu/emergency/detectEmergency';
import { PhraseMatcher } from '../../../src/nlu/emergency/phraseMatcher';
import { EMERGENCY_RULES } from '../../../src/nlu/emergency/rules';
import { tokenize } from '../../../src/nlu/language/tokenize';
import { EmergencyCategory } from '../../../src/nlu/types';
import { NEGATIVES, POSITIVES } from './fixtures';

const detector = new EmergencyDetector();

describe('emergency detection on the fixture table', () => {
  it('has a table of at least 80 positives over every category and 120 look-alike negatives', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(80);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(120);
    const categories = new Set(POSITIVES.map((p) => p.category));
    for (const category of Object.values(EmergencyCategory)) expect(categories).toContain(category);
  });

  it('misses no positive', () => {
    const missed = POSITIVES.filter((p) => !detector.detect(p.text).isEmergency).map((p) => p.text);
    expect(missed).toEqual([]);
  });

  it('puts each positive in its category', () => {
    const wrong = POSITIVES.filter((p) => p.category !== null && !detector.detect(p.text).categories.includes(p.category)).map(
      (p) => `${p.text} → ${detector.detect(p.text).categories.join(',')}`,
    );
    expect(wrong).toEqual([]);
  });

  // Known false alarms of the trained model (README, Safety); the list only shrinks: one that stops firing fails too.
  const knownFalseAlarms = ['I bought a first aid kit and the bandages are missing'];

  it('raises no false alarm on look-alikes beyond the known ones', () => {
    const alarms = NEGATIVES.filter((text) => detector.detect(text).isEmergency);
    expect(alarms).toEqual(knownFalseAlarms);
  });
});

describe('EmergencyDetector', () => {
  it('reports the phrases that fired, as written', () => {
    const result = detector.detect('Help, my Chest HURTS so much');
    expect(result).toEqual({ isEmergency: true, categories: ['cardiac'], matches: ['Chest HURTS'] });
  });

  it('allows short gaps but not long ones, and never across sentences', () => {
    expect(detector.detect('my chest really badly hurts').isEmergency).toBe(true);
    expect(detector.detect('my chest is fine. The pain is in my knee').isEmergency).toBe(false);
  });

  it('only lets a negation cancel the phrase it governs', () => {
    expect(detector.detect('I do not have any chest pain').isEmergency).toBe(false);
    expect(detector.detect("I don't know what to do, I have chest pain").isEmergency).toBe(true);
    expect(detector.detect("I'm not sure but I think it's a heart attack").isEmergency).toBe(true);
    // Crisis language is never negated away.
    expect(detector.detect("I don't want to live anymore").isEmergency).toBe(true);
  });

  it('adds the pediatric category when a medical emergency concerns a child', () => {
    expect(detector.detect('my son drank bleach').categories).toEqual(expect.arrayContaining(['overdose_poisoning', 'pediatric']));
    expect(detector.detect('my husband drank bleach').categories).not.toContain('pediatric');
  });

  it('flags generic emergencies without a category', () => {
    expect(detector.detect('call an ambulance please')).toMatchObject({ isEmergency: true, categories: [] });
  });

  it('tolerates typos on long key words only', () => {
    expect(detector.detect('heart atack').isEmergency).toBe(true);
    expect(detector.detect('i feel sucidal').isEmergency).toBe(true);
    expect(detector.detect('I want to fill in the form').isEmergency).toBe(false);
    expect(detector.detect('the sizing is off on one side').isEmergency).toBe(false);
  });

  it('handles empty, emoji-only, HTML, RTL, control characters and huge input', () => {
    for (const text of ['', '   ', '🚑🚑', '<b>hi</b>', 'مرحبا', '\u0000\u0001chest\u0002', 'a '.repeat(50_000)]) {
      expect(() => detector.detect(text)).not.toThrow();
    }
    expect(detector.detect(`${'word '.repeat(20_000)} I can't breathe`).isEmergency).toBe(true);
  });

  it('has a one-shot helper with the same answers', () => {
    expect(detectEmergency('I took too many pills')).toEqual(detector.detect('I took too many pills'));
  });
});

describe('decisive rules (raise the alarm whatever the model reads around them)', () => {
  it.each([
    ['anaphylaxis', 'we gave him the epinephrine and his lips are still swollen'],
    ['anaphylaxis', 'the auto injector is wearing off and the hives are coming back'],
    ['pregnancy', '33 weeks and the kicks have slowed since this morning'],
    ['pregnancy', "I've barely felt the baby move all day, is that normal at 35 weeks"],
    ['violence_threat', 'before I file the divorce papers: he threatened to set fire to the apartment with us inside'],
    ['violence_threat', 'my landlord dispute is ongoing and he said he will hurt me if I go to court'],
  ])('%s: %s', (category, text) => {
    expect(detectEmergency(text)).toMatchObject({ isEmergency: true, categories: expect.arrayContaining([category]) });
  });

  it.each([
    'do you sell epipen carrying cases',
    'is my epipen refill covered by insurance',
    'the baby monitor is not moving its camera anymore',
    'how do I burn a cd of the deposition audio',
    'the contractor threatened to burn through our budget',
  ])('do not fire on a look-alike: %s', (text) => {
    // The rules alone: whether the model flags a look-alike is measured on the safety set, not here.
    const decisive = new PhraseMatcher(EMERGENCY_RULES.filter((rule) => rule.decisive === true));
    expect(decisive.match(tokenize(text)).filter((m) => !m.negated)).toEqual([]);
  });
});
