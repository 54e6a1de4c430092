import type { BusinessCalendar } from '../../src/handoff/businessCalendar';

/** When the care team answers, as an instant for the ticket and as words for the patient. */
export interface ReplyPromise {
  readonly replyBy: Date;
  /** "by Tuesday, Dec 8". */
  readonly phrase: string;
}

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'short', day: 'numeric' });

/** The end of the `businessDays`-th business day after today, in the business calendar. */
export function replyPromise(calendar: BusinessCalendar, now: Date, businessDays: number): ReplyPromise {
  const day = calendar.businessDaysAfter(now.getTime(), businessDays);
  if (!day) {
    // A calendar with no opening in the next year: promise calendar days rather than nothing.
    return { replyBy: new Date(now.getTime() + businessDays * 24 * 3600 * 1000), phrase: `within ${businessDays} days` };
  }
  const [year, month, date] = day.date.split('-').map(Number);
  return { replyBy: new Date(day.closesAt), phrase: `by ${dayFormat.format(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1))}` };
}
