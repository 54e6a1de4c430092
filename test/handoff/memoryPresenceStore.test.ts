import { MemoryPresenceStore } from '../../src/handoff/presence';
import { presenceContract } from './presenceContract';
import { FakeClock } from './support/fakeClock';

presenceContract('memory', async (ttlMs) => {
  const clock = new FakeClock();
  const store = new MemoryPresenceStore(ttlMs, clock.now);
  return { store, second: store, elapse: async (ms) => void clock.advance(ms), close: async () => undefined };
});
