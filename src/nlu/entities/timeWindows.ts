/** A stretch of one day, as wall-clock minutes since midnight: [from, to). */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** A window phrase found in a message; `text === message.slice(start, end)`. */
export interface WindowMention {
  readonly start: number;
  readonly end: number;
  readonly window: TimeWindow;
  /** "tonight" also names the day (today). */
  readonly today: boolean;
}

const endOfDay = 24 * 60;

/** What people mean by a part of the day, as data. */
export const PartOfDay = {
  morning: { from: 5 * 60, to: 12 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  evening: { from: 17 * 60, to: 21 * 60 },
} as const satisfies Record<string, TimeWindow>;

const partWords: ReadonlyMap<string, TimeWindow> = new Map<string, TimeWindow>([
  ['morning', PartOfDay.morning],
  ['mornings', PartOfDay.morning],
  ['afternoon', PartOfDay.afternoon],
  ['afternoons', PartOfDay.afternoon],
  ['lunchtime', { from: 11 * 60 + 30, to: 14 * 60 }],
  ['evening', PartOfDay.evening],
  ['evenings', PartOfDay.evening],
  ['night', PartOfDay.evening],
  ['tonight', PartOfDay.evening],
]);

// "in the afternoon", "this evening", "afternoon": the article is part of the phrase so it is cut out with it.
const partOfDay = /\b(?:(?:in|during)\s+the\s+|this\s+|early\s+|late\s+)?(mornings?|afternoons?|lunchtime|evenings?|tonight|night)\b/gi;
// "after 3", "after 3:30pm", "before noon", "no later than 11". ("from 2" is left to ranges such as "from 2 to 4".)
const bound =
  /\b(after|later\s+than|not\s+before|before|earlier\s+than|no\s+later\s+than|by)\s+(noon|midday|(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?)(?![\w:])(?!\s*(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|%|items?|orders?))(?:\s+onwards?)?/gi;
const startsWindow = /^(?:after|later\s+than|not\s+before)$/i;

/**
 * A clock hour as people say it when booking: "4" alone means 4 PM (nobody books at 4 in the
 * morning), 7 to 11 are mornings, and an explicit am/pm always wins.
 */
export function daytimeHour(hour: number, meridiem: 'am' | 'pm' | undefined): number {
  if (meridiem === 'pm') return hour < 12 ? hour + 12 : hour;
  if (meridiem === 'am') return hour === 12 ? 0 : hour;
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

function meridiemOf(text: string | undefined): 'am' | 'pm' | undefined {
  if (!text) return undefined;
  return text.toLowerCase().startsWith('p') ? 'pm' : 'am';
}

/**
 * Parts of the day ("afternoon", "tonight") and open-ended bounds ("after 3", "before noon") in a
 * message. Bounds run to the end of the day or from its start.
 */
export function findTimeWindows(text: string): WindowMention[] {
  const found: WindowMention[] = [];
  for (const m of text.matchAll(partOfDay)) {
    const word = (m[1] ?? '').toLowerCase();
    const window = partWords.get(word);
    if (window && m.index !== undefined) found.push({ start: m.index, end: m.index + m[0].length, window, today: word === 'tonight' });
  }
  for (const m of text.matchAll(bound)) {
    if (m.index === undefined) continue;
    const hour = m[3] === undefined ? 12 : Number(m[3]);
    const minute = m[4] === undefined ? 0 : Number(m[4]);
    if (hour > 23 || minute > 59) continue;
    const at = (m[3] === undefined ? 12 : daytimeHour(hour, meridiemOf(m[5]))) * 60 + minute;
    const window = startsWindow.test(m[1] ?? '') ? { from: at, to: endOfDay } : { from: 0, to: at };
    if (window.to > window.from) found.push({ start: m.index, end: m.index + m[0].length, window, today: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "HH:MM" of minutes since midnight (24:00 for the end of the day). */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
