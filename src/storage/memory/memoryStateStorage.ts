import type { Storage, StoreItems } from 'botbuilder';
import {
  assertStorageKeys,
  deserializeItem,
  isConditional,
  serializeItem,
  staleState,
  storageChanges,
} from '../storeItems';
import type { Clock } from '../../clock';

export interface MemoryStateStorageOptions {
  /** Items not written for this long read as missing. Default: kept until deleted. */
  ttlSeconds?: number;
  /** Most items held; the least recently written are dropped first. Default 100,000. */
  maxItems?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: Clock;
}

interface Entry {
  eTag: string;
  body: string;
  expiresAt: number;
}

/**
 * botbuilder `Storage` in process memory with the eTag rules of botbuilder's MemoryStorage: a write
 * with a stale eTag fails with `TandemError('STALE_STATE')`, while `'*'` or no eTag overwrites. Items
 * are stored as JSON, so reads return fresh copies with a new eTag after each write. A batch is
 * checked as a whole before anything is written.
 */
export class MemoryStateStorage implements Storage {
  private readonly entries = new Map<string, Entry>();
  private nextETag = 1;
  private readonly now: Clock;

  constructor(private readonly options: MemoryStateStorageOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertStorageKeys(keys);
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = deserializeItem(entry.body, entry.eTag);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = storageChanges(changes);
    const stale = entries
      .filter(([key, item]) => {
        const current = this.live(key);
        return current !== undefined && isConditional(item.eTag) && item.eTag !== current.eTag;
      })
      .map(([key]) => key);
    if (stale.length > 0) throw staleState(stale);
    const expiresAt = this.options.ttlSeconds ? this.now() + this.options.ttlSeconds * 1000 : Infinity;
    for (const [key, item] of entries) {
      // Re-inserting moves the key to the end, so iteration order is least recently written first.
      this.entries.delete(key);
      this.entries.set(key, { eTag: String(this.nextETag++), body: serializeItem(item), expiresAt });
    }
    const maxItems = this.options.maxItems ?? 100_000;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= maxItems) break;
      this.entries.delete(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    assertStorageKeys(keys);
    for (const key of keys) this.entries.delete(key);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
