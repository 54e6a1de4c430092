import { MemoryBookingStore } from '../../../src/domain/scheduling/memoryBookingStore';
import { bookingStoreContract } from './bookingStoreContract';

bookingStoreContract('memory', async () => {
  const store = new MemoryBookingStore();
  return { store, second: store, close: async () => undefined };
});
