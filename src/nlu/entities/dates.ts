import * as chrono from 'chrono-node';
import { EntityType } from '../types';
import { type Candidate, Priority, textBefore } from './candidate';
import { segments } from './segments';
import { formatIsoDate, formatIsoInZone, isRealDate, wallClockToInstant, zoneOffsetMinutes } from './timeZone';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DOB_CONTEXT = /\b(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday)\b[^.!?\n]{0,20}$/;
const LEADING_FILLER = /^(?:on|at|by|from|since|the)\s+/i;
// Durations ("for 2 weeks") and bare lower-case weekday/month words ("sun", "march on") are not dates.
const DURATION = /^for\s/i;
const AMBIGUOUS_WORD = /^(?:sun|mon|tue|wed|thu|fri|sat|march|may|august|second|now)$/;
// Pieces without a digit or a date word cannot hold a date; skipping them keeps chrono off most text.
const DATE_HINT = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tonight|yesterday|now|noon|midnight|week|month|year|morning|afternoon|evening|night|next|last|ago|weekend|hour|minute|day)/i;
/** At most this many date entities per message: chrono slows down sharply on date-dense text. */
const MAX_DATES = 12;

/** Where relative dates are resolved: the user's IANA zone and a reference instant. */
export interface DateContext {
  readonly timezone: string;
  readonly now: Date;
}

/**
 * Dates, times, date-times, ranges and dates of birth via chrono, resolved in the user's time zone.
 * Impossible calendar dates are dropped, even if chrono would roll them over.
 */
export function findDates(text: string, context: DateContext): Candidate[] {
  const offset = zoneOffsetMinutes(context.timezone, context.now);
  const found: Candidate[] = [];
  for (const piece of segments(text)) {
    if (found.length >= MAX_DATES) break;
    const pieceText = text.slice(piece.start, piece.end);
    if (!DATE_HINT.test(pieceText)) continue;
    for (const result of chrono.parse(pieceText, { instant: context.now, timezone: offset })) {
      const candidate = toCandidate(text, piece.start + result.index, result, context);
      if (candidate && found.length < MAX_DATES) found.push(candidate);
    }
  }
  return found;
}

function toCandidate(text: string, index: number, result: chrono.ParsedResult, context: DateContext): Candidate | null {
  const lead = LEADING_FILLER.exec(result.text)?.[0].length ?? 0;
  const start = index + lead;
  const end = index + result.text.length;
  const matched = text.slice(start, end);
  if (matched.length === 0 || text.slice(index, end) !== result.text) return null;
  if (DURATION.test(result.text) || AMBIGUOUS_WORD.test(matched)) return null;
  const relative = [...result.tags()].some((t) => t.startsWith('result/relativeDate') || t.startsWith('casualReference'));
  if (!isPlausible(result.start, matched, relative) || (result.end && !isPlausible(result.end, matched, relative))) return null;
  const base = { text: matched, start, end, priority: Priority.date };
  if (result.end) {
    return {
      ...base,
      type: EntityType.dateRange,
      value: { start: formatPoint(result.start, context.timezone), end: formatPoint(result.end, context.timezone) },
    };
  }
  const c = result.start;
  const hasDay = c.isCertain('day') || c.isCertain('weekday') || relative;
  if (!hasDay && !c.isCertain('hour')) return null; // a month alone is too vague to act on
  const dob = dateOfBirth(text, index, c, context);
  if (dob) return { ...base, type: EntityType.dateOfBirth, value: dob, priority: Priority.dateOfBirth };
  const type = !c.isCertain('hour') ? EntityType.date : hasDay ? EntityType.dateTime : EntityType.time;
  return { ...base, type, value: formatPoint(c, context.timezone) };
}

function formatPoint(c: chrono.ParsedComponents, timezone: string): string {
  const year = c.get('year') ?? 0;
  const month = c.get('month') ?? 1;
  const day = c.get('day') ?? 1;
  if (!c.isCertain('hour')) return formatIsoDate(year, month, day);
  const explicitOffset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  const wall = { year, month, day, hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0, second: c.get('second') ?? 0 };
  const instant =
    explicitOffset === null
      ? wallClockToInstant(wall, timezone)
      : new Date(Date.UTC(year, month - 1, day, wall.hour, wall.minute, wall.second) - explicitOffset * 60_000);
  return formatIsoInZone(instant, timezone);
}

/** Rejects calendar dates that do not exist, including ones chrono silently moved to the next month. */
function isPlausible(c: chrono.ParsedComponents, matched: string, relative: boolean): boolean {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null || day === null || !isRealDate(year, month, day)) return false;
  if (relative || !c.isCertain('day') || !c.isCertain('month')) return true;
  const numbers = (matched.match(/\d+/g) ?? []).map(Number);
  if (numbers.length === 0) return true;
  const lower = matched.toLowerCase();
  const monthNamed = MONTHS.some((name, i) => i + 1 === month && lower.includes(name));
  return numbers.includes(day) && (monthNamed || numbers.includes(month));
}

/** ISO date when the date follows "born", "DOB" or "date of birth", has a year, and lies in the past. */
function dateOfBirth(text: string, index: number, c: chrono.ParsedComponents, context: DateContext): string | null {
  if (!DOB_CONTEXT.test(textBefore(text, index, 40))) return null;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  const iso = formatIsoDate(c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0);
  const today = formatIsoInZone(context.now, context.timezone).slice(0, 10);
  return iso < today ? iso : null;
}
