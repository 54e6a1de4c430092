import { zoneOffsetMinutes } from '../../src/domain/scheduling/zonedTime';

const clock = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(instant);

/** "Pacific Time" */
export function zoneName(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** True when the user's clock and the clinic's show different times at `instant`. */
export function zonesDiffer(instant: Date, userZone: string, clinicZone: string): boolean {
  return zoneOffsetMinutes(instant, userZone) !== zoneOffsetMinutes(instant, clinicZone);
}

/** " (5:30 AM your time)" after a clinic time, or nothing when both clocks agree. */
export function yourTimeNote(instant: Date, userZone: string, clinicZone: string): string {
  return zonesDiffer(instant, userZone, clinicZone) ? ` (${clock(instant, userZone)} your time)` : '';
}

/**
 * "5:30 AM your time (Pacific Time) is 8:30 AM at Riverside Health Center (Eastern Time)." when a
 * time typed in the user's zone lands at another clock time at the clinic; empty otherwise.
 */
export function conversionSentence(instant: Date, userZone: string, clinicZone: string, clinicName: string): string {
  if (!zonesDiffer(instant, userZone, clinicZone)) return '';
  return `${clock(instant, userZone)} your time (${zoneName(userZone, instant)}) is ${clock(instant, clinicZone)} at ${clinicName} (${zoneName(clinicZone, instant)}).`;
}
