import type { Entity } from '../types';
import { resolveOverlaps } from './candidate';
import { type DateContext, findDates } from './dates';
import { findEmails } from './emails';
import { findMemberIds } from './memberIds';
import { findOrderNumbers } from './orderNumbers';
import { findPhones } from './phones';

/** Options for entity extraction. */
export interface ExtractOptions {
  /** IANA time zone used to resolve relative dates ("tomorrow at 3pm"). */
  readonly timezone: string;
  /** Reference instant for relative dates; defaults to now. */
  readonly now?: Date;
}

/**
 * Finds order numbers, emails, member ids, phone numbers, dates/times/ranges and dates of birth.
 * Entities never overlap, are sorted by start, and satisfy `text === message.slice(start, end)`.
 */
export function extractEntities(text: string, options: ExtractOptions): Entity[] {
  if (text.trim().length === 0) return [];
  const context: DateContext = { timezone: options.timezone, now: options.now ?? new Date() };
  return resolveOverlaps([
    ...findEmails(text),
    ...findOrderNumbers(text),
    ...findMemberIds(text),
    ...findPhones(text),
    ...findDates(text, context),
  ]);
}
