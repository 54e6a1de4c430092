import type { Order } from './order';

/** Why an order can or cannot be returned. */
export const returnEligibilityReasons = [
  'eligible',
  'not_delivered',
  'window_expired',
  'already_requested',
  'already_returned',
  'cancelled',
] as const;
export type ReturnEligibilityReason = (typeof returnEligibilityReasons)[number];

export interface ReturnEligibility {
  readonly eligible: boolean;
  readonly reason: ReturnEligibilityReason;
  /** A sentence that may be shown to the customer. */
  readonly message: string;
  /** Last moment a return may be started (ISO), when the order was delivered. */
  readonly windowEndsAt?: string;
}

export interface ReturnPolicy {
  /** Days after delivery during which a return may be started. */
  readonly windowDays: number;
  /** Where the parcel goes, e.g. "any UPS location". */
  readonly dropOff: string;
  /** Days after the return is opened to drop the parcel off. */
  readonly dropOffDays: number;
  /** Business days to inspect a returned item before the refund is issued. */
  readonly inspectionBusinessDays: number;
  /** How long a card refund takes to show once issued, e.g. "5 to 10 business days". */
  readonly cardRefundTime: string;
  /** Deducted from the refund unless the reason is one of `freeReturnReasons`. */
  readonly returnShippingFeeCents: number;
  /** Reasons (lower-case words) for which return shipping is free: damaged, faulty, wrongly sent. */
  readonly freeReturnWords: readonly string[];
}

/** The published return policy (src/domain/data/knowledge/return-policy.md and refunds.md say the same). */
export const defaultReturnPolicy: ReturnPolicy = {
  windowDays: 30,
  dropOff: 'any UPS location',
  dropOffDays: 14,
  inspectionBusinessDays: 2,
  cardRefundTime: '5 to 10 business days',
  returnShippingFeeCents: 695,
  freeReturnWords: ['damaged', 'defective', 'faulty', 'broken', 'wrong item', 'sent in error', 'not as described'],
};

/** What the customer does after a return is opened, in order: label, drop-off, refund. */
export function returnNextSteps(policy: ReturnPolicy, reason: string, refundCents: number): string[] {
  const free = policy.freeReturnWords.some((word) => reason.toLowerCase().includes(word));
  const refund = free ? refundCents : Math.max(0, refundCents - policy.returnShippingFeeCents);
  const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
  return [
    "We've emailed a prepaid return label to the address on the order. Print it and attach it to the parcel, with your RMA number written on it.",
    `Drop the parcel at ${policy.dropOff} within ${policy.dropOffDays} days.`,
    `Once it reaches us we inspect it within ${policy.inspectionBusinessDays} business days and refund ${money(refund)} to your original payment method${free ? '' : ` (the ${money(policy.returnShippingFeeCents)} return shipping fee is deducted)`}; card refunds show within ${policy.cardRefundTime}.`,
  ];
}

const dayMs = 24 * 60 * 60 * 1000;

/** Pure: decides whether `order` can be returned at `now` under `policy`. */
export function checkReturnEligibility(order: Order, now: Date, policy: ReturnPolicy = defaultReturnPolicy): ReturnEligibility {
  if (order.status === 'cancelled') {
    return { eligible: false, reason: 'cancelled', message: 'This order was cancelled, so there is nothing to return.' };
  }
  if (order.status === 'returned') {
    return { eligible: false, reason: 'already_returned', message: 'We have already received the return for this order.' };
  }
  if (order.returnRequest) {
    return {
      eligible: false,
      reason: 'already_requested',
      message: `A return is already open for this order (RMA ${order.returnRequest.rmaNumber}).`,
    };
  }
  if (order.status !== 'delivered' || !order.deliveredAt) {
    return {
      eligible: false,
      reason: 'not_delivered',
      message: 'This order has not been delivered yet. Returns can be started once it arrives.',
    };
  }
  const windowEndsAt = new Date(Date.parse(order.deliveredAt) + policy.windowDays * dayMs);
  if (now.getTime() > windowEndsAt.getTime()) {
    return {
      eligible: false,
      reason: 'window_expired',
      message: `The ${policy.windowDays}-day return window for this order closed on ${windowEndsAt.toISOString().slice(0, 10)}.`,
      windowEndsAt: windowEndsAt.toISOString(),
    };
  }
  return {
    eligible: true,
    reason: 'eligible',
    message: `This order can be returned until ${windowEndsAt.toISOString().slice(0, 10)}.`,
    windowEndsAt: windowEndsAt.toISOString(),
  };
}
