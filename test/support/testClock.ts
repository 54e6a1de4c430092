import type { Clock } from '../../src/clock';

/**
 * The instant date-touching tests stand at unless they say otherwise: Wednesday, December 2, 2026,
 * 10:00 AM in New York (15:00 UTC). Fixed, so "monday", "in two weeks" and the seeded busy calendar
 * mean the same on every run.
 */
export const testNow = new Date('2026-12-02T15:00:00Z');

/** A clock that stands still at `at` (settable), for bots, dialogs and domain services. */
export class TestClock {
  private ms: number;

  constructor(at: Date = testNow) {
    this.ms = at.getTime();
  }

  readonly now = (): Date => new Date(this.ms);

  set(at: Date): void {
    this.ms = at.getTime();
  }
}

/**
 * A clock that starts at `at` and then moves at the wall clock's speed: a fixed calendar for a whole
 * app whose leases and queue timers must still advance.
 */
export function clockStartingAt(at: Date): Clock {
  const offset = at.getTime() - Date.now();
  return () => Date.now() + offset;
}
