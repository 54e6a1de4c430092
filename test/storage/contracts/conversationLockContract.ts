import type { ConversationLock } from '../../../src/storage/ports';
import { TandemError } from '../../../src/errors';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ConversationLock contract, for any implementation. */
export function conversationLockContract(create: () => ConversationLock): void {
  let locks: ConversationLock;
  beforeEach(() => {
    locks = create();
  });

  it('grants a free lock at once with a token', async () => {
    const handle = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
    expect(handle.token).toEqual(expect.any(String));
    expect(handle.token.length).toBeGreaterThan(0);
    await handle.release();
  });

  it('makes a second acquirer wait until the first releases', async () => {
    const first = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
    let secondGot = false;
    const second = locks.acquire('conv-1', { ttlMs: 5000, waitMs: 3000 }).then((h) => {
      secondGot = true;
      return h;
    });
    await sleep(150);
    expect(secondGot).toBe(false);
    await first.release();
    const handle = await second;
    expect(secondGot).toBe(true);
    expect(handle.token).not.toBe(first.token);
    await handle.release();
  });

  it('never lets two holders into the same conversation at once', async () => {
    let inside = 0;
    let overlaps = 0;
    const worker = async () => {
      const handle = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 5000 });
      inside += 1;
      if (inside > 1) overlaps += 1;
      await sleep(20);
      inside -= 1;
      await handle.release();
    };
    await Promise.all(Array.from({ length: 5 }, worker));
    expect(overlaps).toBe(0);
  });

  it('does not block other conversations', async () => {
    const a = await locks.acquire('conv-a', { ttlMs: 5000, waitMs: 0 });
    const b = await locks.acquire('conv-b', { ttlMs: 5000, waitMs: 0 });
    await Promise.all([a.release(), b.release()]);
  });

  it('fails with LOCK_TIMEOUT when the lock stays held beyond waitMs', async () => {
    const holder = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
    const started = Date.now();
    const attempt = locks.acquire('conv-1', { ttlMs: 5000, waitMs: 200 });
    await expect(attempt).rejects.toBeInstanceOf(TandemError);
    await expect(attempt).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
    // Only a lower bound: how much longer than waitMs it takes depends on the machine's load.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await expect(locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 })).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
    await holder.release();
  });

  it('frees the lock of a holder that never releases once its TTL passes', async () => {
    await locks.acquire('conv-1', { ttlMs: 300, waitMs: 0 });
    const started = Date.now();
    const next = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 3000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await next.release();
  });

  it('ignores a release by a holder whose lock already expired and passed to someone else', async () => {
    const crashed = await locks.acquire('conv-1', { ttlMs: 200, waitMs: 0 });
    const current = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 3000 });
    await crashed.release();
    await expect(locks.acquire('conv-1', { ttlMs: 5000, waitMs: 100 })).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
    await current.release();
    const after = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
    await after.release();
  });

  it('treats a second release as a no-op', async () => {
    const handle = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
    await handle.release();
    const next = await locks.acquire('conv-1', { ttlMs: 5000, waitMs: 0 });
    await handle.release();
    await expect(locks.acquire('conv-1', { ttlMs: 5000, waitMs: 50 })).rejects.toMatchObject({ code: 'LOCK_TIMEOUT' });
    await next.release();
  });

  it('rejects nonsense arguments with BAD_REQUEST', async () => {
    await expect(locks.acquire('', { ttlMs: 1000, waitMs: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(locks.acquire('conv-1', { ttlMs: 0, waitMs: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(locks.acquire('conv-1', { ttlMs: 1000, waitMs: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
}
