import { MemoryViewAuditLog } from '../../src/handoff/memoryViewAuditLog';
import { viewAuditContract } from './viewAuditContract';
import { FakeClock } from './support/fakeClock';

viewAuditContract('memory', async (options) => {
  const clock = new FakeClock();
  const log = new MemoryViewAuditLog({ ...options, clock: clock.now });
  return { log, second: log, elapse: async (ms) => void clock.advance(ms), close: async () => undefined };
});

describe('MemoryViewAuditLog bounds', () => {
  it('keeps at most maxConversations conversations, dropping the least recently viewed', async () => {
    const log = new MemoryViewAuditLog({ maxConversations: 2 });
    const view = (conversationId: string) => ({ conversationId, agentId: 'ana', role: 'agent', at: '2026-12-02T15:00:00.000Z', item: 'context_pack', level: 'task' }) as const;
    await log.record(view('c1'));
    await log.record(view('c2'));
    await log.record(view('c1'));
    await log.record(view('c3'));
    expect((await log.list('c2', { limit: 5 })).items).toEqual([]);
    expect((await log.list('c1', { limit: 5 })).items).toHaveLength(2);
    expect((await log.list('c3', { limit: 5 })).items).toHaveLength(1);
  });
});
