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
