import type { ConversationInsightsStore, TurnInsight } from '../../src/handoff/insights';

export interface InsightsHarness {
  store: ConversationInsightsStore;
  close(): Promise<void>;
}

const t = (minute: number) => new Date(Date.UTC(2025, 2, 3, 15, minute)).toISOString();

/** The ConversationInsightsStore contract; `make(maxItems)` bounds every list to maxItems. */
export function insightsContract(name: string, make: (maxItems: number) => Promise<InsightsHarness>): void {
  describe(`ConversationInsightsStore contract: ${name}`, () => {
    let h: InsightsHarness;
    beforeEach(async () => {
      h = await make(3);
    });
    afterEach(async () => h.close());

    it('starts empty', async () => {
      expect(await h.store.get('nobody')).toEqual({ intents: [], sentiment: [], frustrationReasons: [], slots: {}, form: null, lookups: [] });
    });

    it('accumulates turns: histories with their times, merged slots, the latest form and lookups', async () => {
      await h.store.append('c1', {
        at: t(1),
        intent: { intent: 'order.status', confidence: 0.92 },
        sentiment: { score: 0.1, frustration: 0.05 },
        slots: { orderNumber: 'A-1001', email: 'pat@example.com' },
        form: { form: 'order.change', completed: 1, total: 3, currentField: 'address' },
        lookups: [{ kind: 'order', summary: 'A-1001 shipped Mar 1' }],
      });
      await h.store.append('c1', {
        at: t(2),
        intent: { intent: null, confidence: 0.2 },
        sentiment: { score: -0.6, frustration: 0.7 },
        frustrationReasons: ['caps', 'repeated_question'],
        slots: { email: null, attempts: 2, verified: false },
      });
      await h.store.append('c2', { at: t(2), intent: { intent: 'greeting', confidence: 0.99 } });
      expect(await h.store.get('c1')).toEqual({
        intents: [
          { intent: 'order.status', confidence: 0.92, at: t(1) },
          { intent: null, confidence: 0.2, at: t(2) },
        ],
        sentiment: [
          { score: 0.1, frustration: 0.05, at: t(1) },
          { score: -0.6, frustration: 0.7, at: t(2) },
        ],
        frustrationReasons: ['caps', 'repeated_question'],
        slots: { orderNumber: 'A-1001', attempts: 2, verified: false },
        form: { form: 'order.change', completed: 1, total: 3, currentField: 'address' },
        lookups: [{ kind: 'order', summary: 'A-1001 shipped Mar 1', at: t(1) }],
      });
      await h.store.append('c1', { at: t(3), form: null });
      expect((await h.store.get('c1')).form).toBeNull();
    });

    it('keeps only the newest items, and lists reasons by when they were last seen', async () => {
      for (let i = 0; i < 5; i += 1) {
        await h.store.append('c1', {
          at: t(i),
          intent: { intent: `i.n${i}`, confidence: 0.5 },
          sentiment: { score: 0, frustration: i / 10 },
          lookups: [{ kind: 'k', summary: `s${i}` }],
        });
      }
      await h.store.append('c1', { at: t(10), frustrationReasons: ['caps'] });
      await h.store.append('c1', { at: t(11), frustrationReasons: ['profanity', 'negative_trend'] });
      await h.store.append('c1', { at: t(12), frustrationReasons: ['waiting_time'] });
      await h.store.append('c1', { at: t(13), frustrationReasons: ['profanity'] });
      const got = await h.store.get('c1');
      expect(got.intents.map((i) => i.intent)).toEqual(['i.n2', 'i.n3', 'i.n4']);
      expect(got.sentiment.map((s) => s.frustration)).toEqual([0.2, 0.3, 0.4]);
      expect(got.lookups.map((l) => l.summary)).toEqual(['s2', 's3', 's4']);
      expect(got.frustrationReasons).toEqual(['negative_trend', 'waiting_time', 'profanity']);
    });

    it('refuses a malformed turn without storing any of it', async () => {
      const bad = { at: t(1), intent: { intent: 'x.y', confidence: 3 }, slots: { a: 'b' } } as TurnInsight;
      await expect(h.store.append('c1', bad)).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
      await expect(h.store.append('c1', { at: 'yesterday' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
      expect((await h.store.get('c1')).slots).toEqual({});
    });

    it('clears a conversation', async () => {
      await h.store.append('c1', { at: t(1), slots: { a: 'b' }, frustrationReasons: ['caps'] });
      await h.store.clear('c1');
      expect((await h.store.get('c1')).slots).toEqual({});
      expect((await h.store.get('c1')).frustrationReasons).toEqual([]);
    });
  });
}
