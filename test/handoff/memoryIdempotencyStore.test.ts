import { MemoryIdempotencyStore } from '../../src/handoff/idempotency';
import { idempotencyContract } from './idempotencyContract';
import { FakeClock } from './support/fakeClock';

idempotencyContract('memory', async () => {
  const clock = new FakeClock();
  const store = new MemoryIdempotencyStore(clock.now);
  return { store, second: store, elapse: async (ms) => void clock.advance(ms), close: async () => undefined };
});
