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
}

export const defaultReturnPolicy: ReturnPolicy = { windowDays: 30 };

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
