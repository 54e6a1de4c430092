import { type RecordStoreOptions, type RecordStoreSettings, recordStoreSettings } from '../recordStoreSettings';
import { fileRefillTicket, type RefillRequest, type RefillTicket } from './refillTicket';
import { newRefillTicketId } from './refillTicketId';
import { clampRefillListLimit, defaultRefillTicketTtlSeconds, type ListRefillTicketsOptions, type RefillTicketStore } from './refillTicketStore';

/** A ticket lives `ttlSeconds`. Default 30 days. */
export type RefillTicketStoreOptions = RecordStoreOptions;

/** In-process RefillTicketStore (one process, lost on restart). */
export class MemoryRefillTicketStore implements RefillTicketStore {
  private readonly tickets = new Map<string, RefillTicket>();
  private readonly settings: RecordStoreSettings;

  constructor(options: RefillTicketStoreOptions = {}) {
    this.settings = recordStoreSettings(options, { newId: newRefillTicketId, ttlSeconds: defaultRefillTicketTtlSeconds });
  }

  async create(request: RefillRequest): Promise<RefillTicket> {
    const ticket = fileRefillTicket(request, this.settings);
    if (this.live(ticket.id)) throw new Error('Refill ticket id collision');
    this.tickets.set(ticket.id, ticket);
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
    if (ticket && Date.parse(ticket.expiresAt) <= this.settings.now().getTime()) {
      this.tickets.delete(id);
      return undefined;
    }
    return ticket;
  }
}
