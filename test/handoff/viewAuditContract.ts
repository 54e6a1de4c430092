import type { ConversationView, ViewAuditLog, ViewAuditOptions } from '../../src/handoff/viewAudit';

export interface ViewAuditHarness {
  log: ViewAuditLog;
  /** A second log over the same state (another process); the memory twin returns the same one. */
  second: ViewAuditLog;
  /** Lets `ms` pass for expiry. */
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** The ViewAuditLog contract, run for the memory and the Redis implementation. */
export function viewAuditContract(name: string, make: (options: ViewAuditOptions) => Promise<ViewAuditHarness>): void {
  describe(`ViewAuditLog contract: ${name}`, () => {
    let h: ViewAuditHarness | undefined;
    const open = async (options: Partial<ViewAuditOptions> = {}) => {
      h = await make({ maxPerConversation: 5, ttlSeconds: 3600, ...options });
      return h;
    };
    afterEach(async () => h?.close());

    const view = (conversationId: string, agentId: string, extra: Partial<ConversationView> = {}): ConversationView => ({
      conversationId,
      agentId,
      role: 'agent',
      at: '2026-12-02T15:00:00.000Z',
      item: 'context_pack',
      level: 'redacted',
      ...extra,
    });

    it('records who viewed which conversation, when and at which level, newest first, across processes', async () => {
      const { log, second } = await open();
      const first = await log.record(view('c1', 'ana', { at: '2026-12-02T15:00:00.000Z' }));
      await second.record(view('c1', 'sue', { role: 'supervisor', level: 'clear', at: '2026-12-02T15:01:00.000Z' }));
      await log.record(view('c2', 'ben'));
      const page = await second.list('c1', { limit: 10 });
      expect(page.nextBefore).toBeNull();
      expect(page.items).toEqual([
        { ...view('c1', 'sue', { role: 'supervisor', level: 'clear', at: '2026-12-02T15:01:00.000Z' }), seq: first.seq + 1 },
        { ...view('c1', 'ana'), seq: first.seq },
      ]);
      expect((await log.list('c2', { limit: 10 })).items.map((v) => v.agentId)).toEqual(['ben']);
      expect(await log.list('nobody', { limit: 10 })).toEqual({ items: [], nextBefore: null });
    });

    it('keeps two identical views as two entries', async () => {
      const { log } = await open();
      await log.record(view('c1', 'ana'));
      await log.record(view('c1', 'ana'));
      expect((await log.list('c1', { limit: 10 })).items).toHaveLength(2);
    });

    it('pages backwards with `before`', async () => {
      const { log } = await open();
      for (const agent of ['a1', 'a2', 'a3', 'a4']) await log.record(view('c1', agent));
      const one = await log.list('c1', { limit: 3 });
      expect(one.items.map((v) => v.agentId)).toEqual(['a4', 'a3', 'a2']);
      expect(one.nextBefore).not.toBeNull();
      const two = await log.list('c1', { limit: 3, before: one.nextBefore! });
      expect(two).toEqual({ items: [expect.objectContaining({ agentId: 'a1' })], nextBefore: null });
    });

    it('keeps at most maxPerConversation views, dropping the oldest', async () => {
      const { log } = await open({ maxPerConversation: 3 });
      for (const agent of ['a1', 'a2', 'a3', 'a4', 'a5']) await log.record(view('c1', agent));
      expect((await log.list('c1', { limit: 10 })).items.map((v) => v.agentId)).toEqual(['a5', 'a4', 'a3']);
    });

    it('forgets a conversation ttlSeconds after its latest view', async () => {
      const { log, elapse } = await open({ ttlSeconds: 1 });
      await log.record(view('c1', 'ana'));
      await elapse(1500);
      expect((await log.list('c1', { limit: 10 })).items).toEqual([]);
    });
  });
}
