import {
  addDays,
  formatForPeople,
  localParts,
  parseClock,
  toZonedIso,
  zoneOffsetMinutes,
  zonedToUtc,
} from '../../../src/domain/scheduling/zonedTime';

describe('zoned time', () => {
  it('knows the offset of a zone in winter and summer', () => {
    expect(zoneOffsetMinutes(new Date('2025-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(new Date('2025-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(new Date('2025-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(new Date('2025-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('turns wall-clock time into the right instant on both sides of a DST change', () => {
    // US clocks sprang forward on 2025-03-09 at 02:00.
    expect(zonedToUtc({ year: 2025, month: 3, day: 8, hour: 9, minute: 0 }, 'America/New_York').toISOString()).toBe('2025-03-08T14:00:00.000Z');
    expect(zonedToUtc({ year: 2025, month: 3, day: 10, hour: 9, minute: 0 }, 'America/New_York').toISOString()).toBe('2025-03-10T13:00:00.000Z');
    expect(zonedToUtc({ year: 2025, month: 3, day: 9, hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe('2025-03-09T06:30:00.000Z');
    expect(zonedToUtc({ year: 2025, month: 7, day: 1, hour: 8, minute: 15 }, 'America/Los_Angeles').toISOString()).toBe('2025-07-01T15:15:00.000Z');
  });

  it('resolves the autumn overlap to the earlier instant and the spring gap to just after it', () => {
    // 2025-11-02 01:30 happens twice in New York; 2025-03-09 02:30 never happens.
    expect(zonedToUtc({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe('2025-11-02T05:30:00.000Z');
    const gap = zonedToUtc({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/New_York');
    expect(localParts(gap, 'America/New_York')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('round-trips local parts', () => {
    const instant = new Date('2025-12-31T23:45:00Z');
    expect(localParts(instant, 'America/Chicago')).toMatchObject({ year: 2025, month: 12, day: 31, hour: 17, minute: 45, weekday: 3 });
    expect(localParts(instant, 'Asia/Tokyo')).toMatchObject({ year: 2026, month: 1, day: 1, hour: 8, weekday: 4 });
  });

  it('formats ISO with offset and a human label in the zone', () => {
    const instant = new Date('2025-01-14T14:30:00Z');
    expect(toZonedIso(instant, 'America/New_York')).toBe('2025-01-14T09:30:00-05:00');
    expect(toZonedIso(instant, 'Asia/Kolkata')).toBe('2025-01-14T20:00:00+05:30');
    expect(formatForPeople(instant, 'America/New_York')).toMatch(/^Tue, Jan 14, 9:30\sAM EST$/);
  });

  it('does calendar arithmetic and parses clock times', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(parseClock('08:30')).toBe(510);
    expect(() => parseClock('24:00')).toThrow(/HH:MM/);
  });
});
