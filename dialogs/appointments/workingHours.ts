import { weekdays, type Provider } from '../../src/domain/scheduling/calendar';
import { localParts, parseClock } from '../../src/domain/scheduling/zonedTime';

/** True when `provider` works for the whole of [start, start + minutes) in their own zone. */
export function worksAt(provider: Provider, start: Date, minutes: number): boolean {
  const local = localParts(start, provider.timeZone);
  const day = weekdays[local.weekday];
  const from = local.hour * 60 + local.minute;
  const windows = day ? (provider.workingHours[day] ?? []) : [];
  return windows.some((w) => parseClock(w.start) <= from && from + minutes <= parseClock(w.end));
}
