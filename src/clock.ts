/**
 * Reads the time in epoch milliseconds, like `Date.now`. Injected wherever time matters (leases, TTLs, queue
 * waits), so tests choose the instant instead of depending on the wall clock.
 */
export type Clock = () => number;

/** The same clock read as a `Date`, for the calendar side: dialogs, scheduling and intake. */
export type DateClock = () => Date;

/** The `DateClock` of `clock`, so every layer of one app reads one time. */
export function dateClockOf(clock: Clock): DateClock {
  return () => new Date(clock());
}
