import type { RefillRequest, RefillTicket } from './refillTicket';

export interface ListRefillTicketsOptions {
  /** Default 50, at most 500. */
  readonly limit?: number;
}

/**
 * Refill requests waiting for the care team. Tickets hold health data: stores keep them as given,
 * never log them, and forget each one when its lifetime (REFILL_TICKET_TTL_SECONDS) is over.
 */
export interface RefillTicketStore {
  /** Files a new ticket under a new id; tickets are never overwritten. */
  create(request: RefillRequest): Promise<RefillTicket>;
  /** Undefined when unknown or past its lifetime. */
  get(id: string): Promise<RefillTicket | undefined>;
  /** The care team's worklist, oldest first: the order the tickets fall due in. */
  list(options?: ListRefillTicketsOptions): Promise<RefillTicket[]>;
}

export const defaultRefillTicketTtlSeconds = 30 * 24 * 3600;

export function clampRefillListLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? 50), 1), 500);
}
