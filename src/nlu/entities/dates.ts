import * as chrono from 'chrono-node';
import { EntityType } from '../types';
import { type Candidate, Priority, textBefore } from './candidate';
import { segments } from './segments';
import { correctDateWords } from './dateWordTypos';
import { daytimeHour, findTimeWindows, type TimeWindow, type WindowMention } from './timeWindows';
import { formatIsoDate, formatIsoInZone, isRealDate, wallClockToInstant, zoneOffsetMinutes } from './timeZone';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DOB_CONTEXT = /\b(?:born|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday)\b[^.!?\n]{0,20}$/;
const LEADING_FILLER = /^(?:on|at|by|from|since|the)\s+/i;
// Durations ("for 2 weeks") and bare lower-case weekday/month words ("sun", "march on") are not dates.
const DURATION = /^for\s/i;
const AMBIGUOUS_WORD = /^(?:sun|mon|tue|wed|thu|fri|sat|march|may|august|second|now)$/;
// Pieces without a digit or a date word cannot hold a date; skipping them keeps chrono off most text.
const DATE_HINT = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tonight|yesterday|now|noon|midnight|week|month|year|morning|afternoon|evening|night|next|last|ago|weekend|hour|minute|day|lunchtime)/i;
// "the 3rd", "on the 21st", or an ordinal alone as an answer ("3rd"); chrono reads neither.
const ORDINAL_DAY = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b|^\s*(?:on\s+)?(\d{1,2})(?:st|nd|rd|th)\s*[.!?]?\s*$/i;
const MONTH_AFTER = /^\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
// A part of the day joins a day named at most this far away in the same piece ("evening appointments on thursday").
const MAX_JOIN_GAP = 40;
/** At most this many date entities per message: chrono slows down sharply on date-dense text. */
const MAX_DATES = 12;

/** Where relative dates are resolved: the user's IANA zone and a reference instant. */
export interface DateContext {
  readonly timezone: string;
  readonly now: Date;
}

/**
 * Dates, times, date-times, ranges and dates of birth via chrono, resolved in the user's time zone; date
 * words misspelt by one letter ("tomorow mornin") are read as meant.
 * Impossible calendar dates are dropped, even if chrono would roll them over. Weekdays mean the
 * coming one. A part of the day ("tuesday afternoon") or a bound ("friday after 3") makes a range
 * on that day; without a day it is a `time` entity whose value is a {start, end} range today.
 */
export function findDates(text: string, context: DateContext): Candidate[] {
  const corrected = correctDateWords(text);
  const found = findDatesAsSpelt(corrected.text, context);
  if (corrected.text === text) return found;
  return found.map((c) => {
    const start = corrected.toOriginal(c.start);
    const end = corrected.toOriginal(c.end);
    return { ...c, start, end, text: text.slice(start, end) };
  });
}

function findDatesAsSpelt(text: string, context: DateContext): Candidate[] {
  const offset = zoneOffsetMinutes(context.timezone, context.now);
  const found: Candidate[] = [];
  for (const piece of segments(text)) {
    if (found.length >= MAX_DATES) break;
    const pieceText = text.slice(piece.start, piece.end);
    if (!DATE_HINT.test(pieceText)) continue;
    const windows = findTimeWindows(pieceText);
    // Window phrases are read here, not by chrono, which misreads some ("evening on thursday" as today).
    // Blanks left at the end are cut: chrono then misses "3rd of july" before them. Offsets stay those of the piece.
    const masked = windows
      .reduce((t, w) => t.slice(0, w.start) + (w.today ? 'today' : '').padEnd(w.end - w.start, ' ') + t.slice(w.end), pieceText)
      .trimEnd();
    const pieceFound: Candidate[] = [];
    for (const result of chrono.parse(masked, { instant: context.now, timezone: offset }, { forwardDate: true })) {
      const candidate = toCandidate(text, piece.start + result.index, result, context);
      if (candidate) pieceFound.push(candidate);
    }
    const ordinal = ordinalDay(pieceText, piece.start, context);
    if (ordinal && pieceFound.every((c) => c.end <= ordinal.start || c.start >= ordinal.end)) pieceFound.push(ordinal);
    for (const mention of windows) pieceFound.push(...withWindow(text, piece.start, mention, pieceFound, context));
    for (const candidate of pieceFound.sort((a, b) => a.start - b.start)) if (found.length < MAX_DATES) found.push(candidate);
  }
  return found;
}

/**
 * Joins a window to the nearest day-only date of the piece (replacing it), or stands alone as a
 * window today. "tonight" is a window on today.
 */
function withWindow(text: string, pieceStart: number, mention: WindowMention, pieceFound: Candidate[], context: DateContext): Candidate[] {
  const start = pieceStart + mention.start;
  const end = pieceStart + mention.end;
  const dayIndex = pieceFound.findIndex(
    (c) => c.type === EntityType.date && typeof c.value === 'string' && Math.max(c.start - end, start - c.end) <= MAX_JOIN_GAP,
  );
  const day = dayIndex >= 0 ? pieceFound[dayIndex] : undefined;
  if (day && typeof day.value === 'string') {
    pieceFound.splice(dayIndex, 1);
    const from = Math.min(start, day.start);
    const to = Math.max(end, day.end);
    return [{ type: EntityType.dateRange, text: text.slice(from, to), start: from, end: to, priority: Priority.date, value: windowOn(day.value, mention.window, context.timezone) }];
  }
  if (pieceFound.some((c) => c.start < end && c.end > start)) return [];
  const today = formatIsoInZone(context.now, context.timezone).slice(0, 10);
  const type = mention.today ? EntityType.dateRange : EntityType.time;
  return [{ type, text: text.slice(start, end), start, end, priority: Priority.date, value: windowOn(today, mention.window, context.timezone) }];
}

function windowOn(isoDay: string, window: TimeWindow, timezone: string): { start: string; end: string } {
  const [year = 1970, month = 1, day = 1] = isoDay.split('-').map(Number);
  const at = (minutes: number) =>
    formatIsoInZone(wallClockToInstant({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0 }, timezone), timezone);
  return { start: at(window.from), end: at(Math.min(window.to, 24 * 60 - 1)) };
}

/** "the 3rd": the next day of the month with that number, today included, in the user's zone. */
function ordinalDay(pieceText: string, pieceStart: number, context: DateContext): Candidate | null {
  const m = ORDINAL_DAY.exec(pieceText);
  if (!m || m.index === undefined) return null;
  const n = Number(m[1] ?? m[2]);
  if (MONTH_AFTER.test(pieceText.slice(m.index + m[0].length))) return null;
  const [year = 1970, month = 1, day = 1] = formatIsoInZone(context.now, context.timezone).slice(0, 10).split('-').map(Number);
  for (let ahead = n >= day ? 0 : 1; ahead <= 12; ahead += 1) {
    const y = year + Math.floor((month - 1 + ahead) / 12);
    const mo = ((month - 1 + ahead) % 12) + 1;
    if (isRealDate(y, mo, n)) {
      const lead = /^\s*(?:on\s+)?/i.exec(m[0])?.[0].length ?? 0;
      const start = pieceStart + m.index + lead;
      const matched = m[0].slice(lead).replace(/[\s.!?]+$/, '');
      return { type: EntityType.date, text: matched, start, end: start + matched.length, priority: Priority.date, value: formatIsoDate(y, mo, n) };
    }
  }
  return null;
}

function toCandidate(text: string, index: number, result: chrono.ParsedResult, context: DateContext): Candidate | null {
  // chrono may run on over the blanks where a window phrase was masked ("july 3rd" + the blanked "in the afternoon").
  const resultText = result.text.trimEnd();
  const lead = LEADING_FILLER.exec(resultText)?.[0].length ?? 0;
  const start = index + lead;
  const end = index + resultText.length;
  const matched = text.slice(start, end);
  if (matched.length === 0 || text.slice(index, end) !== resultText) return null;
  if (DURATION.test(resultText) || AMBIGUOUS_WORD.test(matched)) return null;
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
  return { ...base, type, value: formatPoint(c, context.timezone, hasDay ? undefined : context) };
}

/** `context` given: a clock time with no day, which is today (chrono's forwardDate would move a passed hour to tomorrow). */
function formatPoint(c: chrono.ParsedComponents, timezone: string, context?: DateContext): string {
  const today = context ? formatIsoInZone(context.now, context.timezone).slice(0, 10).split('-').map(Number) : [];
  const year = today[0] ?? c.get('year') ?? 0;
  const month = today[1] ?? c.get('month') ?? 1;
  const day = today[2] ?? c.get('day') ?? 1;
  if (!c.isCertain('hour')) return formatIsoDate(year, month, day);
  const explicitOffset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  const meridiem = c.isCertain('meridiem') ? (c.get('meridiem') === 1 ? 'pm' : 'am') : undefined;
  const hour = c.get('hour') ?? 0;
  // chrono reads "at 4" as 4 AM; for a clock hour with no am/pm, people mean daytime.
  const wallHour = meridiem || hour > 12 || hour === 0 ? hour : daytimeHour(hour, undefined);
  const wall = { year, month, day, hour: wallHour, minute: c.get('minute') ?? 0, second: c.get('second') ?? 0 };
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
