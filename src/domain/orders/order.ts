/** Order lifecycle, in the order an order normally moves through it. */
export const orderStatuses = ['processing', 'shipped', 'out_for_delivery', 'delivered', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Customer-facing wording for each status. */
export const orderStatusLabels: Readonly<Record<OrderStatus, string>> = {
  processing: 'being prepared',
  shipped: 'shipped',
  out_for_delivery: 'out for delivery',
  delivered: 'delivered',
  cancelled: 'cancelled',
  returned: 'returned',
};

export const refundStates = ['none', 'requested', 'processing', 'refunded'] as const;
export type RefundState = (typeof refundStates)[number];

export const carriers = ['UPS', 'USPS', 'FedEx'] as const;
export type Carrier = (typeof carriers)[number];

/** Order ids look like `TD-123456`. */
export const orderIdPattern = /^TD-\d{6}$/;

/**
 * Normalises what a customer types ("td 100001", "TD100001", " td-100001 ") to `TD-100001`.
 * Returns undefined when the text is not an order id at all.
 */
export function normalizeOrderId(input: string): string | undefined {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  const match = /^TD(\d{6})$/.exec(compact);
  return match ? `TD-${match[1]}` : undefined;
}

/** The return authorisation number of an order; one per order, so repeats are idempotent. */
export function rmaNumberFor(orderId: string): string {
  return `RMA-${orderId.replace(/^TD-/, '')}`;
}

export interface OrderItem {
  readonly sku: string;
  readonly name: string;
  readonly qty: number;
  /** Unit price in cents. */
  readonly priceCents: number;
}

export interface TrackingEvent {
  /** ISO-8601 UTC instant. */
  readonly at: string;
  /** Where the parcel was, e.g. "Louisville, KY". */
  readonly location: string;
  readonly description: string;
}

export interface Refund {
  readonly state: RefundState;
  /** Cents; 0 while state is `none`. */
  readonly amountCents: number;
  readonly requestedAt?: string;
  readonly refundedAt?: string;
}

export interface ReturnRequest {
  readonly rmaNumber: string;
  readonly reason: string;
  readonly requestedAt: string;
}

export interface Order {
  readonly id: string;
  readonly customerName: string;
  /** Lower-case. Personal data: never log. */
  readonly email: string;
  /** US ZIP code as stored, e.g. "10027". Personal data: never log. */
  readonly postcode: string;
  readonly status: OrderStatus;
  readonly items: readonly OrderItem[];
  readonly currency: 'USD';
  readonly totalCents: number;
  readonly placedAt: string;
  readonly shippedAt?: string;
  readonly deliveredAt?: string;
  readonly cancelledAt?: string;
  /** Estimated delivery for orders still on their way. */
  readonly estimatedDeliveryAt?: string;
  readonly carrier?: Carrier;
  readonly trackingNumber?: string;
  /** Oldest first. */
  readonly trackingEvents: readonly TrackingEvent[];
  readonly refund: Refund;
  readonly returnRequest?: ReturnRequest;
}

/** Sum of qty × unit price, in cents. */
export function orderTotalCents(items: readonly OrderItem[]): number {
  return items.reduce((sum, item) => sum + item.qty * item.priceCents, 0);
}

/** "$1,234.50" from cents. */
export function formatMoney(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}
