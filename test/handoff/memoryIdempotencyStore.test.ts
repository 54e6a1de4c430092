import { MemoryIdempotencyStore } from '../../src/handoff/idempotency';
import { idempotencyContract } from './idempotencyContract';
import { FakeClock } from './support/fakeClock';

idempotencyContract('memory', async () => {
  const clock = new FakeClock();
  const store = new MemoryIdempotencyStore(clock.now);
  return { store, second: store, elapse: async (ms) => void clock.advance(ms), close: async () => undefined };
});

describe('MemoryIdempotencyStore bounds', () => {
  it('keeps at most maxKeys keys, forgetting the oldest first', async () => {
    const clock = new FakeClock();
    const store = new MemoryIdempotencyStore(clock.now, 3);
    for (const key of ['k1', 'k2', 'k3', 'k4']) expect(await store.firstSeen('c1', key, 60)).toBe(true);
    expect(await store.firstSeen('c1', 'k4', 60)).toBe(false);
    expect(await store.firstSeen('c1', 'k2', 60)).toBe(false);
    expect(await store.firstSeen('c1', 'k1', 60)).toBe(true);
  });
});
