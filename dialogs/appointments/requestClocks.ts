import { addDays, formatLocalDate, localParts, zonedToUtc, type LocalDate } from '../../src/domain/scheduling/zonedTime';
import type { RequestedDay } from './dateAnswer';
import { inWindow } from './requestedWindow';

/**
 * The user's clock. `known` is false when neither the channel nor the user told us their zone: `zone`
 * is then only the configured default, and a requested day or time is read on the clinic's clock.
 */
export interface UserClock {
  readonly zone: string;
  readonly known: boolean;
}

/** The zone whose calendar day a slot is judged by: the user's when known, else the clinic's. */
export function dayZone(user: UserClock, clinicZone: string): string {
  return user.known ? user.zone : clinicZone;
}

/** The clocks a requested window must hold on: the user's (when known) and the clinic's. */
export function clocksFor(user: UserClock, clinicZone: string): string[] {
  return user.known ? [user.zone, clinicZone] : [clinicZone];
}

/** True when a slot starting at `instant` in a clinic of `clinicZone` lies on the requested day(s) and inside the window. */
export function fitsRequest(instant: Date, clinicZone: string, requested: RequestedDay, user: UserClock): boolean {
  const day = formatLocalDate(localParts(instant, dayZone(user, clinicZone)));
  if (day < requested.day || day > (requested.untilDay ?? requested.day)) return false;
  return !requested.window || inWindow(instant, requested.window, clocksFor(user, clinicZone));
}

const clockOf = (clock: string): { hour: number; minute: number } => ({ hour: Number(clock.slice(0, 2)), minute: Number(clock.slice(3, 5)) });

export function parseDay(day: string): LocalDate {
  const [year, month, date] = day.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: date ?? 1 };
}

/**
 * UTC bounds wide enough for the requested days (and window) as read in any of `zones`; `fitsRequest`
 * then keeps the slots that fit on their own clocks. "24:00" ends the day (zonedToUtc rolls it over).
 */
export function searchBounds(requested: RequestedDay, zones: readonly string[]): { from: Date; to: Date } {
  const first = parseDay(requested.day);
  const last = parseDay(requested.untilDay ?? requested.day);
  const window = requested.window;
  let from = Infinity;
  let to = -Infinity;
  for (const zone of zones) {
    const start = zonedToUtc({ ...first, ...clockOf(window?.from ?? '00:00') }, zone).getTime();
    const end = window && !requested.untilDay
      ? zonedToUtc({ ...first, ...clockOf(window.to) }, zone).getTime()
      : zonedToUtc({ ...addDays(last, 1), hour: 0, minute: 0 }, zone).getTime();
    from = Math.min(from, start);
    to = Math.max(to, end);
  }
  return { from: new Date(from), to: new Date(to) };
}
