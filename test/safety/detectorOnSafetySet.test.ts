import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectEmergency } from '../../src/nlu/emergency/detectEmergency';
import { loadSafetySet } from './safetySet';

/**
 * The detector over the project's safety set. Every crisis row must raise the alarm, except the rows listed in
 * known-misses.json (each with its reason); that list only shrinks: a listed row that is now caught fails the test
 * until it is removed. False alarms on the look-alikes stay under FALSE_ALARM_CEILING.
 */
const FALSE_ALARM_CEILING = 0.075;

const rows = loadSafetySet();
const knownMisses = JSON.parse(readFileSync(join(__dirname, 'known-misses.json'), 'utf8')) as Record<string, string>;
const results = rows.map((row) => ({ row, alarm: detectEmergency(row.text).isEmergency }));

describe('the crisis detector on the safety set', () => {
  it('raises the alarm on every crisis row that known-misses.json does not list', () => {
    const missed = results.filter((r) => r.row.label === 'crisis' && !r.alarm && !(r.row.text in knownMisses)).map((r) => r.row.text);
    expect(missed).toEqual([]);
  });

  it('lists in known-misses.json only crisis rows of the set that are still missed (the list only shrinks)', () => {
    const stillMissed = new Set(results.filter((r) => r.row.label === 'crisis' && !r.alarm).map((r) => r.row.text));
    expect(Object.keys(knownMisses).filter((text) => !stillMissed.has(text))).toEqual([]);
  });

  it(`raises at most ${100 * FALSE_ALARM_CEILING}% false alarms on the look-alikes`, () => {
    const safe = results.filter((r) => r.row.label === 'safe');
    const alarms = safe.filter((r) => r.alarm).length;
    expect(alarms / safe.length).toBeLessThanOrEqual(FALSE_ALARM_CEILING);
  });
});
