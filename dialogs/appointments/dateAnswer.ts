import { EntityType, type Entity } from '../../src/nlu/types';

/** A day (and maybe a time and an end day) the user asked for, as wall-clock values in their zone. */
export interface RequestedDay {
  /** YYYY-MM-DD */
  readonly day: string;
  /** HH:MM, 24-hour */
  readonly time?: string;
  /** Last day of a range ("next week"), YYYY-MM-DD. */
  readonly untilDay?: string;
  /** Part of the day or bound asked for ("afternoon", "after 3"), HH:MM 24-hour; `to` is exclusive. */
  readonly window?: { readonly from: string; readonly to: string };
}

export type DateAnswer =
  /** `timeOnly`: the message named a clock time or a part of the day but no day ("10:30", "afternoon"); the day is today. */
  | { readonly kind: 'date'; readonly requested: RequestedDay; readonly timeOnly?: boolean }
  /** A calendar date that does not exist ("February 30"). */
  | { readonly kind: 'impossible'; readonly monthName: string; readonly day: number }
  | { readonly kind: 'none' };

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
const monthPattern = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const monthThenDay = new RegExp(`\\b${monthPattern}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i');
const dayThenMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthPattern}\\b`, 'i');
// Longest a month can be in any year; February 29 exists in leap years.
const maxDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function monthIndex(word: string): number {
  return months.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3)));
}

/** "February 30", "31st of April": a day the month never has. NLU drops these, so we explain why. */
function impossibleDate(text: string): { monthName: string; day: number } | undefined {
  const a = monthThenDay.exec(text);
  const b = dayThenMonth.exec(text);
  const candidates = [a ? { month: a[1] ?? '', day: Number(a[2]) } : undefined, b ? { month: b[2] ?? '', day: Number(b[1]) } : undefined];
  for (const c of candidates) {
    if (!c) continue;
    const index = monthIndex(c.month);
    const limit = maxDays[index];
    if (index >= 0 && limit !== undefined && (c.day > limit || c.day < 1)) {
      const name = months[index] ?? c.month;
      return { monthName: name.charAt(0).toUpperCase() + name.slice(1), day: c.day };
    }
  }
  return undefined;
}

const isoDay = (value: string): string => value.slice(0, 10);
const isoTime = (value: string): string | undefined => (/T\d{2}:\d{2}/.test(value) ? value.slice(11, 16) : undefined);

/** A same-day range with clock times is a window on that day; "23:59" (end of day) ends it at midnight. */
function windowOf(range: { readonly start: string; readonly end: string }): RequestedDay['window'] | undefined {
  const from = isoTime(range.start);
  const to = isoTime(range.end);
  if (!from || !to || isoDay(range.start) !== isoDay(range.end)) return undefined;
  return { from, to: to === '23:59' ? '24:00' : to };
}

/**
 * Reads the first date, time or range NLU found in a message (values are already resolved in the
 * user's zone). Dates of birth are not appointment dates.
 */
export function readDateAnswer(text: string, entities: readonly Entity[]): DateAnswer {
  const impossible = impossibleDate(text);
  if (impossible) return { kind: 'impossible', ...impossible };
  for (const entity of entities) {
    const { value } = entity;
    switch (entity.type) {
      case EntityType.date:
        if (typeof value === 'string') return { kind: 'date', requested: { day: isoDay(value) } };
        break;
      case EntityType.dateTime:
      case EntityType.time:
        if (typeof value === 'object') {
          const window = windowOf(value);
          if (window) return { kind: 'date', requested: { day: isoDay(value.start), window }, timeOnly: true };
        }
        if (typeof value === 'string') {
          const time = isoTime(value);
          const timeOnly = entity.type === EntityType.time ? { timeOnly: true } : {};
          return { kind: 'date', requested: { day: isoDay(value), ...(time ? { time } : {}) }, ...timeOnly };
        }
        break;
      case EntityType.dateRange:
        if (typeof value === 'object') {
          const window = windowOf(value);
          if (window) return { kind: 'date', requested: { day: isoDay(value.start), window } };
          const time = isoTime(value.start);
          const untilDay = isoDay(value.end);
          return {
            kind: 'date',
            requested: { day: isoDay(value.start), ...(time ? { time } : {}), ...(untilDay > isoDay(value.start) ? { untilDay } : {}) },
          };
        }
        break;
      default:
        break;
    }
  }
  return { kind: 'none' };
}

/** A new answer on top of the day asked before: a clock time or part of the day alone keeps that day. */
export function narrowRequest(previous: RequestedDay | undefined, answer: Extract<DateAnswer, { kind: 'date' }>): RequestedDay {
  if (!answer.timeOnly || !previous) return answer.requested;
  const { time, window } = answer.requested;
  return { day: previous.day, ...(time ? { time } : {}), ...(window ? { window } : {}) };
}
