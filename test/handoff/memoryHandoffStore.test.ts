import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { handoffStoreContract } from './handoffStoreContract';
import { FakeClock } from './support/fakeClock';

handoffStoreContract('memory', async ({ handleHistory }) => {
  const clock = new FakeClock();
  const store = new MemoryHandoffStore({ clock: clock.now, handleHistory });
  return { store, second: store, clock, close: async () => undefined };
});

describe('MemoryHandoffStore bounds, like its Redis twin', () => {
  const input = (conversationId: string) => ({ conversationId, channelId: 'test', priority: 'normal', reasonCodes: ['user_requested'], summary: 's' }) as const;

  it('forgets a record back with the bot once the retention has passed, and never a waiting one', async () => {
    const clock = new FakeClock();
    const store = new MemoryHandoffStore({ clock: clock.now, recordRetentionMs: 3_600_000 });
    await store.enqueue(input('done'));
    await store.cancel('done');
    await store.enqueue(input('waiting'));
    clock.advance(3_600_000);
    expect(await store.getRecord('done')).toBeUndefined();
    expect((await store.getRecord('waiting'))?.state).toBe('queued');
  });

  it('keeps at most maxRecords, dropping the stalest records back with the bot first', async () => {
    const clock = new FakeClock();
    const store = new MemoryHandoffStore({ clock: clock.now, maxRecords: 2 });
    for (const id of ['a', 'b', 'c']) {
      await store.enqueue(input(id));
      await store.cancel(id);
      clock.advance(1000);
    }
    await store.enqueue(input('d'));
    expect(await Promise.all(['a', 'b', 'c', 'd'].map(async (id) => (await store.getRecord(id))?.state ?? null))).toEqual([null, null, 'bot', 'queued']);
  });
});
