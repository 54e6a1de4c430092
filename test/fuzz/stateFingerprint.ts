import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/** Fields that hold machinery (clocks, loggers, queues of pending work), not stored data. */
const machinery = new Set(['now', 'clock', 'logger', 'serial', 'newId']);
const opaqueClasses = new Set(['Timeout', 'Immediate', 'Promise', 'EventEmitter']);

function walk(value: unknown, out: string[], seen: Set<object>): void {
  if (typeof value === 'string') {
    out.push(`s${value.length}:${value}`);
    return;
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'function') out.push(String(value));
    return;
  }
  if (seen.has(value)) {
    out.push('@');
    return;
  }
  seen.add(value);
  const className = (value as { constructor?: { name?: string } }).constructor?.name ?? '';
  if (opaqueClasses.has(className)) return;
  if (value instanceof Date) {
    out.push(`d${value.getTime()}`);
  } else if (value instanceof Map) {
    // Sorted: an LRU that moves a key on read has not changed what it stores.
    const entries = [...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    out.push(`M${entries.length}`);
    for (const [key, item] of entries) {
      walk(key, out, seen);
      walk(item, out, seen);
    }
  } else if (value instanceof Set) {
    out.push(`S${value.size}`);
    for (const item of value) walk(item, out, seen);
  } else if (Array.isArray(value)) {
    out.push(`A${value.length}`);
    for (const item of value) walk(item, out, seen);
  } else if (Buffer.isBuffer(value)) {
    out.push(`b${value.toString('base64')}`);
  } else {
    for (const key of Object.keys(value).sort()) {
      if (machinery.has(key)) continue;
      out.push(`k${key}`);
      walk((value as Record<string, unknown>)[key], out, seen);
    }
  }
}

/**
 * A digest of everything the in-memory stores hold, read through their private fields (Maps of
 * entries), so a test can tell whether a request changed any stored state at all.
 */
export function memoryFingerprint(stores: Readonly<Record<string, unknown>>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(stores).sort()) {
    const out: string[] = [`store:${name}`];
    walk(stores[name], out, new Set());
    hash.update(out.join('\u0001'));
  }
  return hash.digest('hex');
}

/** Per-store digests, to say which store changed. */
export function memoryFingerprints(stores: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.keys(stores).map((name) => [name, memoryFingerprint({ [name]: stores[name] })]));
}

/**
 * A digest of every key under `pattern` and its value (DUMP), except the rate limiter's counters,
 * which count refused requests too by design.
 */
export async function redisFingerprint(redis: Redis, pattern: string): Promise<{ digest: string; keys: Map<string, string> }> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch.filter((key) => !key.includes(':ratelimit:')));
  } while (cursor !== '0');
  keys.sort();
  const pipeline = redis.pipeline();
  for (const key of keys) pipeline.dumpBuffer(key);
  const dumps = (await pipeline.exec()) ?? [];
  const hash = createHash('sha256');
  const perKey = new Map<string, string>();
  keys.forEach((key, i) => {
    const dump = dumps[i]?.[1] as Buffer | null | undefined;
    const digest = createHash('sha256').update(dump ?? Buffer.alloc(0)).digest('hex');
    perKey.set(key, digest);
    hash.update(`${key}\u0001${digest}\u0002`);
  });
  return { digest: hash.digest('hex'), keys: perKey };
}
