import { EntityType } from '../types';
import { type Candidate, Priority, textBefore } from './candidate';

const MEMBER_ID = /\b([A-Za-z]{2,3})[-\s]?(\d{6,12})\b/g;
const MEMBER_CONTEXT = /\b(?:member|membership|insurance|insurer|policy|subscriber|id|identification|card|plan|medicaid|medicare|coverage)\b/;

/**
 * Insurance member ids: 2-3 letters then 6-12 digits. Near words like "member id" any form counts;
 * otherwise only the compact upper-case form (ABC123456789), and never Tandem order numbers (TD + 6 digits).
 */
export function findMemberIds(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(MEMBER_ID)) {
    const letters = m[1] ?? '';
    const digits = m[2] ?? '';
    const compact = m[0] === letters + digits;
    const context = MEMBER_CONTEXT.test(textBefore(text, m.index, 30));
    const looksLikeOrder = letters.toUpperCase() === 'TD' && digits.length === 6;
    if (looksLikeOrder) continue;
    if (!context && !(compact && letters === letters.toUpperCase())) continue;
    found.push({
      type: EntityType.memberId,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      value: (letters + digits).toUpperCase(),
      priority: Priority.memberId,
    });
  }
  return found;
}
