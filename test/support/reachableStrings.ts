/** One string reachable from a root object, with the path it was found at (e.g. `handoffPorts.store.records[c-1].summary`). */
export interface FoundString {
  readonly path: string;
  readonly value: string;
}

/**
 * Every string reachable from `root` through own properties, array items, Map keys and values and Set
 * members (each object visited once): what a process keeps in memory, as far as the app can reach it.
 */
export function reachableStrings(root: unknown, options: { skip?: (path: string, value: object) => boolean } = {}): FoundString[] {
  const found: FoundString[] = [];
  const seen = new WeakSet<object>();
  const stack: Array<[string, unknown]> = [['app', root]];
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (typeof value === 'string') {
      found.push({ path, value });
      continue;
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue;
    if (seen.has(value) || options.skip?.(path, value)) continue;
    seen.add(value);
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) continue;
    if (value instanceof Map) {
      for (const [k, v] of value) {
        stack.push([`${path}<key>`, k]);
        stack.push([`${path}[${typeof k === 'string' ? k : '?'}]`, v]);
      }
      continue;
    }
    if (value instanceof Set) {
      for (const v of value) stack.push([`${path}{}`, v]);
      continue;
    }
    if (value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) continue;
    for (const key of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) stack.push([`${path}.${key}`, descriptor.value]);
    }
  }
  return found;
}
