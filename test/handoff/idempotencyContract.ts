import type { IdempotencyStore } from '../../src/handoff/idempotency';

export interface IdempotencyHarness {
  store: IdempotencyStore;
  second: IdempotencyStore;
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** The IdempotencyStore contract. */
export function idempotencyContract(name: string, make: () => Promise<IdempotencyHarness>): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let h: IdempotencyHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => h.close());

    it('accepts a key once per conversation, across processes', async () => {
      expect(await h.store.firstSeen('c1', 'msg-1', 60)).toBe(true);
      expect(await h.second.firstSeen('c1', 'msg-1', 60)).toBe(false);
      expect(await h.store.firstSeen('c2', 'msg-1', 60)).toBe(true);
      expect(await h.store.firstSeen('c1', 'msg-2', 60)).toBe(true);
    });

    it('exactly one of many concurrent senders wins', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? h.second : h.store).firstSeen('c1', 'race', 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('accepts the key again after forget or after the TTL', async () => {
      await h.store.firstSeen('c1', 'k', 1);
      await h.second.forget('c1', 'k');
      expect(await h.store.firstSeen('c1', 'k', 1)).toBe(true);
      await h.elapse(1100);
      expect(await h.store.firstSeen('c1', 'k', 1)).toBe(true);
    });
  });
}
