import { localParts } from '../../src/domain/scheduling/zonedTime';
import { PartOfDay } from '../../src/nlu/entities/timeWindows';
import type { RequestedDay } from './dateAnswer';

type Window = NonNullable<RequestedDay['window']>;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * True when `instant` falls inside the window on the clock of every zone given (the user's and the
 * clinic's), so whichever of the two times we show is the part of the day that was asked for.
 */
export function inWindow(instant: Date, window: Window, zones: readonly string[]): boolean {
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return zones.every((zone) => {
    const local = localParts(instant, zone);
    const minute = local.hour * 60 + local.minute;
    return minute >= from && minute < to;
  });
}

const clockWords = (clock: string): string => {
  const minutes = minutesOf(clock);
  if (minutes === 12 * 60) return 'noon';
  const hour = Math.floor(minutes / 60) % 24;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${String(minutes % 60).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
};

/** "in the afternoon", "after 3:00 PM", "before noon", "between 2:00 PM and 4:00 PM". */
export function describeWindow(window: Window): string {
  for (const [name, part] of Object.entries(PartOfDay)) {
    if (minutesOf(window.from) === part.from && minutesOf(window.to) === part.to) return `in the ${name}`;
  }
  if (window.to === '24:00') return `after ${clockWords(window.from)}`;
  if (window.from === '00:00') return `before ${clockWords(window.to)}`;
  return `between ${clockWords(window.from)} and ${clockWords(window.to)}`;
}
