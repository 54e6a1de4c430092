import type { Calendar, Provider, TimeWindow } from '../scheduling/calendar';
import { weekdays } from '../scheduling/calendar';
import type { Article, Passage } from './article';

const dayNames: Readonly<Record<(typeof weekdays)[number], string>> = {
  sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday',
};

/** What patients call a specialist ("a cardiologist"), by specialty; a specialty not listed is named as it is. */
const specialists: ReadonlyMap<string, string> = new Map([
  ['family medicine', 'family doctor'],
  ['dermatology', 'dermatologist'],
  ['pediatrics', 'pediatrician'],
  ['cardiology', 'cardiologist'],
  ['physical therapy', 'physical therapist'],
]);

/** "09:00" → "9:00 AM". */
function clock(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

function specialist(provider: Provider): string {
  const noun = specialists.get(provider.specialty.toLowerCase());
  return noun ? ` (${noun})` : '';
}

function windows(list: readonly TimeWindow[]): string {
  return list.map((w) => `${clock(w.start)} to ${clock(w.end)}`).join(' and ');
}

/** "Tuesday and Thursday, 9:00 AM to 4:00 PM; Saturday, 9:00 AM to 12:00 PM": days with the same hours together. */
function workingDays(provider: Provider): string {
  const groups = new Map<string, string[]>();
  for (const day of weekdays) {
    const list = provider.workingHours[day];
    if (!list || list.length === 0) continue;
    const key = windows(list);
    groups.set(key, [...(groups.get(key) ?? []), dayNames[day]]);
  }
  const join = (days: string[]): string => (days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : (days[0] ?? ''));
  return [...groups.entries()].map(([hours, days]) => `${join(days)}, ${hours}`).join('; ');
}

/**
 * The providers' days and hours as a knowledge article, written from the scheduling calendar (the one
 * source of truth), so "what days does Dr. Chen work?" is answered in the calendar's own terms.
 */
export function providerDirectoryArticle(calendar: Calendar): Article {
  const id = 'provider-directory';
  const locations = new Map(calendar.locations.map((l) => [l.id, l]));
  const passages: Passage[] = [
    { id: `${id}#0`, articleId: id, text: `Our providers and the days they see patients. ${calendar.providers.map((p) => `${p.name} (${p.specialty})`).join(', ')}.` },
    ...calendar.providers.map((provider, i): Passage => {
      const location = locations.get(provider.locationId);
      const where = location ? ` at ${location.name}, ${location.address.city}` : '';
      return {
        id: `${id}#${i + 1}`,
        articleId: id,
        heading: provider.name,
        text: `${provider.name}, ${provider.specialty}${specialist(provider)}, sees patients${where}: ${workingDays(provider)} (local time). Other days ${provider.name} does not work.`,
      };
    }),
  ];
  return {
    id,
    title: 'Our providers and their days',
    tags: ['doctor', 'provider', 'physician', 'nurse practitioner', 'therapist', 'work', 'working days', 'days', 'schedule', 'who'],
    body: passages.map((p) => (p.heading ? `## ${p.heading}\n${p.text}` : p.text)).join('\n\n'),
    passages,
  };
}
