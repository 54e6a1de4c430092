import { normalizeOrderId, orderStatusLabels, rmaNumberFor, type Order, type Refund } from './order';
import type { CancelOrderResult, CreateReturnResult, OrderService, OrderStatusView, OrderSummary, TrackingInfo } from './orderService';
import { checkReturnEligibility, defaultReturnPolicy, type ReturnEligibility, type ReturnPolicy } from './returnPolicy';
import { generateSampleOrders, trackingUrl } from './sampleOrders';
import { normalizeSecret, secretsMatch } from './secretMatch';

export interface EmbeddedOrderServiceOptions {
  /** The moment the sample data is relative to ("TD-100001 was delivered 5 days before anchor"). */
  readonly anchor: Date;
  readonly returnPolicy?: ReturnPolicy;
  /** Replaces the generated sample set (tests). */
  readonly orders?: readonly Order[];
}

// Compared against when the order id is unknown, so a miss costs the same work as a hit.
const decoy = { email: 'nobody@invalid.example', postcode: '00000' };

/** ZIP+4 ("10027-1234") verifies against the 5-digit ZIP on file. */
function postcodeCandidate(supplied: string): string {
  const compact = normalizeSecret(supplied);
  const zipPlus4 = /^(\d{5})-?\d{4}$/.exec(compact);
  return zipPlus4 ? (zipPlus4[1] as string) : compact;
}

/**
 * OrderService over the deterministic sample data. Mutations (returns, cancellations) live in this
 * instance's memory only: each process and each test gets its own copy.
 */
export class EmbeddedOrderService implements OrderService {
  private readonly orders = new Map<string, Order>();
  private readonly policy: ReturnPolicy;

  constructor(options: EmbeddedOrderServiceOptions) {
    this.policy = options.returnPolicy ?? defaultReturnPolicy;
    for (const order of options.orders ?? generateSampleOrders(options.anchor)) this.orders.set(order.id, order);
  }

  private find(orderId: string): Order | undefined {
    const id = normalizeOrderId(orderId);
    return id ? this.orders.get(id) : undefined;
  }

  async verify(orderId: string, emailOrPostcode: string): Promise<Order | null> {
    const order = this.find(orderId);
    const target = order ?? decoy;
    // Non-short-circuit `|`: both comparisons always run.
    const matched =
      Number(secretsMatch(emailOrPostcode, target.email)) | Number(secretsMatch(postcodeCandidate(emailOrPostcode), target.postcode));
    return order && matched === 1 ? order : null;
  }

  async findOrders(email: string, postcode: string): Promise<OrderSummary[]> {
    const zip = postcodeCandidate(postcode);
    const found: OrderSummary[] = [];
    for (const order of this.orders.values()) {
      // Non-short-circuit `&`: both comparisons always run, for every order.
      if ((Number(secretsMatch(email, order.email)) & Number(secretsMatch(zip, order.postcode))) === 1) {
        found.push({
          orderId: order.id,
          status: order.status,
          placedAt: order.placedAt,
          itemCount: order.items.reduce((sum, item) => sum + item.qty, 0),
          firstItem: order.items[0]?.name ?? 'Order',
        });
      }
    }
    return found.sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  }

  returnPolicy(): ReturnPolicy {
    return this.policy;
  }

  async getStatus(orderId: string): Promise<OrderStatusView | null> {
    const order = this.find(orderId);
    if (!order) return null;
    return {
      orderId: order.id,
      status: order.status,
      statusLabel: orderStatusLabels[order.status],
      placedAt: order.placedAt,
      itemCount: order.items.reduce((sum, item) => sum + item.qty, 0),
      ...(order.shippedAt ? { shippedAt: order.shippedAt } : {}),
      ...(order.deliveredAt ? { deliveredAt: order.deliveredAt } : {}),
      ...(order.cancelledAt ? { cancelledAt: order.cancelledAt } : {}),
      ...(order.estimatedDeliveryAt ? { estimatedDeliveryAt: order.estimatedDeliveryAt } : {}),
    };
  }

  async getTracking(orderId: string): Promise<TrackingInfo | null> {
    const order = this.find(orderId);
    if (!order?.carrier || !order.trackingNumber) return null;
    const latest = order.trackingEvents[order.trackingEvents.length - 1];
    return {
      orderId: order.id,
      carrier: order.carrier,
      trackingNumber: order.trackingNumber,
      trackingUrl: trackingUrl(order.carrier, order.trackingNumber),
      events: order.trackingEvents,
      ...(latest ? { latest } : {}),
    };
  }

  async checkReturnEligibility(order: Order, now: Date): Promise<ReturnEligibility> {
    // Decide on the current state, not on a copy the caller may have kept from an earlier turn.
    return checkReturnEligibility(this.orders.get(order.id) ?? order, now, this.policy);
  }

  async createReturn(orderId: string, reason: string, now: Date): Promise<CreateReturnResult> {
    const order = this.find(orderId);
    if (!order) return { ok: false, reason: 'not_found', message: 'I could not find that order.' };
    if (order.returnRequest && order.status !== 'returned') {
      return { ok: true, rmaNumber: order.returnRequest.rmaNumber, alreadyRequested: true, order };
    }
    const eligibility = checkReturnEligibility(order, now, this.policy);
    if (eligibility.reason !== 'eligible') {
      // `already_requested` was answered idempotently above, so only terminal reasons reach here.
      const reason = eligibility.reason === 'already_requested' ? 'already_returned' : eligibility.reason;
      return { ok: false, reason, message: eligibility.message };
    }
    const requestedAt = now.toISOString();
    const rmaNumber = rmaNumberFor(order.id);
    const updated: Order = {
      ...order,
      returnRequest: { rmaNumber, reason: reason.trim().slice(0, 500) || 'Not given', requestedAt },
      refund: { state: 'requested', amountCents: order.totalCents, requestedAt },
    };
    this.orders.set(order.id, updated);
    return { ok: true, rmaNumber, alreadyRequested: false, order: updated };
  }

  async cancel(orderId: string, now: Date): Promise<CancelOrderResult> {
    const order = this.find(orderId);
    if (!order) return { ok: false, reason: 'not_found', message: 'I could not find that order.' };
    if (order.status === 'cancelled') return { ok: true, alreadyCancelled: true, order };
    if (order.status !== 'processing') {
      return {
        ok: false,
        reason: 'already_shipped',
        message: 'This order has already shipped, so it can no longer be cancelled. You can return it once it arrives.',
      };
    }
    const at = now.toISOString();
    const { estimatedDeliveryAt: _dropped, ...rest } = order;
    const updated: Order = {
      ...rest,
      status: 'cancelled',
      cancelledAt: at,
      refund: { state: 'processing', amountCents: order.totalCents, requestedAt: at },
    };
    this.orders.set(order.id, updated);
    return { ok: true, alreadyCancelled: false, order: updated };
  }

  async getRefund(orderId: string): Promise<Refund | null> {
    return this.find(orderId)?.refund ?? null;
  }
}
