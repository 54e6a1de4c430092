import { EntityType } from '../types';
import { type Candidate, Priority } from './candidate';

// Bounded quantifiers keep matching linear on hostile input.
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}\b/g;

/** Email addresses; value is lower-cased. */
export function findEmails(text: string): Candidate[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    type: EntityType.email,
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    value: m[0].toLowerCase(),
    priority: Priority.email,
  }));
}
