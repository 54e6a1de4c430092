import { MemoryHandoffStore } from '../../src/handoff/memoryHandoffStore';
import { handoffStoreContract } from './handoffStoreContract';
import { FakeClock } from './support/fakeClock';

handoffStoreContract('memory', async ({ handleHistory }) => {
  const clock = new FakeClock();
  const store = new MemoryHandoffStore({ clock: clock.now, handleHistory });
  return { store, second: store, clock, close: async () => undefined };
});
