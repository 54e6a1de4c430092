import { randomUUID } from 'node:crypto';
import { type DedupeBegin, type DedupeStore, DedupeStatus } from '../ports';
import { requireId, requireNumber } from '../validate';
import type { Clock } from '../../clock';

export interface MemoryDedupeStoreOptions {
  /** Most keys remembered at once; the oldest are forgotten first. Default 100,000. */
  maxEntries?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: Clock;
}

interface Entry {
  /** The lease holder's token while in progress; undefined once done. */
  readonly token: string | undefined;
  readonly expiresAt: number;
}

/** DedupeStore in process memory: a bounded map of key → lease or done mark, each with an expiry. */
export class MemoryDedupeStore implements DedupeStore {
  // Map iteration follows insertion order, and a key is re-inserted on every write, so the oldest
  // entries come first.
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: Clock;

  constructor(options: MemoryDedupeStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  async begin(key: string, leaseMs: number): Promise<DedupeBegin> {
    requireId(key, 'Dedupe key');
    requireNumber(leaseMs, 'Dedupe lease (ms)', 1);
    const current = this.live(key);
    if (current) return { status: current.token === undefined ? DedupeStatus.done : DedupeStatus.inProgress };
    const token = randomUUID();
    this.put(key, { token, expiresAt: this.now() + leaseMs });
    return { status: DedupeStatus.started, token };
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    requireId(key, 'Dedupe key');
    requireNumber(leaseMs, 'Dedupe lease (ms)', 1);
    if (this.live(key)?.token !== token) return false;
    this.put(key, { token, expiresAt: this.now() + leaseMs });
    return true;
  }

  async complete(key: string, ttlSeconds: number): Promise<void> {
    requireId(key, 'Dedupe key');
    requireNumber(ttlSeconds, 'Dedupe TTL (seconds)', 1);
    this.put(key, { token: undefined, expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async abandon(key: string, token: string): Promise<void> {
    requireId(key, 'Dedupe key');
    if (this.live(key)?.token === token) this.entries.delete(key);
  }

  /** How many keys are held (expired ones included until pruned); for tests and metrics. */
  get size(): number {
    return this.entries.size;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  private put(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    const now = this.now();
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && old.expiresAt > now) break;
      this.entries.delete(oldKey);
    }
  }
}
