import type { DedupeStore } from '../../../src/storage/ports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The DedupeStore contract, for any implementation. */
export function dedupeStoreContract(create: () => DedupeStore): void {
  let store: DedupeStore;
  beforeEach(() => {
    store = create();
  });

  it('accepts a key the first time and refuses every repeat within the TTL', async () => {
    await expect(store.firstSeen('webchat:act-1', 60)).resolves.toBe(true);
    await expect(store.firstSeen('webchat:act-1', 60)).resolves.toBe(false);
    await expect(store.firstSeen('webchat:act-1', 60)).resolves.toBe(false);
  });

  it('keeps keys apart', async () => {
    await expect(store.firstSeen('webchat:act-1', 60)).resolves.toBe(true);
    await expect(store.firstSeen('webchat:act-2', 60)).resolves.toBe(true);
    await expect(store.firstSeen('msteams:act-1', 60)).resolves.toBe(true);
  });

  it('lets exactly one of many concurrent callers see a key first', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => store.firstSeen('webchat:race', 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('accepts a key again after its TTL has passed', async () => {
    await expect(store.firstSeen('webchat:short', 1)).resolves.toBe(true);
    await expect(store.firstSeen('webchat:short', 1)).resolves.toBe(false);
    await sleep(1100);
    await expect(store.firstSeen('webchat:short', 1)).resolves.toBe(true);
  });

  it('accepts a key again once it is forgotten', async () => {
    await store.firstSeen('webchat:retry', 60);
    await store.forget('webchat:retry');
    await expect(store.firstSeen('webchat:retry', 60)).resolves.toBe(true);
    await expect(store.forget('never-seen')).resolves.toBeUndefined();
  });

  it('rejects an empty key or a TTL below one second with BAD_REQUEST', async () => {
    await expect(store.firstSeen('', 60)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.firstSeen('k', 0)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.firstSeen('k', Number.NaN)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.firstSeen('k', 60)).resolves.toBe(true);
  });
}
