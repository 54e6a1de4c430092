import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import type { DateClock } from '../../clock';

/**
 * Field-by-field validators shared by the intake dialogs. Each message is written for the person
 * typing, so a dialog can show `error.issues[0].message` as is.
 */

/** Full name: 2-100 characters with at least one letter. */
export const personNameField = z
  .string({ message: 'Please tell me your full name.' })
  .trim()
  .min(2, { message: 'Please tell me your full name.' })
  .max(100, { message: 'That name is too long; please use at most 100 characters.' })
  .regex(/\p{L}/u, { message: 'A name needs at least one letter.' })
  .regex(/^[\p{L}\p{M}' .,-]+$/u, { message: "Names can only contain letters, spaces, apostrophes, hyphens and dots." });

/** Email, trimmed and lower-cased. */
export const emailField = z
  .string({ message: 'Please enter an email address, like name@example.com.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "That doesn't look like an email address. Please use the form name@example.com." }));

/** Phone number in any common format; output is E.164 ("+12125550142"). */
export function phoneField(defaultCountry: CountryCode = 'US') {
  return z
    .string({ message: 'Please enter a phone number.' })
    .trim()
    .refine((value) => isValidPhoneNumber(value, defaultCountry), {
      message: "That doesn't look like a valid phone number. Please include the area code, e.g. 212-555-0142.",
    })
    .transform((value) => parsePhoneNumberFromString(value, defaultCountry)?.number ?? value);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when "YYYY-MM-DD" names a day that exists (no 2023-02-30). */
export function isRealDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Date of birth as "YYYY-MM-DD" (a Date is accepted and converted): a real calendar date, in the
 * past, at most 130 years ago. `now` is read at validation time.
 */
export function dateOfBirthField(now: DateClock = () => new Date()) {
  return z
    .union([z.string().trim(), z.date().transform((d) => d.toISOString().slice(0, 10))], {
      message: 'Please give your date of birth, e.g. 1984-03-21.',
    })
    .refine(isRealDate, { message: 'Please give your date of birth as a real date, e.g. 1984-03-21.' })
    .refine((value) => value < now().toISOString().slice(0, 10), { message: 'Your date of birth must be in the past.' })
    .refine((value) => Number(value.slice(0, 4)) >= now().getUTCFullYear() - 130, {
      message: 'Please check the year of your date of birth.',
    });
}

/** Required free text of at most `max` characters. */
export function requiredText(what: string, max = 1000) {
  return z
    .string({ message: `Please tell me ${what}.` })
    .trim()
    .min(1, { message: `Please tell me ${what}.` })
    .max(max, { message: `Please keep ${what} under ${max} characters.` });
}

const noneWords = new Set(['none', 'no', 'nothing', 'n/a', 'na', 'nope', 'none known', 'no known allergies', 'nka', 'nkda']);

/**
 * A list answered in one line ("ibuprofen, vitamin D") or as an array; "none"/"n/a" means an empty
 * list. Items are trimmed and de-duplicated.
 */
export function listField(what: string, maxItems = 30) {
  return z
    .union([z.string(), z.array(z.string())], { message: `Please list ${what}, or say "none".` })
    .transform((value) => {
      const raw = Array.isArray(value) ? value : noneWords.has(value.trim().toLowerCase()) ? [] : value.split(/[,;\n]|\band\b/);
      const items = raw.map((item) => item.trim()).filter((item) => item && !noneWords.has(item.toLowerCase()));
      return items.filter((item, i) => items.findIndex((other) => other.toLowerCase() === item.toLowerCase()) === i);
    })
    .refine((items) => items.length <= maxItems, { message: `Please list at most ${maxItems} ${what}.` })
    .refine((items) => items.every((item) => item.length <= 200), { message: `Please keep each of ${what} short.` });
}

/** Explicit consent: only `true` passes. */
export const consentField = z.literal(true, { message: 'I need your consent to continue. Please answer yes if you agree.' });
