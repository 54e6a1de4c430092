import type { Clock } from '../clock';

/** Remembers idempotency keys per conversation, so a retried agent message is delivered once. */
export interface IdempotencyStore {
  /** True the first time (conversation, key) is seen within `ttlSeconds`; false for every repeat. */
  firstSeen(conversationId: string, key: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets a key, so a send that failed before delivery can be retried. */
  forget(conversationId: string, key: string): Promise<void>;
}

/** In-process idempotency keys with an injected clock; at most `maxKeys`, the oldest dropped first. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  // Insertion order is first-seen order, so the first entries are the oldest.
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly clock: Clock = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  async firstSeen(conversationId: string, key: string, ttlSeconds: number): Promise<boolean> {
    const now = this.clock();
    const id = JSON.stringify([conversationId, key]);
    const expiry = this.seen.get(id);
    if (expiry !== undefined && expiry > now) return false;
    this.seen.delete(id);
    this.seen.set(id, now + ttlSeconds * 1000);
    for (const [k, e] of this.seen) {
      if (this.seen.size <= this.maxKeys && e > now) break;
      this.seen.delete(k);
    }
    return true;
  }

  async forget(conversationId: string, key: string): Promise<void> {
    this.seen.delete(JSON.stringify([conversationId, key]));
  }
}
