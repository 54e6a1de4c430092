import type { DateClock } from '../clock';

/** What a store of dated records with generated ids may be given; tests fix the clock and the ids. */
export interface RecordStoreOptions {
  readonly now?: DateClock;
  readonly newId?: () => string;
  /** Lifetime of a record in seconds (0 keeps it, where the store allows that). */
  readonly ttlSeconds?: number;
}

export interface RecordStoreSettings {
  readonly now: DateClock;
  readonly newId: () => string;
  readonly ttlSeconds: number;
}

/** The options with each store's own defaults filled in (the system clock unless one is given). */
export function recordStoreSettings(options: RecordStoreOptions, defaults: { readonly newId: () => string; readonly ttlSeconds: number }): RecordStoreSettings {
  return {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? defaults.newId,
    ttlSeconds: options.ttlSeconds ?? defaults.ttlSeconds,
  };
}
