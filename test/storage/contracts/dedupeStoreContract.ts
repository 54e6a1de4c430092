import type { DedupeStore } from '../../../src/storage/ports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function started(store: DedupeStore, key: string, leaseMs = 60_000): Promise<string> {
  const begun = await store.begin(key, leaseMs);
  if (begun.status !== 'started') throw new Error(`expected to start ${key}, got ${begun.status}`);
  return begun.token;
}

/** The DedupeStore contract (in-progress lease, then done), for any implementation. */
export function dedupeStoreContract(create: () => DedupeStore): void {
  let store: DedupeStore;
  beforeEach(() => {
    store = create();
  });

  it('starts a key once, reports it in progress while leased and done once completed', async () => {
    await started(store, 'webchat:c:act-1');
    await expect(store.begin('webchat:c:act-1', 60_000)).resolves.toEqual({ status: 'in_progress' });
    await store.complete('webchat:c:act-1', 60);
    await expect(store.begin('webchat:c:act-1', 60_000)).resolves.toEqual({ status: 'done' });
    await expect(store.begin('webchat:c:act-1', 60_000)).resolves.toEqual({ status: 'done' });
  });

  it('keeps keys apart', async () => {
    await started(store, 'webchat:c:act-1');
    await started(store, 'webchat:c:act-2');
    await started(store, 'msteams:c:act-1');
  });

  it('lets exactly one of many concurrent callers start a key', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => store.begin('webchat:c:race', 60_000)));
    expect(results.filter((result) => result.status === 'started')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'in_progress')).toHaveLength(9);
  });

  it('lets a retry start again once the lease of a crashed turn has run out', async () => {
    await started(store, 'webchat:c:crashed', 150);
    await expect(store.begin('webchat:c:crashed', 150)).resolves.toEqual({ status: 'in_progress' });
    await sleep(300);
    await started(store, 'webchat:c:crashed');
  });

  it('keeps a renewed lease alive, and only for its holder', async () => {
    const token = await started(store, 'webchat:c:long', 200);
    await expect(store.renew('webchat:c:long', token, 60_000)).resolves.toBe(true);
    await expect(store.renew('webchat:c:long', 'someone-else', 60_000)).resolves.toBe(false);
    await sleep(300);
    await expect(store.begin('webchat:c:long', 60_000)).resolves.toEqual({ status: 'in_progress' });
    await expect(store.renew('webchat:c:never', token, 60_000)).resolves.toBe(false);
  });

  it('lets the channel retry an abandoned turn, but only the holder can abandon it', async () => {
    const token = await started(store, 'webchat:c:failed');
    await store.abandon('webchat:c:failed', 'someone-else');
    await expect(store.begin('webchat:c:failed', 60_000)).resolves.toEqual({ status: 'in_progress' });
    await store.abandon('webchat:c:failed', token);
    await started(store, 'webchat:c:failed');
    await expect(store.abandon('never-seen', token)).resolves.toBeUndefined();
  });

  it('does not let an abandon undo a completed turn', async () => {
    const token = await started(store, 'webchat:c:finished');
    await store.complete('webchat:c:finished', 60);
    await store.abandon('webchat:c:finished', token);
    await expect(store.begin('webchat:c:finished', 60_000)).resolves.toEqual({ status: 'done' });
  });

  it('forgets a done key after its TTL', async () => {
    await started(store, 'webchat:c:short');
    await store.complete('webchat:c:short', 1);
    await expect(store.begin('webchat:c:short', 60_000)).resolves.toEqual({ status: 'done' });
    await sleep(1100);
    await started(store, 'webchat:c:short');
  });

  it('rejects an empty key or a lease or TTL out of range with BAD_REQUEST', async () => {
    await expect(store.begin('', 60_000)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.begin('k', 0)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.begin('k', Number.NaN)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.complete('k', 0)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await started(store, 'k');
  });
}
