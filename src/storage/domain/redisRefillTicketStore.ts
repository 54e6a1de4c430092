import type { RedisConnection } from '../redis/redisConnection';
import type { RefillTicketStoreOptions } from '../../domain/refills/memoryRefillTicketStore';
import { fileRefillTicket, parseRefillTicket, type RefillRequest, type RefillTicket } from '../../domain/refills/refillTicket';
import { newRefillTicketId } from '../../domain/refills/refillTicketId';
import {
  clampRefillListLimit,
  defaultRefillTicketTtlSeconds,
  type ListRefillTicketsOptions,
  type RefillTicketStore,
} from '../../domain/refills/refillTicketStore';
import type { KeyRegistry } from '../keys';
import { runRedis } from '../redis/runRedis';
import { type RecordStoreSettings, recordStoreSettings } from '../../domain/recordStoreSettings';

/**
 * RefillTicketStore on Redis: one JSON value per ticket with the ticket's lifetime as its TTL, and an
 * oldest-first worklist (sorted set by filing time), written in one MULTI inside the `{refill}` slot.
 * The worklist's own TTL is pushed out by every ticket, so nothing outlives the newest ticket.
 */
export class RedisRefillTicketStore implements RefillTicketStore {
  private readonly settings: RecordStoreSettings;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: RefillTicketStoreOptions = {},
  ) {
    this.settings = recordStoreSettings(options, { newId: newRefillTicketId, ttlSeconds: defaultRefillTicketTtlSeconds });
  }

  async create(request: RefillRequest): Promise<RefillTicket> {
    const ticket = fileRefillTicket(request, this.settings);
    await runRedis(this.redis, async () => {
      const tx = this.redis.multi();
      tx.set(this.keys.refillTicket(ticket.id), JSON.stringify(ticket), 'EX', this.settings.ttlSeconds, 'NX');
      tx.zadd(this.keys.refillWorklist, Date.parse(ticket.createdAt), ticket.id);
      tx.expire(this.keys.refillWorklist, this.settings.ttlSeconds);
      const replies = await tx.exec();
      const setReply = replies?.[0];
      if (!setReply || setReply[0] || setReply[1] !== 'OK') throw new Error('Refill ticket id collision or failed write');
    });
    return ticket;
  }

  async get(id: string): Promise<RefillTicket | undefined> {
    const json = await runRedis(this.redis, () => this.redis.get(this.keys.refillTicket(id)));
    const ticket = json ? parseRefillTicket(json) : undefined;
    // The store's clock decides, as in the memory twin; Redis's own TTL only cleans up.
    return ticket && this.alive(ticket) ? ticket : undefined;
  }

  async list(options: ListRefillTicketsOptions = {}): Promise<RefillTicket[]> {
    const limit = clampRefillListLimit(options.limit);
    const worklist = this.keys.refillWorklist;
    const ids = await runRedis(this.redis, () => this.redis.zrange(worklist, '0', String(limit - 1)));
    if (ids.length === 0) return [];
    const values = await runRedis(this.redis, () => this.redis.mget(...ids.map((id) => this.keys.refillTicket(id))));
    const tickets = values.map((json) => (json ? parseRefillTicket(json) : undefined));
    const gone = ids.filter((_, i) => {
      const ticket = tickets[i];
      return !ticket || !this.alive(ticket);
    });
    if (gone.length > 0) {
      await runRedis(this.redis, () => this.redis.zrem(worklist, ...gone));
      // The expired ones made room: read the worklist again so the limit is still met.
      return this.list(options);
    }
    return tickets.filter((t): t is RefillTicket => t !== undefined);
  }

  private alive(ticket: RefillTicket): boolean {
    return Date.parse(ticket.expiresAt) > this.settings.now().getTime();
  }
}
