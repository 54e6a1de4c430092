import { MemoryHandoffEventBus } from '../../src/handoff/events';
import { eventBusContract } from './eventBusContract';

eventBusContract('memory', async () => {
  const bus = new MemoryHandoffEventBus();
  return { a: bus, b: bus, ready: async () => undefined, close: () => bus.close() };
});
