import { MemoryIntakeStore } from '../../../src/domain/intake/memoryIntakeStore';
import { intakeStoreContract } from './intakeStoreContract';

intakeStoreContract('memory', async () => {
  let nowMs = Date.parse('2025-06-15T12:00:00Z');
  const store = new MemoryIntakeStore({ now: () => new Date(nowMs) });
  return {
    store,
    second: store,
    advance: (ms) => {
      nowMs += ms;
    },
    close: async () => undefined,
  };
});
