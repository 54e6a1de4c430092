import { formatMoney } from '../../src/domain/orders/order';
import type { Order, OrderStatus } from '../../src/domain/orders/order';
import type { OrderService, OrderStatusView } from '../../src/domain/orders/orderService';
import { checkReturnEligibility, returnNextSteps, type ReturnEligibility, type ReturnPolicy } from '../../src/domain/orders/returnPolicy';
import { checkFreeText, freeTextProblemMessage } from '../answers/freeText';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';
import { orderDay } from './orderDay';

/** What an action may use: a verified order id and the ports. */
export interface OrderActionContext {
  readonly orders: OrderService;
  /** Verified for this conversation. */
  readonly orderId: string;
  readonly now: Date;
  readonly timeZone: string;
  /** The verified order as it is now (verification is re-run, so ownership is checked on every use). */
  loadOrder(): Promise<Order | null>;
}

/** An action either answers, or asks one more question and waits (`step` names what it waits for, `memo` what it keeps). */
export type ActionOutcome =
  | { readonly reply: string }
  | { readonly reply?: string; readonly ask: string; readonly choices?: readonly string[]; readonly step: string; readonly memo?: string };

export interface OrderAction {
  /** Offered as a suggested action after another action on the same order, when it applies. */
  readonly label: string;
  /** Whether offering this action makes sense for the order as it is now. */
  appliesTo(order: Order, now: Date, policy: ReturnPolicy): boolean;
  start(ctx: OrderActionContext): Promise<ActionOutcome>;
  answer?(ctx: OrderActionContext, step: string, text: string, memo: string | undefined): Promise<ActionOutcome>;
}

const unavailable = { reply: "Sorry, I couldn't load that order just now. Please try again in a moment." } as const;

const itemsOf = (count: number): string => `${count} item${count === 1 ? '' : 's'}`;

/** Where the order is, in the tense its state calls for, as data per status. */
const statusSentences: Readonly<Record<OrderStatus, (view: OrderStatusView, zone: string) => string>> = {
  processing: (v, z) => `is being prepared.${v.estimatedDeliveryAt ? ` Estimated delivery: ${orderDay(v.estimatedDeliveryAt, z)}.` : ''}`,
  shipped: (v, z) =>
    `shipped${v.shippedAt ? ` on ${orderDay(v.shippedAt, z)}` : ''} and is on its way.${v.estimatedDeliveryAt ? ` Estimated delivery: ${orderDay(v.estimatedDeliveryAt, z)}.` : ''}`,
  out_for_delivery: (v, z) => `is out for delivery.${v.estimatedDeliveryAt ? ` Estimated delivery: ${orderDay(v.estimatedDeliveryAt, z)}.` : ''}`,
  delivered: (v, z) => `was delivered${v.deliveredAt ? ` on ${orderDay(v.deliveredAt, z)}` : ''}.`,
  cancelled: (v, z) => `was cancelled${v.cancelledAt ? ` on ${orderDay(v.cancelledAt, z)}` : ''}.`,
  returned: () => 'was returned to us.',
};

/** Where the order's return and refund stand, when it has one: a status answer is not complete without it. */
function returnAndRefundSentence(order: Order, zone: string): string {
  const amount = formatMoney(order.refund.amountCents || order.totalCents);
  const rma = order.returnRequest ? ` Your return number (RMA) is ${order.returnRequest.rmaNumber}.` : '';
  switch (order.refund.state) {
    case 'none':
      return rma ? ` A return is open for it.${rma}` : '';
    case 'requested':
      return ` A return is open for it.${rma} We'll refund ${amount} once we receive the item.`;
    case 'processing':
      return ` ${order.status === 'cancelled' ? '' : `We received the return.${rma} `}Your refund of ${amount} is being processed and usually arrives within 5-10 business days.`;
    case 'refunded':
      return `${rma} We refunded ${amount}${order.refund.refundedAt ? ` on ${orderDay(order.refund.refundedAt, zone)}` : ''}.`;
  }
}

const status: OrderAction = {
  label: 'Order status',
  appliesTo: () => true,
  async start({ orders, orderId, timeZone, loadOrder }) {
    const view = await orders.getStatus(orderId);
    if (!view) return unavailable;
    const order = await loadOrder();
    const money = order ? returnAndRefundSentence(order, timeZone) : '';
    return { reply: `Order ${view.orderId} (${itemsOf(view.itemCount)}, placed ${orderDay(view.placedAt, timeZone)}) ${statusSentences[view.status](view, timeZone)}${money}` };
  },
};

const track: OrderAction = {
  label: 'Track it',
  appliesTo: (order) => Boolean(order.trackingNumber) && ['shipped', 'out_for_delivery', 'delivered'].includes(order.status),
  async start({ orders, orderId, timeZone, loadOrder }) {
    const order = await loadOrder();
    if (!order) return unavailable;
    if (order.status === 'cancelled') {
      return { reply: `Order ${orderId} was cancelled${order.cancelledAt ? ` on ${orderDay(order.cancelledAt, timeZone)}` : ''} before it shipped, so there is nothing to track.` };
    }
    const tracking = await orders.getTracking(orderId);
    if (!tracking) return { reply: `Order ${orderId} hasn't shipped yet, so there is no tracking number for it yet.` };
    const latest = tracking.latest
      ? ` Latest update: ${tracking.latest.description}, ${tracking.latest.location} (${orderDay(tracking.latest.at, timeZone)}).`
      : '';
    const where =
      order.status === 'delivered' || order.status === 'returned'
        ? `was delivered by ${tracking.carrier}${order.deliveredAt ? ` on ${orderDay(order.deliveredAt, timeZone)}` : ''}, tracking number ${tracking.trackingNumber}.`
        : `is with ${tracking.carrier}, tracking number ${tracking.trackingNumber}.${latest}`;
    return { reply: `Order ${orderId} ${where}\nTrack it on the carrier's site: ${tracking.trackingUrl}` };
  },
};

const refund: OrderAction = {
  label: 'Refund status',
  appliesTo: (order) => order.refund.state !== 'none',
  async start({ orders, orderId, timeZone }) {
    const r = await orders.getRefund(orderId);
    if (!r || r.state === 'none') return { reply: `There is no refund on order ${orderId}.` };
    const amount = formatMoney(r.amountCents);
    switch (r.state) {
      case 'requested':
        return { reply: `Your return for order ${orderId} is open. The refund of ${amount} will be issued once we receive the item.` };
      case 'processing':
        return { reply: `Your refund of ${amount} for order ${orderId} is being processed${r.requestedAt ? ` (since ${orderDay(r.requestedAt, timeZone)})` : ''}. Refunds usually reach your account within 5-10 business days.` };
      case 'refunded':
        return { reply: `We refunded ${amount} for order ${orderId}${r.refundedAt ? ` on ${orderDay(r.refundedAt, timeZone)}` : ''}.` };
    }
  },
};

/** The eligibility verdict in words, with the same date format as every other order answer. */
function eligibilityMessage(e: ReturnEligibility, policy: ReturnPolicy, zone: string): string {
  const until = e.windowEndsAt ? orderDay(e.windowEndsAt, zone) : undefined;
  switch (e.reason) {
    case 'eligible':
      return until ? `This order can be returned until ${until}.` : e.message;
    case 'window_expired':
      return until ? `The ${policy.windowDays}-day return window for this order closed on ${until}.` : e.message;
    default:
      return e.message;
  }
}

const returnReasons = ['Wrong size or fit', 'Damaged or defective', 'Not as described', 'No longer needed', 'Something else'] as const;
const confirmReturnChoices = ['Yes, open the return', 'No, keep it'] as const;
const maxReasonChars = 500;

const describeItems = (order: Order): string => order.items.map((i) => (i.qty > 1 ? `${i.qty} × ${i.name}` : i.name)).join(', ');

const returnOrder: OrderAction = {
  label: 'Return it',
  appliesTo: (order, now, policy) => checkReturnEligibility(order, now, policy).eligible,
  async start({ orders, now, timeZone, loadOrder }) {
    const order = await loadOrder();
    if (!order) return unavailable;
    const eligibility = await orders.checkReturnEligibility(order, now);
    const message = eligibilityMessage(eligibility, orders.returnPolicy(), timeZone);
    if (!eligibility.eligible) return { reply: message };
    return { reply: message, ask: 'What is the reason for the return?', choices: returnReasons, step: 'reason' };
  },
  async answer(ctx, step, text, memo) {
    const { orders, orderId, now, loadOrder } = ctx;
    if (step === 'confirm') {
      const choice = matchChoice(text, confirmReturnChoices);
      const yes = choice === 0 ? true : choice === 1 ? false : parseYesNo(text);
      const reason = memo ?? 'Not given';
      if (yes === undefined) return { ask: `Please answer yes or no: shall I open the return for order ${orderId}?`, choices: confirmReturnChoices, step: 'confirm', memo: reason };
      if (!yes) return { reply: `OK, I haven't opened a return. Order ${orderId} stays as it is.` };
      const result = await orders.createReturn(orderId, reason, now);
      if (!result.ok) return { reply: result.message };
      if (result.alreadyRequested) return { reply: `A return was already open for this order. Your return number (RMA) is ${result.rmaNumber}.` };
      const steps = returnNextSteps(orders.returnPolicy(), reason, result.order.totalCents);
      return {
        reply: `Your return is open. Your return number (RMA) is ${result.rmaNumber}.\n\nWhat happens next:\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
      };
    }
    const picked = matchChoice(text, returnReasons);
    if (picked === returnReasons.length - 1) return { ask: 'Please tell me in a few words what is wrong with it.', step: 'reason' };
    const problem = picked === undefined ? checkFreeText(text, maxReasonChars) : undefined;
    if (problem) return { reply: freeTextProblemMessage(problem, maxReasonChars), ask: 'What is the reason for the return?', choices: returnReasons, step: 'reason' };
    const reason = picked === undefined ? text.trim() : (returnReasons[picked] ?? text.trim());
    const order = await loadOrder();
    if (!order) return unavailable;
    return {
      ask: `Shall I open a return for order ${orderId} (${describeItems(order)}, ${formatMoney(order.totalCents)}), reason: "${reason}"?`,
      choices: confirmReturnChoices,
      step: 'confirm',
      memo: reason,
    };
  },
};

/** Why an order that is no longer being prepared can't be cancelled, and what the customer can do instead. */
function notCancellable(order: Order, ctx: OrderActionContext, policy: ReturnPolicy): string {
  const zone = ctx.timeZone;
  switch (order.status) {
    case 'cancelled':
      return `Order ${order.id} was already cancelled${order.cancelledAt ? ` on ${orderDay(order.cancelledAt, zone)}` : ''}.`;
    case 'returned':
      return `Order ${order.id} was already returned to us, so there is nothing to cancel.`;
    case 'delivered': {
      const e = checkReturnEligibility(order, ctx.now, policy);
      const instead = e.eligible ? ` You can return it instead: ${eligibilityMessage(e, policy, zone)}` : ` ${eligibilityMessage(e, policy, zone)}`;
      return `Order ${order.id} was delivered${order.deliveredAt ? ` on ${orderDay(order.deliveredAt, zone)}` : ''}, so it can't be cancelled.${instead}`;
    }
    default:
      return `Order ${order.id} has already shipped${order.shippedAt ? ` (on ${orderDay(order.shippedAt, zone)})` : ''}, so it can no longer be cancelled. Once it arrives you can return it within ${policy.windowDays} days.`;
  }
}

const cancelOrder: OrderAction = {
  label: 'Cancel this order',
  appliesTo: (order) => order.status === 'processing',
  async start(ctx) {
    const { orderId, loadOrder, orders } = ctx;
    const order = await loadOrder();
    if (!order) return unavailable;
    if (order.status !== 'processing') return { reply: notCancellable(order, ctx, orders.returnPolicy()) };
    return { ask: `Do you want me to cancel order ${orderId} (${describeItems(order)}, ${formatMoney(order.totalCents)})?`, choices: ['Yes, cancel it', 'No, keep it'], step: 'confirm' };
  },
  async answer({ orders, orderId, now }, _step, text) {
    const choice = matchChoice(text, ['Yes, cancel it', 'No, keep it']);
    const yes = choice === 0 ? true : choice === 1 ? false : parseYesNo(text);
    if (yes === undefined) return { ask: `Please answer yes or no: should I cancel order ${orderId}?`, choices: ['Yes, cancel it', 'No, keep it'], step: 'confirm' };
    if (!yes) return { reply: `OK, I've left order ${orderId} as it is.` };
    const result = await orders.cancel(orderId, now);
    if (!result.ok) return { reply: result.message };
    if (result.alreadyCancelled) return { reply: `Order ${orderId} was already cancelled.` };
    return { reply: `Done: order ${orderId} is cancelled. Your refund of ${formatMoney(result.order.totalCents)} is being processed and usually arrives within 5-10 business days.` };
  },
};

/** Each orders intent and what it does, as data: the dialog looks the routed intent up here. */
export const orderActions: Readonly<Record<string, OrderAction>> = {
  'order.status': status,
  'order.track': track,
  'order.refund': refund,
  'order.return': returnOrder,
  'order.cancel': cancelOrder,
};
