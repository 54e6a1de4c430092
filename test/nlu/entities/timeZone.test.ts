import { formatIsoInZone, isRealDate, wallClockToInstant, zoneOffsetMinutes } from '../../../src/nlu/entities/timeZone';

describe('time zone helpers', () => {
  it('knows the offset on either side of a DST change', () => {
    expect(zoneOffsetMinutes('America/New_York', new Date('2025-03-08T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', new Date('2025-03-10T12:00:00Z'))).toBe(-240);
    expect(zoneOffsetMinutes('Asia/Kolkata', new Date('2025-03-10T12:00:00Z'))).toBe(330);
    expect(zoneOffsetMinutes('UTC', new Date())).toBe(0);
  });

  it('turns a wall clock into the right instant and back', () => {
    const instant = wallClockToInstant({ year: 2025, month: 3, day: 11, hour: 15, minute: 0, second: 0 }, 'America/New_York');
    expect(instant.toISOString()).toBe('2025-03-11T19:00:00.000Z');
    expect(formatIsoInZone(instant, 'America/New_York')).toBe('2025-03-11T15:00:00-04:00');
    expect(formatIsoInZone(instant, 'Asia/Kolkata')).toBe('2025-03-12T00:30:00+05:30');
  });

  it('rejects days that do not exist', () => {
    expect(isRealDate(2025, 2, 29)).toBe(false);
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2025, 4, 31)).toBe(false);
    expect(isRealDate(2025, 13, 1)).toBe(false);
  });
});
