/** Wall-clock fields in some time zone (month 1-12). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and immutable, so one per zone is kept. */
function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    if (offsetFormatters.size < 1000) offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC for an IANA zone at an instant (New York in summer: -240). Throws RangeError on an unknown zone. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const name = offsetFormatter(timeZone)
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0; // "GMT" alone means UTC
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** The instant at which a zone's clocks show `wall`; in a DST gap it lands just after the jump. */
export function wallClockToInstant(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  let guess = asUtc - zoneOffsetMinutes(timeZone, new Date(asUtc)) * 60_000;
  // A second pass settles instants near a DST change, where the first guess used the other offset.
  guess = asUtc - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  return new Date(guess);
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2025-03-11T15:00:00-04:00. */
export function formatIsoInZone(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, instant);
  const local = new Date(instant.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/** YYYY-MM-DD of a wall-clock date. */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the day exists in that month (rejects February 30, April 31). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
