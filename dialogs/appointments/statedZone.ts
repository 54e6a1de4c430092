import type { Location } from '../../src/domain/scheduling/calendar';

/** US zone names people say ("I'm on Pacific time"), as data. */
const zoneWords: ReadonlyMap<string, string> = new Map([
  ['eastern', 'America/New_York'],
  ['central', 'America/Chicago'],
  ['mountain', 'America/Denver'],
  ['pacific', 'America/Los_Angeles'],
]);

const normalize = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
const selfPlace = /\b(?:i'?m|i am|i live|i'm based|i am based|we'?re|we are|we live)\s+(?:based\s+)?(?:in|on|near|around|out of)\s+(?:the\s+)?([a-z .]+)/g;

/**
 * The zone a user says they are in: "I'm in Denver" (a city where one of our clinics is), "I live in
 * New York", "I'm on Pacific time". A clinic named without "I'm in" ("a visit in San Francisco") is not
 * where the user is, so it does not count.
 */
export function statedZone(text: string, locations: readonly Location[]): string | undefined {
  for (const m of normalize(text).matchAll(selfPlace)) {
    const place = ` ${(m[1] ?? '').replace(/\./g, ' ')} `;
    const named = (name: string): boolean => place.startsWith(` ${name} `);
    const word = [...zoneWords.keys()].find((w) => named(w));
    if (word) return zoneWords.get(word);
    const city = locations.find((l) => named(l.address.city.toLowerCase()));
    if (city) return city.timeZone;
  }
  return undefined;
}
