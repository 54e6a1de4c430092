import type { StoreItem, StoreItems } from 'botbuilder';
import { TandemError } from '../errors';

/** The eTag that means "overwrite whatever is stored". */
export const anyETag = '*';

/** Throws a clear error (and changes nothing) when botbuilder Storage is called with bad keys. */
export function assertStorageKeys(keys: unknown): asserts keys is string[] {
  if (!Array.isArray(keys)) throw new TandemError('BAD_REQUEST', 'Storage keys must be an array of strings');
  for (const key of keys) {
    if (typeof key !== 'string' || key.length === 0) {
      throw new TandemError('BAD_REQUEST', 'Storage keys must be non-empty strings');
    }
  }
}

/** Validates a Storage write batch and returns its entries; throws before any change is made. */
export function storageChanges(changes: unknown): Array<[string, StoreItem]> {
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
    throw new TandemError('BAD_REQUEST', 'Storage changes must be an object of store items');
  }
  const entries = Object.entries(changes as StoreItems);
  for (const [key, item] of entries) {
    if (key.length === 0) throw new TandemError('BAD_REQUEST', 'Storage keys must be non-empty strings');
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new TandemError('BAD_REQUEST', `Storage item "${key}" must be an object`);
    }
  }
  return entries as Array<[string, StoreItem]>;
}

/** True when a write carrying `eTag` must be checked against the stored eTag. */
export function isConditional(eTag: unknown): eTag is string {
  return typeof eTag === 'string' && eTag.length > 0 && eTag !== anyETag;
}

/** The JSON body stored for an item: everything but its eTag (the store assigns a new one). */
export function serializeItem(item: StoreItem): string {
  const { eTag: _eTag, ...body } = item;
  return JSON.stringify(body);
}

export function deserializeItem(body: string, eTag: string): StoreItem {
  return { ...(JSON.parse(body) as Record<string, unknown>), eTag };
}

export function staleState(keys: readonly string[]): TandemError {
  return new TandemError('STALE_STATE', `eTag conflict writing ${keys.map((k) => `"${k}"`).join(', ')}`);
}
