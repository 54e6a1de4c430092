import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmergencyDetector } from '../../src/nlu/emergency/detectEmergency';
import { loadSafetySet } from './safetySet';

/**
 * The detector against the project's own labelled set (issue 10). Every crisis row must raise the alarm, except the
 * rows listed in known-misses.json: the committed model misses them, so the target (100%) is NOT met yet,
 * and the list may only shrink (a listed row that is now caught must be removed). The look-alikes may raise the
 * alarm at most at the rate measured when the committed model was trained (9/345 = 2.6%), rounded up.
 * When a crisis is missed, fix the corpus (a missing concept or wording family), never the row (intents/safety/README.md).
 */
const FALSE_ALARM_BOUND = 0.03;
const MAX_KNOWN_MISSES = 3;
const knownMisses = JSON.parse(readFileSync(join(__dirname, 'known-misses.json'), 'utf8')) as string[];

describe('the crisis detector on the project safety set (test/safety/safetySet.jsonl)', () => {
  const detector = new EmergencyDetector();
  const rows = loadSafetySet();
  const results = rows.map((row) => ({ row, alarm: detector.detect(row.text).isEmergency }));
  const missed = results.filter((r) => r.row.label === 'crisis' && !r.alarm).map((r) => r.row.text);

  it('raises the alarm on every crisis row but the known misses', () => {
    expect(missed.filter((text) => !knownMisses.includes(text))).toEqual([]);
  });

  it('lists as known misses only crisis rows still missed, never more than today (the list only shrinks)', () => {
    expect(knownMisses.filter((text) => !missed.includes(text))).toEqual([]);
    expect(knownMisses.length).toBeLessThanOrEqual(MAX_KNOWN_MISSES);
  });

  it(`raises it on at most ${100 * FALSE_ALARM_BOUND}% of the look-alikes`, () => {
    const safe = results.filter((r) => r.row.label === 'safe');
    expect(safe.filter((r) => r.alarm).length / safe.length).toBeLessThanOrEqual(FALSE_ALARM_BOUND);
  });
});
