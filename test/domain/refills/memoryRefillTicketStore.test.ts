import { MemoryRefillTicketStore } from '../../../src/domain/refills/memoryRefillTicketStore';
import { refillTicketStoreContract } from './refillTicketStoreContract';

refillTicketStoreContract('memory', async () => {
  let nowMs = Date.parse('2026-12-02T15:00:00Z');
  const ttlSeconds = 3 * 24 * 3600;
  const store = new MemoryRefillTicketStore({ now: () => new Date(nowMs), ttlSeconds });
  return {
    store,
    second: store,
    ttlSeconds,
    advance: (ms) => {
      nowMs += ms;
    },
    close: async () => undefined,
  };
});
