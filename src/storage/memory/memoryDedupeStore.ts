import type { DedupeStore } from '../ports';
import { requireId, requireNumber } from '../validate';

export interface MemoryDedupeStoreOptions {
  /** Most keys remembered at once; the oldest are forgotten first. Default 100,000. */
  maxEntries?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** DedupeStore in process memory: a bounded map of key → expiry time. */
export class MemoryDedupeStore implements DedupeStore {
  // Map iteration follows insertion order, and a key is re-inserted when renewed, so the oldest
  // entries (the first to expire for a common TTL) come first.
  private readonly expiries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryDedupeStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    requireId(key, 'Dedupe key');
    requireNumber(ttlSeconds, 'Dedupe TTL (seconds)', 1);
    const now = this.now();
    const expiresAt = this.expiries.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.expiries.delete(key);
    this.expiries.set(key, now + ttlSeconds * 1000);
    this.prune(now);
    return true;
  }

  async forget(key: string): Promise<void> {
    requireId(key, 'Dedupe key');
    this.expiries.delete(key);
  }

  /** How many keys are held (expired ones included until pruned); for tests and metrics. */
  get size(): number {
    return this.expiries.size;
  }

  private prune(now: number): void {
    for (const [key, expiresAt] of this.expiries) {
      if (this.expiries.size <= this.maxEntries && expiresAt > now) break;
      this.expiries.delete(key);
    }
  }
}
