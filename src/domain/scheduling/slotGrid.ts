/** Bookings are made of 15-minute units; a unit is held by at most one appointment per provider. */
export const slotUnitMinutes = 15;
const unitMs = slotUnitMinutes * 60_000;

/** True when `instant` falls on a unit boundary (whole quarter hour in UTC, so in every zone we serve). */
export function isOnUnitBoundary(instant: Date): boolean {
  return instant.getTime() % unitMs === 0;
}

/** ISO start of every unit in [start, end). Both ends must lie on unit boundaries. */
export function unitsCovering(start: string, end: string): string[] {
  const from = Date.parse(start);
  const to = Date.parse(end);
  const units: string[] = [];
  for (let t = from; t < to; t += unitMs) units.push(new Date(t).toISOString());
  return units;
}

/** True when [aStart, aEnd) and [bStart, bEnd) share any instant (milliseconds since epoch). */
export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}
