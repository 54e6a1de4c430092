import type { PresenceStore } from '../../src/handoff/presence';

export interface PresenceHarness {
  store: PresenceStore;
  /** A second store over the same state (another process); the memory twin returns the same one. */
  second: PresenceStore;
  /** Lets `ms` pass: a fake clock for memory, real time for Redis (whose TTLs run on the server clock). */
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** The PresenceStore contract; `make(ttlMs)` builds a store with that heartbeat TTL. */
export function presenceContract(name: string, make: (ttlMs: number) => Promise<PresenceHarness>): void {
  describe(`PresenceStore contract: ${name}`, () => {
    const ttl = 600;
    let h: PresenceHarness;
    beforeEach(async () => {
      h = await make(ttl);
    });
    afterEach(async () => h.close());

    it('lists agents who sent a heartbeat, sorted, to every process', async () => {
      expect(await h.store.online()).toEqual([]);
      await h.store.heartbeat('lee');
      await h.second.heartbeat('dana');
      expect(await h.store.online()).toEqual(['dana', 'lee']);
      expect(await h.second.online()).toEqual(['dana', 'lee']);
    });

    it('forgets an agent whose heartbeats stop, and keeps one who keeps beating', async () => {
      await h.store.heartbeat('dana');
      await h.store.heartbeat('lee');
      await h.elapse(400);
      await h.store.heartbeat('lee');
      await h.elapse(400);
      expect(await h.store.online()).toEqual(['lee']);
      await h.elapse(800);
      expect(await h.second.online()).toEqual([]);
    });

    it('takes an agent offline at once', async () => {
      await h.store.heartbeat('dana');
      await h.second.offline('dana');
      expect(await h.store.online()).toEqual([]);
      await h.store.offline('never-seen');
    });
  });
}
