import { loadConfig } from '../../src/config';
import { callbackPromise, routeHandoff } from '../../src/handoff/availability';
import { BusinessCalendar } from '../../src/handoff/businessCalendar';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const weekdays = BusinessCalendar.fromConfig(
  loadConfig({ BUSINESS_HOURS: 'mon-fri 08:00-18:00', BUSINESS_TIMEZONE: 'America/New_York', BUSINESS_HOLIDAYS: '2025-03-17' }),
);

describe('BusinessCalendar (mon-fri 08:00-18:00 New York, St Patrick holiday)', () => {
  it.each([
    { name: 'Monday 10:00 EST is open', now: '2025-03-03T15:00:00Z', open: true, next: '2025-03-03T15:00:00.000Z' },
    { name: 'opening minute is open', now: '2025-03-03T13:00:00Z', open: true, next: '2025-03-03T13:00:00.000Z' },
    { name: 'closing minute is closed; next is Tuesday 08:00', now: '2025-03-03T23:00:00Z', open: false, next: '2025-03-04T13:00:00.000Z' },
    { name: 'early morning waits for 08:00 the same day', now: '2025-03-04T10:00:00Z', open: false, next: '2025-03-04T13:00:00.000Z' },
    { name: 'Friday evening opens Monday, after the clocks go forward (EDT)', now: '2025-03-07T23:30:00Z', open: false, next: '2025-03-10T12:00:00.000Z' },
    { name: 'Saturday is closed', now: '2025-03-08T16:00:00Z', open: false, next: '2025-03-10T12:00:00.000Z' },
    { name: 'a holiday Monday is closed all day', now: '2025-03-17T14:00:00Z', open: false, next: '2025-03-18T12:00:00.000Z' },
    { name: 'the Friday before a holiday opens Tuesday', now: '2025-03-14T22:00:00Z', open: false, next: '2025-03-18T12:00:00.000Z' },
  ])('$name', ({ now, open, next }) => {
    expect(weekdays.isOpen(at(now))).toBe(open);
    expect(iso(weekdays.nextOpening(at(now)))).toBe(next);
  });

  it('adds business minutes across the night and the weekend', () => {
    expect(iso(weekdays.addBusinessMinutes(at('2025-03-03T15:00:00Z'), 60))).toBe('2025-03-03T16:00:00.000Z');
    expect(iso(weekdays.addBusinessMinutes(at('2025-03-03T22:30:00Z'), 60))).toBe('2025-03-04T13:30:00.000Z');
    expect(iso(weekdays.addBusinessMinutes(at('2025-03-07T22:45:00Z'), 30))).toBe('2025-03-10T12:15:00.000Z');
  });

  it.each([
    { name: 'from a Wednesday, 2 business days is Friday', now: '2025-03-05T15:00:00Z', days: 2, date: '2025-03-07', closes: '2025-03-07T23:00:00.000Z' },
    { name: 'from a Friday evening, 2 business days skip the weekend', now: '2025-03-07T23:30:00Z', days: 2, date: '2025-03-11', closes: '2025-03-11T22:00:00.000Z' },
    { name: 'from a Saturday, the first business day is Monday', now: '2025-03-08T16:00:00Z', days: 1, date: '2025-03-10', closes: '2025-03-10T22:00:00.000Z' },
    { name: 'the holiday Monday does not count', now: '2025-03-14T15:00:00Z', days: 1, date: '2025-03-18', closes: '2025-03-18T22:00:00.000Z' },
    { name: 'today never counts, even early on a business day', now: '2025-03-04T10:00:00Z', days: 1, date: '2025-03-05', closes: '2025-03-05T23:00:00.000Z' },
  ])('business days: $name', ({ now, days, date, closes }) => {
    expect(weekdays.businessDaysAfter(at(now), days)).toEqual({ date, closesAt: at(closes) });
  });

  it('describes times the way a customer reads them', () => {
    const monday = at('2025-03-03T15:00:00Z');
    expect(weekdays.describe(at('2025-03-03T20:15:00Z'), monday)).toBe('3:15 PM ET today');
    expect(weekdays.describe(at('2025-03-04T14:00:00Z'), monday)).toBe('tomorrow 9:00 AM ET');
    expect(weekdays.describe(at('2025-03-10T13:00:00Z'), at('2025-03-07T23:30:00Z'))).toBe('Monday 9:00 AM ET');
    expect(weekdays.describe(at('2025-03-18T13:00:00Z'), monday)).toBe('Tuesday, March 18, 9:00 AM ET');
  });
});

describe('other calendars', () => {
  it('24/7 counts every day as a business day, closing at midnight', () => {
    const always = BusinessCalendar.fromConfig(loadConfig({}));
    expect(always.businessDaysAfter(at('2026-12-05T15:00:00Z'), 2)).toEqual({ date: '2026-12-07', closesAt: at('2026-12-08T05:00:00Z') });
  });

  it('24/7 is always open and adds minutes straight through midnight', () => {
    const always = BusinessCalendar.fromConfig(loadConfig({}));
    const lateNight = at('2025-03-04T04:30:00Z');
    expect(always.isOpen(lateNight)).toBe(true);
    expect(iso(always.addBusinessMinutes(lateNight, 60))).toBe('2025-03-04T05:30:00.000Z');
    expect(iso(always.addBusinessMinutes(lateNight, 3 * 24 * 60))).toBe('2025-03-07T04:30:00.000Z');
  });

  it('skips a lunch break', () => {
    const split = BusinessCalendar.fromConfig(
      loadConfig({ BUSINESS_HOURS: 'mon-fri 08:00-12:00; mon-fri 13:00-17:00', BUSINESS_TIMEZONE: 'America/Chicago' }),
    );
    const lunch = at('2025-03-03T18:30:00Z'); // 12:30 CST
    expect(split.isOpen(lunch)).toBe(false);
    expect(iso(split.nextOpening(lunch))).toBe('2025-03-03T19:00:00.000Z');
    expect(iso(split.addBusinessMinutes(at('2025-03-03T17:30:00Z'), 60))).toBe('2025-03-03T19:30:00.000Z');
  });

  it('works in its own time zone', () => {
    const berlin = BusinessCalendar.fromConfig(loadConfig({ BUSINESS_HOURS: 'mon-sat 09:00-17:00', BUSINESS_TIMEZONE: 'Europe/Berlin' }));
    expect(berlin.isOpen(at('2025-03-08T08:30:00Z'))).toBe(true); // Saturday 09:30 CET
    expect(berlin.isOpen(at('2025-03-09T10:00:00Z'))).toBe(false); // Sunday
    expect(iso(berlin.nextOpening(at('2025-03-09T10:00:00Z')))).toBe('2025-03-10T08:00:00.000Z');
  });

  it('never opens without windows, and says so honestly', () => {
    const never = new BusinessCalendar({ rules: [], timeZone: 'UTC', holidays: [] });
    expect(never.nextOpening(at('2025-03-03T12:00:00Z'))).toBeNull();
    expect(callbackPromise(never, at('2025-03-03T12:00:00Z'), { callbackSlaMinutes: 60 })).toEqual({
      by: null,
      text: "We'll contact you as soon as our team is back.",
    });
  });
});

describe('routeHandoff', () => {
  const sla = { callbackSlaMinutes: 60 };
  it.each([
    { name: 'open with agents online queues', now: '2025-03-03T15:00:00Z', agents: 2, timeout: false, route: 'queue' },
    {
      name: 'after hours becomes a callback by the next opening plus the SLA',
      now: '2025-03-03T23:30:00Z',
      agents: 2,
      timeout: false,
      route: 'callback',
      reason: 'after_hours',
      message: "Our team is offline right now. We'll contact you by tomorrow 9:00 AM ET.",
    },
    {
      name: 'nobody online during hours becomes a callback today',
      now: '2025-03-03T15:05:00Z',
      agents: 0,
      timeout: false,
      route: 'callback',
      reason: 'no_agent',
      message: "Nobody from our team is free to chat right now. We'll contact you by 11:15 AM ET today.",
    },
    {
      name: 'a wait past the timeout becomes a callback',
      now: '2025-03-03T15:00:00Z',
      agents: 3,
      timeout: true,
      route: 'callback',
      reason: 'timeout',
      message: "I'm sorry for the long wait; nobody has been free to take your conversation. We'll contact you by 11:00 AM ET today.",
    },
    {
      name: 'after hours wins over every other reason',
      now: '2025-03-08T16:00:00Z',
      agents: 0,
      timeout: true,
      route: 'callback',
      reason: 'after_hours',
      message: "Our team is offline right now. We'll contact you by Monday 9:00 AM ET.",
    },
  ])('$name', ({ now, agents, timeout, route, reason, message }) => {
    const decision = routeHandoff({ now: at(now), agentsOnline: agents, queueTimeoutExceeded: timeout }, weekdays, sla);
    expect(decision.route).toBe(route);
    if (decision.route === 'callback') {
      expect(decision.reason).toBe(reason);
      expect(decision.customerMessage).toBe(message);
      expect(decision.whenText).toBe(message?.slice(message.indexOf("We'll")));
    }
  });
});

describe('BUSINESS_* config', () => {
  it('names the key in every problem', () => {
    expect(() => loadConfig({ BUSINESS_HOURS: 'mon-fri 18:00-08:00' })).toThrow(/BUSINESS_HOURS.*overnight/);
    expect(() => loadConfig({ BUSINESS_HOURS: 'weekdays 9-5' })).toThrow(/BUSINESS_HOURS part "weekdays 9-5"/);
    expect(() => loadConfig({ BUSINESS_HOLIDAYS: '2025-12-25,12/26/2025' })).toThrow(/BUSINESS_HOLIDAYS entry "12\/26\/2025"/);
    expect(() => loadConfig({ BUSINESS_TIMEZONE: 'Mars/Olympus' })).toThrow(/BUSINESS_TIMEZONE/);
  });
});
