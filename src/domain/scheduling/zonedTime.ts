import { isTimeZone } from '../../time/isTimeZone';

/**
 * Time-zone arithmetic on top of Intl only. Instants are stored as UTC; "local" means wall-clock time in
 * an IANA zone. Offsets come from the zone database Node ships, so daylight-saving changes are handled.
 */

export interface LocalDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
}

export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
}

export interface LocalParts extends LocalDateTime {
  readonly second: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return isTimeZone(timeZone);
}

/** Wall-clock fields of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 0;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  return {
    year,
    month,
    day,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** Minutes to add to UTC to get wall-clock time in `timeZone` at `instant` (New York in winter: -300). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant at which clocks in `timeZone` show `local`. In the spring-forward gap (a wall time
 * that does not exist) the result lands just after the gap; in the autumn overlap the earlier instant wins.
 */
export function zonedToUtc(local: LocalDateTime, timeZone: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const firstOffset = zoneOffsetMinutes(new Date(guess), timeZone);
  let candidate = guess - firstOffset * 60_000;
  const secondOffset = zoneOffsetMinutes(new Date(candidate), timeZone);
  if (secondOffset !== firstOffset) {
    const alternative = guess - secondOffset * 60_000;
    const check = localParts(new Date(alternative), timeZone);
    if (check.hour === local.hour && check.minute === local.minute) candidate = Math.min(candidate, alternative);
  }
  return new Date(candidate);
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** "+05:30" / "-04:00" */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
}

/** ISO-8601 with the zone's offset, e.g. "2025-01-14T09:30:00-05:00" (what FHIR `instant` expects). */
export function toZonedIso(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const offset = zoneOffsetMinutes(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${formatOffset(offset)}`;
}

/** "Tue, Jan 14, 9:30 AM EST": for showing a time to a person in that zone. */
export function formatForPeople(instant: Date, timeZone: string, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}

/** "2025-01-14" */
export function formatLocalDate(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Calendar arithmetic on a local date (no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}

/** Weekday (0 = Sunday) of a local date. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** "09:30" → 570 minutes after midnight. */
export function parseClock(clock: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (!match) throw new Error(`Invalid clock time "${clock}" (expected HH:MM, 24-hour)`);
  return Number(match[1]) * 60 + Number(match[2]);
}
