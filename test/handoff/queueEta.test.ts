import { describeQueuePlace, describeWait, estimateWait, shouldNotify } from '../../src/handoff/queueEta';

const min = 60_000;

describe('estimateWait', () => {
  it.each([
    { name: 'no history: the default handle time, one round per agent', position: 3, agents: 1, history: [], eta: 900, avg: 300 },
    { name: 'several agents share the queue ahead', position: 3, agents: 2, history: [], eta: 600, avg: 300 },
    { name: 'no agent online still counts one round per place', position: 2, agents: 0, history: [], eta: 600, avg: 300 },
    { name: 'position 1 waits one handle time', position: 1, agents: 4, history: [], eta: 300, avg: 300 },
    { name: 'one short chat barely moves the average', position: 1, agents: 1, history: [1 * min], eta: 240, avg: 240 },
    {
      name: 'a real history dominates the default',
      position: 4,
      agents: 2,
      history: Array(27).fill(10 * min),
      eta: 2 * Math.round((27 * 600 + 3 * 300) / 30),
      avg: 570,
    },
    { name: 'bad samples are ignored', position: 1, agents: 1, history: [Number.NaN, -5], eta: 300, avg: 300 },
  ])('$name', ({ position, agents, history, eta, avg }) => {
    const estimate = estimateWait({ position, agentsOnline: agents, handleTimesMs: history, defaultHandleSeconds: 300 });
    expect(estimate.etaSeconds).toBe(eta);
    expect(estimate.avgHandleSeconds).toBe(avg);
  });
});

describe('describeWait and describeQueuePlace', () => {
  it.each([
    [0, 'less than a minute'],
    [59, 'less than a minute'],
    [60, 'about 1 minute'],
    [150, 'about 3 minutes'],
    [25 * 60, 'about 25 minutes'],
    [95 * 60, 'about 1.5 hours'],
    [125 * 60, 'about 2 hours'],
  ])('%i seconds reads "%s"', (seconds, text) => {
    expect(describeWait(seconds)).toBe(text);
  });

  it('says who is next and who is further back', () => {
    expect(describeQueuePlace({ position: 1, etaSeconds: 240 })).toBe("You're next in line. The estimated wait is about 4 minutes.");
    expect(describeQueuePlace({ position: 5, etaSeconds: 1500 })).toBe("You're number 5 in line. The estimated wait is about 25 minutes.");
  });
});

describe('shouldNotify', () => {
  const t0 = Date.parse('2025-03-03T15:00:00Z');
  const said = (position: number, etaSeconds: number) => ({ position, etaSeconds, at: new Date(t0).toISOString() });
  const later = (seconds: number) => t0 + seconds * 1000;
  const options = { minIntervalSeconds: 60 };

  it.each([
    { name: 'the first announcement is always made', previous: null, current: [4, 1200], at: later(0), expected: true },
    { name: 'a big change inside the quiet interval waits', previous: said(8, 2400), current: [2, 600], at: later(59), expected: false },
    { name: 'moving up two places is material', previous: said(5, 1500), current: [3, 1500], at: later(61), expected: true },
    { name: 'moving up one place with the same wait is not', previous: said(5, 1500), current: [4, 1470], at: later(61), expected: false },
    { name: 'becoming next in line is material', previous: said(2, 600), current: [1, 570], at: later(61), expected: true },
    { name: 'a wait two minutes longer is material', previous: said(3, 900), current: [3, 1020], at: later(61), expected: true },
    { name: 'a wait one minute shorter out of 15 is not', previous: said(3, 900), current: [3, 840], at: later(61), expected: false },
    { name: 'a wait from 4 to 3 minutes is 25%', previous: said(2, 240), current: [2, 180], at: later(61), expected: true },
    { name: 'seconds that do not change the shown minutes are not', previous: said(2, 240), current: [2, 250], at: later(600), expected: false },
    { name: 'from "less than a minute" to a minute is material', previous: said(1, 20), current: [1, 70], at: later(61), expected: true },
  ])('$name', ({ previous, current, at, expected }) => {
    expect(shouldNotify(previous, { position: current[0]!, etaSeconds: current[1]! }, at, options)).toBe(expected);
  });
});
