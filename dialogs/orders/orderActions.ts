import { formatMoney } from '../../src/domain/orders/order';
import type { Order } from '../../src/domain/orders/order';
import type { OrderService } from '../../src/domain/orders/orderService';
import { checkFreeText, freeTextProblemMessage } from '../answers/freeText';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';

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

/** An action either answers, or asks one more question and waits (`step` names what it waits for). */
export type ActionOutcome =
  | { readonly reply: string }
  | { readonly reply?: string; readonly ask: string; readonly choices?: readonly string[]; readonly step: string };

export interface OrderAction {
  /** Offered as a suggested action after another action on the same order. */
  readonly label: string;
  start(ctx: OrderActionContext): Promise<ActionOutcome>;
  answer?(ctx: OrderActionContext, step: string, text: string): Promise<ActionOutcome>;
}

const day = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(iso));

const status: OrderAction = {
  label: 'Order status',
  async start({ orders, orderId, timeZone }) {
    const view = await orders.getStatus(orderId);
    if (!view) return { reply: "Sorry, I couldn't load that order just now. Please try again in a moment." };
    const items = `${view.itemCount} item${view.itemCount === 1 ? '' : 's'}`;
    const when =
      view.deliveredAt ? ` on ${day(view.deliveredAt, timeZone)}`
      : view.cancelledAt ? ` on ${day(view.cancelledAt, timeZone)}`
      : view.shippedAt && view.status === 'shipped' ? ` on ${day(view.shippedAt, timeZone)}`
      : '';
    const eta = view.estimatedDeliveryAt && !view.deliveredAt && !view.cancelledAt ? ` Estimated delivery: ${day(view.estimatedDeliveryAt, timeZone)}.` : '';
    return { reply: `Order ${view.orderId} (${items}, placed ${day(view.placedAt, timeZone)}) is ${view.statusLabel}${when}.${eta}` };
  },
};

const track: OrderAction = {
  label: 'Track it',
  async start({ orders, orderId, timeZone }) {
    const tracking = await orders.getTracking(orderId);
    if (!tracking) return { reply: `Order ${orderId} hasn't shipped, so there is no tracking number for it yet.` };
    const latest = tracking.latest
      ? ` Latest update: ${tracking.latest.description}, ${tracking.latest.location} (${day(tracking.latest.at, timeZone)}).`
      : '';
    return { reply: `Order ${orderId} is with ${tracking.carrier}, tracking number ${tracking.trackingNumber}.${latest}\nTrack it on the carrier's site: ${tracking.trackingUrl}` };
  },
};

const refund: OrderAction = {
  label: 'Refund status',
  async start({ orders, orderId, timeZone }) {
    const r = await orders.getRefund(orderId);
    if (!r || r.state === 'none') return { reply: `There is no refund on order ${orderId}. If you'd like to send something back, say "return it".` };
    const amount = formatMoney(r.amountCents);
    switch (r.state) {
      case 'requested':
        return { reply: `Your return for order ${orderId} is open. The refund of ${amount} will be issued once we receive the item.` };
      case 'processing':
        return { reply: `Your refund of ${amount} for order ${orderId} is being processed${r.requestedAt ? ` (since ${day(r.requestedAt, timeZone)})` : ''}. Refunds usually reach your account within 5-10 business days.` };
      case 'refunded':
        return { reply: `We refunded ${amount} for order ${orderId}${r.refundedAt ? ` on ${day(r.refundedAt, timeZone)}` : ''}.` };
    }
  },
};

const returnReasons = ['Wrong size or fit', 'Damaged or defective', 'Not as described', 'No longer needed', 'Something else'] as const;
const maxReasonChars = 500;

const returnOrder: OrderAction = {
  label: 'Return it',
  async start({ orders, now, loadOrder }) {
    const order = await loadOrder();
    if (!order) return { reply: "Sorry, I couldn't load that order just now. Please try again in a moment." };
    const eligibility = await orders.checkReturnEligibility(order, now);
    if (!eligibility.eligible) return { reply: eligibility.message };
    return { reply: eligibility.message, ask: 'What is the reason for the return?', choices: returnReasons, step: 'reason' };
  },
  async answer({ orders, orderId, now }, _step, text) {
    const picked = matchChoice(text, returnReasons);
    if (picked === returnReasons.length - 1) return { ask: 'Please tell me in a few words what is wrong with it.', step: 'reason' };
    const problem = picked === undefined ? checkFreeText(text, maxReasonChars) : undefined;
    if (problem) return { reply: freeTextProblemMessage(problem, maxReasonChars), ask: 'What is the reason for the return?', choices: returnReasons, step: 'reason' };
    const reason = picked === undefined ? text.trim() : returnReasons[picked] ?? text.trim();
    const result = await orders.createReturn(orderId, reason, now);
    if (!result.ok) return { reply: result.message };
    const prefix = result.alreadyRequested ? 'A return was already open for this order.' : 'Your return is open.';
    return { reply: `${prefix} Your return number (RMA) is ${result.rmaNumber}. Write it on the parcel; your refund of ${formatMoney(result.order.totalCents)} is issued once the item arrives.` };
  },
};

const cancelOrder: OrderAction = {
  label: 'Cancel this order',
  async start({ orderId, loadOrder }) {
    const order = await loadOrder();
    if (!order) return { reply: "Sorry, I couldn't load that order just now. Please try again in a moment." };
    if (order.status === 'cancelled') return { reply: `Order ${orderId} is already cancelled.` };
    if (order.status !== 'processing') {
      return { reply: 'This order has already shipped, so it can no longer be cancelled. You can return it once it arrives.' };
    }
    const what = order.items.map((i) => (i.qty > 1 ? `${i.qty} × ${i.name}` : i.name)).join(', ');
    return { ask: `Do you want me to cancel order ${orderId} (${what}, ${formatMoney(order.totalCents)})?`, choices: ['Yes, cancel it', 'No, keep it'], step: 'confirm' };
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
