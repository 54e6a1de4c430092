import { normalizeOrderId } from '../../src/domain/orders/order';
import { EntityType, type Entity } from '../../src/nlu/types';

/** What a customer has told us so far to prove an order is theirs. Never logged. */
export interface OrderCredentials {
  orderId?: string;
  /** The order's email address or ZIP code, as typed. */
  secret?: string;
}

const bareOrderId = /(?<![\w-])(?:td[-\s]?)?(\d{6})(?![\w-])/i;
const zip = /(?<![\w-])(\d{5}(?:-\d{4})?)(?![\w-])/;
// Something that was meant as an email but isn't one ("ann.lee@example").
const emailish = /\S+@\S*/;

/**
 * Reads an order number and an email or ZIP code out of one message. Entities from NLU come first;
 * a bare 6-digit number counts as an order number only when we asked for one.
 */
export function readCredentials(text: string, entities: readonly Entity[], askedForOrderId: boolean): OrderCredentials & { malformedEmail?: boolean } {
  const found: OrderCredentials & { malformedEmail?: boolean } = {};
  const orderEntity = entities.find((e) => e.type === EntityType.orderNumber && typeof e.value === 'string' && normalizeOrderId(e.value));
  if (orderEntity && typeof orderEntity.value === 'string') found.orderId = normalizeOrderId(orderEntity.value);
  // Blank out what other entities claimed, so their digits are not read as a ZIP code.
  let rest = text;
  for (const e of entities) {
    if (e.type === EntityType.orderNumber || e.type === EntityType.email || e.type === EntityType.phone || e.type === EntityType.memberId) {
      rest = rest.slice(0, e.start) + ' '.repeat(e.end - e.start) + rest.slice(e.end);
    }
  }
  if (!found.orderId && askedForOrderId) {
    const bare = bareOrderId.exec(rest);
    if (bare?.[1]) {
      found.orderId = `TD-${bare[1]}`;
      rest = rest.replace(bare[0], ' '.repeat(bare[0].length));
    }
  }
  const email = entities.find((e) => e.type === EntityType.email);
  if (email && typeof email.value === 'string') {
    found.secret = email.value;
  } else {
    const code = zip.exec(rest);
    if (code?.[1]) found.secret = code[1];
    else if (emailish.test(rest)) found.malformedEmail = true;
  }
  return found;
}

/** Every order number a message names, in order, each once ("TD-100004 and TD-100003"). */
export function readOrderIds(entities: readonly Entity[]): string[] {
  const ids = entities
    .filter((e) => e.type === EntityType.orderNumber && typeof e.value === 'string')
    .sort((a, b) => a.start - b.start)
    .map((e) => normalizeOrderId(String(e.value)))
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

const everyZip = new RegExp(zip.source, 'g');

/**
 * Every email address and ZIP code a message holds, in the order written ("98103 for the first one and
 * 78704 for the second"), for orders named together. Personal data: never logged.
 */
export function readSecrets(text: string, entities: readonly Entity[]): string[] {
  let rest = text;
  const found: { at: number; value: string }[] = [];
  for (const e of entities) {
    if (e.type === EntityType.email && typeof e.value === 'string') found.push({ at: e.start, value: e.value });
    if (e.type === EntityType.orderNumber || e.type === EntityType.email || e.type === EntityType.phone || e.type === EntityType.memberId) {
      rest = rest.slice(0, e.start) + ' '.repeat(e.end - e.start) + rest.slice(e.end);
    }
  }
  for (const m of rest.matchAll(everyZip)) if (m[1] !== undefined && m.index !== undefined) found.push({ at: m.index, value: m[1] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.value);
}

// "I don't have the order number", "lost the email", "never got a confirmation", "no idea what my order number is".
const missingNumber =
  /\b(?:don'?t|dont|do not|didn'?t|did not|can'?t|cant|cannot|can not|couldn'?t|never|lost|forgot|forgotten|deleted|misplaced|without|have no|haven'?t|no longer have|no idea|not sure)\b[^.?!]{0,40}?\b(?:order\s*(?:number|no\.?|#|id)|number|confirmation|receipt|e-?mails?|invoice)\b/i;
// Said when asked for the number: "I don't know", "no idea", "not sure".
const cannotSay = /^\W*(?:i\s+)?(?:don'?t|dont|do not)\s+(?:know|remember|have\s+(?:it|one))\b|^\W*(?:no\s+idea|not\s+sure|idk|dunno)\b/i;

/** The customer says they don't have their order number (or the email it came in). */
export function saysNoOrderNumber(text: string): boolean {
  return missingNumber.test(text) || cannotSay.test(text);
}

const otherOrder = /\b(?:other|another|second|different|previous|older)\s+(?:order|one|purchase|package|parcel|delivery)\b|\bmy other\b|\bthe other\b/i;

/** "and my other order?", "what about the other one": a different order than the one just discussed. */
export function mentionsOtherOrder(text: string): boolean {
  return otherOrder.test(text);
}

/** An email and a ZIP code in one message, for finding orders without their number. Never logged. */
export function readLookup(text: string, entities: readonly Entity[]): { email?: string; zip?: string } {
  const email = entities.find((e) => e.type === EntityType.email);
  let rest = text;
  for (const e of entities) {
    if (e.type !== EntityType.date && e.type !== EntityType.time && e.type !== EntityType.dateTime && e.type !== EntityType.dateRange) {
      rest = rest.slice(0, e.start) + ' '.repeat(e.end - e.start) + rest.slice(e.end);
    }
  }
  const code = zip.exec(rest)?.[1];
  return { ...(email && typeof email.value === 'string' ? { email: email.value } : {}), ...(code ? { zip: code.slice(0, 5) } : {}) };
}
