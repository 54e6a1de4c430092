import { fitsRequest, searchBounds, type UserClock } from '../../../dialogs/appointments/requestClocks';

const denver = 'America/Denver';
const newYork = 'America/New_York';
const beforeNine = { day: '2026-12-14', window: { from: '00:00', to: '09:00' } } as const;
// 7:30 AM in Denver is 9:30 AM in New York (both on standard time in December).
const sevenThirtyDenver = new Date('2026-12-14T14:30:00Z');

describe('fitsRequest', () => {
  it('reads the day and window on the clinic clock when the user zone is unknown', () => {
    const unknown: UserClock = { zone: newYork, known: false };
    expect(fitsRequest(sevenThirtyDenver, denver, beforeNine, unknown)).toBe(true);
  });

  it('requires the window on both clocks when the user zone is known', () => {
    expect(fitsRequest(sevenThirtyDenver, denver, beforeNine, { zone: newYork, known: true })).toBe(false);
    expect(fitsRequest(sevenThirtyDenver, denver, beforeNine, { zone: denver, known: true })).toBe(true);
  });

  it('judges the day by the clinic clock when the zone is unknown and by the user clock when known', () => {
    // 11:30 PM December 13 in Denver is already December 14 in New York.
    const lateSunday = new Date('2026-12-14T06:30:00Z');
    const day = { day: '2026-12-14' };
    expect(fitsRequest(lateSunday, denver, day, { zone: newYork, known: false })).toBe(false);
    expect(fitsRequest(lateSunday, denver, day, { zone: newYork, known: true })).toBe(true);
  });

  it('keeps a range of days and rejects the day after it', () => {
    const range = { day: '2026-12-14', untilDay: '2026-12-15' };
    const unknown: UserClock = { zone: newYork, known: false };
    expect(fitsRequest(new Date('2026-12-15T20:00:00Z'), denver, range, unknown)).toBe(true);
    expect(fitsRequest(new Date('2026-12-16T20:00:00Z'), denver, range, unknown)).toBe(false);
  });
});

describe('searchBounds', () => {
  it('covers the window as read in every zone given', () => {
    const { from, to } = searchBounds(beforeNine, [newYork, denver]);
    expect(from.toISOString()).toBe('2026-12-14T05:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-14T16:00:00.000Z');
  });

  it('runs to the end of the last day of a range', () => {
    const { from, to } = searchBounds({ day: '2026-12-14', untilDay: '2026-12-16' }, [newYork]);
    expect(from.toISOString()).toBe('2026-12-14T05:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-17T05:00:00.000Z');
  });
});
