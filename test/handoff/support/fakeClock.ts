/** A settable clock for stores and services that take `clock: () => number`. */
export class FakeClock {
  constructor(public ms: number = Date.parse('2025-03-03T15:00:00Z')) {}

  readonly now = (): number => this.ms;

  advance(ms: number): number {
    this.ms += ms;
    return this.ms;
  }
}
