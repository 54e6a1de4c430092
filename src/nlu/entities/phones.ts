import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import { EntityType } from '../types';
import { type Candidate, Priority } from './candidate';

// Phone-shaped runs (digits with spaces, dots, dashes, parentheses); only these go to libphonenumber,
// which keeps the cost linear on long digit-heavy text.
const PHONE_SHAPED = /\+?\(?\d[\d\s().\-]{5,24}\d/g;
const MAX_PHONE_RUNS = 20;

/** Valid phone numbers (libphonenumber-js); value is E.164. */
export function findPhones(text: string, defaultCountry: CountryCode = 'US'): Candidate[] {
  const found: Candidate[] = [];
  let runs = 0;
  for (const m of text.matchAll(PHONE_SHAPED)) {
    if (++runs > MAX_PHONE_RUNS) break;
    // A few characters of context let libphonenumber see "+" or a word boundary before the run.
    const from = Math.max(0, m.index - 2);
    const piece = text.slice(from, m.index + m[0].length);
    for (const f of findPhoneNumbersInText(piece, { defaultCountry })) {
      if (!f.number.isValid()) continue;
      found.push({
        type: EntityType.phone,
        text: text.slice(from + f.startsAt, from + f.endsAt),
        start: from + f.startsAt,
        end: from + f.endsAt,
        value: f.number.number,
        priority: Priority.phone,
      });
    }
  }
  return found;
}
