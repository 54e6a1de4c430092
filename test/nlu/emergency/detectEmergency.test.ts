import { EmergencyDetector, detectEmergency } from '../../../src/nlu/emergency/detectEmergency';
import { EmergencyCategory } from '../../../src/nlu/types';
import { NEGATIVES, POSITIVES } from './fixtures';

const detector = new EmergencyDetector();

// This table was written for the phrase-rule detector that came before the trained one; it now measures the trained
// detector beside the safety set (test/safety), so it states rates instead of requiring every row.
describe('emergency detection on the fixture table', () => {
  it('has a table of at least 80 positives over every category and 120 look-alike negatives', () => {
    expect(POSITIVES.length).toBeGreaterThanOrEqual(80);
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(120);
    const categories = new Set(POSITIVES.map((p) => p.category));
    for (const category of Object.values(EmergencyCategory)) expect(categories).toContain(category);
  });

  it('catches at least 90% of the positives', () => {
    const caught = POSITIVES.filter((p) => detector.detect(p.text).isEmergency).length;
    expect(caught / POSITIVES.length).toBeGreaterThanOrEqual(0.9);
  });

  it('puts at least 85% of the caught positives in their category', () => {
    const withCategory = POSITIVES.filter((p) => p.category !== null && detector.detect(p.text).isEmergency);
    const right = withCategory.filter((p) => detector.detect(p.text).categories.includes(p.category!)).length;
    expect(right / withCategory.length).toBeGreaterThanOrEqual(0.85);
  });

  it('raises at most 6% false alarms on the look-alikes', () => {
    const alarms = NEGATIVES.filter((text) => detector.detect(text).isEmergency).length;
    expect(alarms / NEGATIVES.length).toBeLessThanOrEqual(0.06);
  });
});

describe('EmergencyDetector', () => {
  it('reports the sentence that raised the alarm, its score and a category', () => {
    const result = detector.detect('Thanks for the update. Help, my Chest HURTS so much');
    expect(result).toMatchObject({ isEmergency: true, categories: ['cardiac'], matches: ['help my chest hurts so much'] });
    expect(result.score).toBeGreaterThan(0.5);
  });

  it('scores sentence by sentence, so a symptom denied in one is not read into the next', () => {
    expect(detector.detect('my chest is fine. The pain is in my knee').isEmergency).toBe(false);
  });

  it('tells a negation or an all-clear from the crisis itself', () => {
    expect(detector.detect('I do not have any chest pain').isEmergency).toBe(false);
    expect(detector.detect("I don't know what to do, I have chest pain").isEmergency).toBe(true);
    expect(detector.detect("I'm not sure but I think it's a heart attack").isEmergency).toBe(true);
    expect(detector.detect("I don't want to live anymore").isEmergency).toBe(true);
    expect(detector.detect('I burned myself on the oven, it is fine now').isEmergency).toBe(false);
  });

  it('adds the pediatric category when a medical emergency concerns a child', () => {
    expect(detector.detect('my son drank bleach').categories).toEqual(expect.arrayContaining(['overdose_poisoning', 'pediatric']));
    expect(detector.detect('my husband drank bleach').categories).not.toContain('pediatric');
  });

  it('catches misspellings, capitals, missing punctuation and emoji', () => {
    for (const text of ['i feel sucidal', 'I TOOK TOO MANY PILLS 😭', 'cant breath help', 'i think im having a siezure', 'i just overdosed']) {
      expect({ text, alarm: detector.detect(text).isEmergency }).toEqual({ text, alarm: true });
    }
    expect(detector.detect('I want to fill in the form').isEmergency).toBe(false);
    expect(detector.detect('the sizing is off on one side').isEmergency).toBe(false);
  });

  it('reads idioms as idioms, unless a person does it', () => {
    expect(detector.detect('this traffic is killing me').isEmergency).toBe(false);
    expect(detector.detect("I'd kill for an earlier slot").isEmergency).toBe(false);
    expect(detector.detect('he is killing me, please send help').isEmergency).toBe(true);
  });

  it('handles empty, emoji-only, HTML, RTL, control characters and huge input', () => {
    for (const text of ['', '   ', '🚑🚑', '<b>hi</b>', 'مرحبا', '\u0000\u0001chest\u0002', 'a '.repeat(50_000)]) {
      expect(() => detector.detect(text)).not.toThrow();
    }
    expect(detector.detect(`${'word '.repeat(20_000)} I can't breathe`).isEmergency).toBe(true);
    expect(detector.detect(`I can't breathe. ${'I ordered the blue jacket last week. '.repeat(4_000)}`).isEmergency).toBe(true);
  });

  it('has a one-shot helper with the same answers', () => {
    expect(detectEmergency('I took too many pills')).toEqual(detector.detect('I took too many pills'));
  });
});
