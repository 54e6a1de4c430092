import { EntityType } from '../types';
import { type Candidate, Priority, textBefore } from './candidate';

const TANDEM_ORDER = /\bTD[-\s]?(\d{6})\b/gi;
const BARE_NUMBER = /(#\s?)?\b(\d{5,10})\b/g;
const ORDER_CONTEXT = /\b(?:orders?|ord|purchase|package|parcel|shipment|delivery|tracking|confirmation|invoice)\b/;
const DIRECT_BEFORE = /\b(?:orders?|ord|purchase|package|parcel|shipment|confirmation|invoice)\s*(?:(?:number|num|no\.?|id|is|was|#)\s*){0,3}[:#]?\s*$/;

/** Order numbers: `TD-104233`, or a bare number right after "order …" or written "#104233" near an order word. */
export function findOrderNumbers(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(TANDEM_ORDER)) {
    found.push(make(m[0], m.index, m[1] ?? ''));
  }
  for (const m of text.matchAll(BARE_NUMBER)) {
    const hash = m[1] !== undefined;
    const digits = m[2] ?? '';
    const before = textBefore(text, m.index, 40);
    // "TD-104233" was handled above; skip its digits.
    if (/td[-\s]?$/i.test(before)) continue;
    const direct = DIRECT_BEFORE.test(before);
    const near = hash && (ORDER_CONTEXT.test(before) || ORDER_CONTEXT.test(text.slice(m.index, m.index + m[0].length + 40).toLowerCase()));
    if (direct || near) found.push(make(m[0], m.index, digits));
  }
  return found;
}

function make(matched: string, start: number, digits: string): Candidate {
  return {
    type: EntityType.orderNumber,
    text: matched,
    start,
    end: start + matched.length,
    value: digits.length === 6 ? `TD-${digits}` : digits,
    priority: Priority.orderNumber,
  };
}
