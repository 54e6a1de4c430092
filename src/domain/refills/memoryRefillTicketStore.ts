import { refillRequestSchema, type RefillRequest, type RefillTicket } from './refillTicket';
import { newRefillTicketId } from './refillTicketId';
import { clampRefillListLimit, defaultRefillTicketTtlSeconds, type ListRefillTicketsOptions, type RefillTicketStore } from './refillTicketStore';

export interface RefillTicketStoreOptions {
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Lifetime of a ticket in seconds. Default 30 days. */
  readonly ttlSeconds?: number;
}

/** In-process RefillTicketStore (one process, lost on restart). */
export class MemoryRefillTicketStore implements RefillTicketStore {
  private readonly tickets = new Map<string, RefillTicket>();
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly ttlSeconds: number;

  constructor(options: RefillTicketStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newRefillTicketId;
    this.ttlSeconds = options.ttlSeconds ?? defaultRefillTicketTtlSeconds;
  }

  async create(request: RefillRequest): Promise<RefillTicket> {
    const valid = refillRequestSchema.parse(request);
    const id = this.newId();
    if (this.live(id)) throw new Error('Refill ticket id collision');
    const createdAt = this.now();
    const ticket: RefillTicket = {
      ...valid,
      id,
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(createdAt.getTime() + this.ttlSeconds * 1000).toISOString(),
    };
    this.tickets.set(id, ticket);
    return structuredClone(ticket);
  }

  async get(id: string): Promise<RefillTicket | undefined> {
    const ticket = this.live(id);
    return ticket ? structuredClone(ticket) : undefined;
  }

  async list(options: ListRefillTicketsOptions = {}): Promise<RefillTicket[]> {
    return [...this.tickets.keys()]
      .flatMap((id) => {
        const ticket = this.live(id);
        return ticket ? [ticket] : [];
      })
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, clampRefillListLimit(options.limit))
      .map((t) => structuredClone(t));
  }

  /** The ticket while it lives; an expired one is dropped on sight. */
  private live(id: string): RefillTicket | undefined {
    const ticket = this.tickets.get(id);
    if (ticket && Date.parse(ticket.expiresAt) <= this.now().getTime()) {
      this.tickets.delete(id);
      return undefined;
    }
    return ticket;
  }
}
