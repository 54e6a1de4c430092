import type { Storage, StoreItem } from 'botbuilder';
import { TandemError } from '../../../src/errors';

export type StorageFactory = (options?: { ttlSeconds?: number }) => Storage;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(TandemError);
  await expect(promise).rejects.toMatchObject({ code });
}

/** The botbuilder Storage contract (eTag semantics as in botbuilder's MemoryStorage), for any implementation. */
export function storageContract(create: StorageFactory): void {
  let storage: Storage;
  beforeEach(() => {
    storage = create();
  });

  it('reads nothing for keys that were never written', async () => {
    await expect(storage.read(['missing-1', 'missing-2'])).resolves.toEqual({});
    await expect(storage.read([])).resolves.toEqual({});
  });

  it('reads back what was written, with a non-empty eTag', async () => {
    await storage.write({ a: { count: 1, nested: { list: [1, 'two', null] } }, 'b/with:odd {chars}': { ok: true } });
    const items = await storage.read(['a', 'b/with:odd {chars}', 'missing']);
    expect(Object.keys(items).sort()).toEqual(['a', 'b/with:odd {chars}']);
    expect(items.a).toMatchObject({ count: 1, nested: { list: [1, 'two', null] } });
    expect(typeof items.a.eTag).toBe('string');
    expect(items.a.eTag.length).toBeGreaterThan(0);
    expect(items['b/with:odd {chars}']).toMatchObject({ ok: true });
  });

  it('gives every write a new eTag', async () => {
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k as StoreItem;
    await storage.write({ k: { v: 2, eTag: first.eTag } });
    const second = (await storage.read(['k'])).k as StoreItem;
    expect(second.v).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  it('rejects a write with a stale eTag with STALE_STATE and keeps the stored value', async () => {
    await storage.write({ k: { v: 1 } });
    const stale = (await storage.read(['k'])).k as StoreItem;
    await storage.write({ k: { v: 2, eTag: stale.eTag } });
    await expectCode(storage.write({ k: { v: 3, eTag: stale.eTag } }), 'STALE_STATE');
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2 });
  });

  it("overwrites regardless of the stored eTag when the eTag is '*'", async () => {
    await storage.write({ k: { v: 1 } });
    await storage.write({ k: { v: 2, eTag: '*' } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2 });
  });

  it('overwrites when the item carries no eTag', async () => {
    await storage.write({ k: { v: 1 } });
    await storage.write({ k: { v: 2 } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2 });
  });

  it('creates an item that does not exist even when the write carries an eTag', async () => {
    await storage.write({ fresh: { v: 1, eTag: 'some-old-etag' } });
    expect((await storage.read(['fresh'])).fresh).toMatchObject({ v: 1 });
  });

  it('lets exactly one of several concurrent writes with the same eTag win', async () => {
    await storage.write({ k: { v: 0 } });
    const { eTag } = (await storage.read(['k'])).k as StoreItem;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_unused, i) => storage.write({ k: { v: i + 1, eTag } })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const r of lost) expect(r.reason).toMatchObject({ code: 'STALE_STATE' });
    const winner = results.findIndex((r) => r.status === 'fulfilled') + 1;
    expect((await storage.read(['k'])).k).toMatchObject({ v: winner });
  });

  it('returns copies, so changing a read item does not change the store', async () => {
    await storage.write({ k: { list: [1] } });
    const item = (await storage.read(['k'])).k as { list: number[] };
    item.list.push(2);
    expect((await storage.read(['k'])).k).toMatchObject({ list: [1] });
  });

  it('deletes items, and deleting a missing item is not an error', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.delete(['a', 'never-written']);
    const items = await storage.read(['a', 'b']);
    expect(items.a).toBeUndefined();
    expect(items.b).toMatchObject({ v: 2 });
  });

  it('rejects bad input with BAD_REQUEST and changes nothing', async () => {
    await storage.write({ k: { v: 1 } });
    await expectCode(storage.read(undefined as unknown as string[]), 'BAD_REQUEST');
    await expectCode(storage.write(null as unknown as Record<string, unknown>), 'BAD_REQUEST');
    await expectCode(storage.write({ k: { v: 2 }, bad: 'not an object' }), 'BAD_REQUEST');
    await expectCode(storage.delete([''] as string[]), 'BAD_REQUEST');
    expect((await storage.read(['k'])).k).toMatchObject({ v: 1 });
  });

  it('forgets items after the optional TTL', async () => {
    const expiring = create({ ttlSeconds: 1 });
    await expiring.write({ k: { v: 1 } });
    expect((await expiring.read(['k'])).k).toMatchObject({ v: 1 });
    await sleep(1100);
    await expect(expiring.read(['k'])).resolves.toEqual({});
  });
}
