import { EmergencyDetector } from '../../src/nlu/emergency/detectEmergency';
import { loadSafetySet } from './safetySet';

/**
 * The detector against the project's own labelled set (issue 10): every crisis row must raise the alarm, and
 * the look-alikes may raise it at most at the rate measured for the committed model and rules (9/345 = 2.6%),
 * rounded up. When a crisis is missed, fix the corpus or a rule (a missing concept or wording family), never
 * the row (intents/safety/README.md).
 */
const FALSE_ALARM_BOUND = 0.03;

describe('the crisis detector on the project safety set (test/safety/safetySet.jsonl)', () => {
  const detector = new EmergencyDetector();
  const rows = loadSafetySet();
  const results = rows.map((row) => ({ row, alarm: detector.detect(row.text).isEmergency }));

  it('raises the alarm on every crisis row', () => {
    expect(results.filter((r) => r.row.label === 'crisis' && !r.alarm).map((r) => r.row.text)).toEqual([]);
  });

  it(`raises it on at most ${100 * FALSE_ALARM_BOUND}% of the look-alikes`, () => {
    const safe = results.filter((r) => r.row.label === 'safe');
    expect(safe.filter((r) => r.alarm).length / safe.length).toBeLessThanOrEqual(FALSE_ALARM_BOUND);
  });
});
