import type { Carrier, Order, OrderStatus, Refund, TrackingEvent } from './order';
import type { ReturnEligibility, ReturnEligibilityReason, ReturnPolicy } from './returnPolicy';

/** One line of a customer's order list, shown after they proved the email and ZIP code on it. */
export interface OrderSummary {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly placedAt: string;
  readonly itemCount: number;
  /** The first item's name ("Trail running shoes"), so the customer recognises the order. */
  readonly firstItem: string;
}

/** What a verified customer may be told about where their order is. */
export interface OrderStatusView {
  readonly orderId: string;
  readonly status: OrderStatus;
  /** Customer wording, e.g. "out for delivery". */
  readonly statusLabel: string;
  readonly placedAt: string;
  readonly shippedAt?: string;
  readonly deliveredAt?: string;
  readonly cancelledAt?: string;
  readonly estimatedDeliveryAt?: string;
  readonly itemCount: number;
}

export interface TrackingInfo {
  readonly orderId: string;
  readonly carrier: Carrier;
  readonly trackingNumber: string;
  /** The carrier's public tracking page for this parcel. */
  readonly trackingUrl: string;
  /** Oldest first. */
  readonly events: readonly TrackingEvent[];
  readonly latest?: TrackingEvent;
}

/** Why a return could not be opened: the order is unknown, or the reason from the return policy. */
export type CreateReturnFailure = 'not_found' | Exclude<ReturnEligibilityReason, 'eligible' | 'already_requested'>;

export type CreateReturnResult =
  | {
      readonly ok: true;
      readonly rmaNumber: string;
      /** True when this call found an existing return and returned it (idempotent repeat). */
      readonly alreadyRequested: boolean;
      readonly order: Order;
    }
  | { readonly ok: false; readonly reason: CreateReturnFailure; readonly message: string };

export type CancelOrderFailure = 'not_found' | 'already_shipped';

export type CancelOrderResult =
  | {
      readonly ok: true;
      /** True when the order was already cancelled before this call (idempotent repeat). */
      readonly alreadyCancelled: boolean;
      readonly order: Order;
    }
  | { readonly ok: false; readonly reason: CancelOrderFailure; readonly message: string };

/**
 * E-commerce orders. Only `verify` may be called with what an unverified customer typed; every other
 * operation assumes the caller already holds an order returned by `verify` for this conversation.
 * All ids accept the loose forms customers type ("td100001"); unknown ids give null / `not_found`.
 */
export interface OrderService {
  /**
   * Returns the order only when `emailOrPostcode` matches its email or postcode (case- and
   * space-insensitive; ZIP+4 matches the 5-digit ZIP). Unknown order and wrong secret both give null,
   * after the same amount of work, so a caller cannot probe which order ids exist.
   */
  verify(orderId: string, emailOrPostcode: string): Promise<Order | null>;
  /**
   * A customer without their order number: the orders whose email AND ZIP code both match, newest
   * first (an email alone, or a ZIP alone, finds nothing). Every order is compared, hit or miss.
   */
  findOrders(email: string, postcode: string): Promise<OrderSummary[]>;
  /** The return policy this service enforces (window, drop-off, refund timing). */
  returnPolicy(): ReturnPolicy;
  getStatus(orderId: string): Promise<OrderStatusView | null>;
  /** Null when the order is unknown or has no shipment yet (processing, or cancelled before shipping). */
  getTracking(orderId: string): Promise<TrackingInfo | null>;
  checkReturnEligibility(order: Order, now: Date): Promise<ReturnEligibility>;
  /**
   * Opens a return (RMA) and moves the refund to `requested`. Idempotent per order: a repeat returns
   * the same RMA number with `alreadyRequested: true`.
   */
  createReturn(orderId: string, reason: string, now: Date): Promise<CreateReturnResult>;
  /** Cancels an order that has not shipped yet; the full amount goes to refund `processing`. Idempotent. */
  cancel(orderId: string, now: Date): Promise<CancelOrderResult>;
  getRefund(orderId: string): Promise<Refund | null>;
}
