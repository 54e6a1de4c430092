import type { AppConfig } from '../config';
import type { BusinessHoursRule } from '../config/schema';

interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly minuteOfDay: number;
}

const weekdayIndex: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const dayMs = 24 * 3600 * 1000;

const isoDate = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A local business date (YYYY-MM-DD in the calendar's zone) and when its opening hours end. */
export interface BusinessDay {
  readonly date: string;
  readonly closesAt: number;
}

export interface BusinessCalendarOptions {
  readonly rules: readonly BusinessHoursRule[];
  /** IANA time zone the rules and holidays are written in. */
  readonly timeZone: string;
  /** Closed local dates, YYYY-MM-DD. */
  readonly holidays: readonly string[];
}

/** Opening hours in one time zone, with holidays. All methods take and return epoch milliseconds. */
export class BusinessCalendar {
  private readonly partsFormat: Intl.DateTimeFormat;
  private readonly holidays: ReadonlySet<string>;

  constructor(private readonly options: BusinessCalendarOptions) {
    this.partsFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: options.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    this.holidays = new Set(options.holidays);
  }

  static fromConfig(config: Pick<AppConfig, 'BUSINESS_HOURS' | 'BUSINESS_TIMEZONE' | 'BUSINESS_HOLIDAYS'>): BusinessCalendar {
    return new BusinessCalendar({ rules: config.BUSINESS_HOURS, timeZone: config.BUSINESS_TIMEZONE, holidays: config.BUSINESS_HOLIDAYS });
  }

  get timeZone(): string {
    return this.options.timeZone;
  }

  isOpen(now: number): boolean {
    // Today's windows answer this; following them past midnight (closesAt) would cost a year of days on 24/7.
    return this.windowsOn(this.parts(now), 0).some((w) => w.start <= now && now < w.end);
  }

  /** `now` when open, else the start of the next opening window; null when none within a year. */
  nextOpening(now: number): number | null {
    if (this.isOpen(now)) return now;
    const today = this.parts(now);
    for (let offset = 0; offset <= 370; offset += 1) {
      for (const window of this.windowsOn(today, offset)) {
        if (window.start > now) return window.start;
      }
    }
    return null;
  }

  /** When the window open at `now` closes, or null when closed. */
  closesAt(now: number): number | null {
    return this.windowAt(now)?.end ?? null;
  }

  /** `minutes` of open time after `now` (skipping closed hours); null when the calendar never opens. */
  addBusinessMinutes(now: number, minutes: number): number | null {
    let remaining = Math.max(0, minutes) * 60_000;
    let at = this.nextOpening(now);
    for (let guard = 0; at !== null && guard < 2000; guard += 1) {
      const end = this.closesAt(at);
      if (end === null) return null;
      if (at + remaining <= end) return at + remaining;
      remaining -= end - at;
      at = this.nextOpening(end);
    }
    return null;
  }

  /**
   * The `days`-th business day after today's local date (a business day has an opening window and is no
   * holiday), with the instant its last window closes; null when there is none within a year.
   */
  businessDaysAfter(now: number, days: number): BusinessDay | null {
    const today = this.parts(now);
    let counted = 0;
    for (let offset = 1; offset <= 370; offset += 1) {
      const windows = this.windowsOn(today, offset);
      const last = windows[windows.length - 1];
      if (!last) continue;
      counted += 1;
      if (counted >= Math.max(1, days)) {
        const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
        return { date: isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()), closesAt: Math.max(...windows.map((w) => w.end)) };
      }
    }
    return null;
  }

  /** "3:15 PM ET today", "tomorrow 9:00 AM ET", "Tuesday 9:00 AM ET", or with a date beyond a week. */
  describe(instant: number, now: number): string {
    const time = new Intl.DateTimeFormat('en-US', {
      timeZone: this.options.timeZone,
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'shortGeneric',
    }).format(instant);
    const a = this.parts(now);
    const b = this.parts(instant);
    const days = Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / dayMs);
    if (days <= 0) return `${time} today`;
    if (days === 1) return `tomorrow ${time}`;
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: this.options.timeZone, weekday: 'long' }).format(instant);
    if (days < 7) return `${weekday} ${time}`;
    const date = new Intl.DateTimeFormat('en-US', { timeZone: this.options.timeZone, month: 'long', day: 'numeric' }).format(instant);
    return `${weekday}, ${date}, ${time}`;
  }

  private windowAt(now: number): { start: number; end: number } | null {
    const today = this.parts(now);
    // A window that ends at 24:00 yesterday never contains now, so today's windows are enough.
    for (const window of this.windowsOn(today, 0)) {
      if (window.start <= now && now < window.end) {
        return { start: window.start, end: this.extendThroughMidnight(window.end) };
      }
    }
    return null;
  }

  /** Joins a window ending at midnight to one starting then, so "open until" spans 24/7 days. */
  private extendThroughMidnight(end: number): number {
    let current = end;
    for (let guard = 0; guard < 400; guard += 1) {
      const next = this.windowsOn(this.parts(current), 0).find((w) => w.start === current);
      if (!next) return current;
      current = next.end;
    }
    return current;
  }

  /** The opening windows on the local date `offset` days after `from`, earliest first, holidays excluded. */
  private windowsOn(from: ZonedParts, offset: number): { start: number; end: number }[] {
    const date = new Date(Date.UTC(from.year, from.month - 1, from.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (this.holidays.has(isoDate(year, month, day))) return [];
    return this.options.rules
      .filter((rule) => rule.days.includes(date.getUTCDay()))
      .map((rule) => ({
        start: this.instantOf(year, month, day, rule.startMinute),
        end: this.instantOf(year, month, day, rule.endMinute),
      }))
      .sort((x, y) => x.start - y.start);
  }

  private parts(ms: number): ZonedParts {
    const parts = this.partsFormat.formatToParts(ms);
    const value = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return {
      year: Number(value('year')),
      month: Number(value('month')),
      day: Number(value('day')),
      weekday: weekdayIndex[value('weekday')] ?? 0,
      minuteOfDay: Number(value('hour')) * 60 + Number(value('minute')),
    };
  }

  /** The instant at local wall-clock time `minuteOfDay` on a date, resolving the zone's UTC offset. */
  private instantOf(year: number, month: number, day: number, minuteOfDay: number): number {
    const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
    const offsetAt = (ms: number) => {
      const p = this.parts(ms);
      return Date.UTC(p.year, p.month - 1, p.day, 0, p.minuteOfDay) - Math.floor(ms / 60_000) * 60_000;
    };
    // Two passes settle the offset, including on the days the clocks change.
    const first = wall - offsetAt(wall);
    return wall - offsetAt(first);
  }
}
