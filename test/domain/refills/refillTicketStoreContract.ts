import type { RefillRequest } from '../../../src/domain/refills/refillTicket';
import type { RefillTicketStore } from '../../../src/domain/refills/refillTicketStore';

export interface RefillTicketStoreHarness {
  store: RefillTicketStore;
  /** A second store over the same state (another process); the memory twin returns the same one. */
  second: RefillTicketStore;
  /** Lifetime of a ticket the stores were built with, in seconds. */
  ttlSeconds: number;
  /** Moves the clock the stores were built with. */
  advance(ms: number): void;
  close(): Promise<void>;
}

const lisinopril: RefillRequest = {
  patientRef: 'pt-0123456789abcdef01234567',
  medication: 'lisinopril',
  strength: '10 mg',
  pharmacy: 'CVS, Main Street',
  conversationId: 'conv-1',
  replyBy: '2026-12-08T23:00:00.000Z',
};

const inhaler: RefillRequest = { ...lisinopril, medication: 'albuterol inhaler', strength: null, pharmacy: 'Walgreens', conversationId: 'conv-2' };

/** The RefillTicketStore contract, run for every implementation. */
export function refillTicketStoreContract(name: string, make: () => Promise<RefillTicketStoreHarness>): void {
  describe(`RefillTicketStore contract: ${name}`, () => {
    let h: RefillTicketStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => h.close());

    it('files tickets under new ids and reads them back exactly, from every process', async () => {
      const first = await h.store.create(lisinopril);
      h.advance(1000);
      const second = await h.second.create(inhaler);
      expect(first.id).toMatch(/^RX-[A-Z0-9]{10}$/);
      expect(second.id).not.toBe(first.id);
      expect(first).toEqual({ ...lisinopril, id: first.id, createdAt: expect.any(String), expiresAt: expect.any(String) });
      expect(await h.second.get(first.id)).toEqual(first);
      expect(await h.store.get(second.id)).toEqual({ ...inhaler, id: second.id, createdAt: second.createdAt, expiresAt: second.expiresAt });
      expect(await h.store.get('RX-AAAAAAAAAA')).toBeUndefined();
    });

    it('keeps only what the care team needs: the request, its id and its dates', async () => {
      const ticket = await h.store.create(lisinopril);
      expect(Object.keys(ticket).sort()).toEqual(
        ['conversationId', 'createdAt', 'expiresAt', 'id', 'medication', 'patientRef', 'pharmacy', 'replyBy', 'strength'].sort(),
      );
      await expect(h.store.create({ ...lisinopril, patientRef: 'ann.lee@example.com' })).rejects.toThrow();
      await expect(h.store.create({ ...lisinopril, medication: ' ' })).rejects.toThrow();
      await expect(h.store.create({ ...lisinopril, diagnosis: 'hypertension' } as RefillRequest)).rejects.toThrow();
    });

    it('lists the worklist oldest first, with a limit', async () => {
      const ids: string[] = [];
      for (const request of [lisinopril, inhaler, lisinopril, inhaler]) {
        ids.push((await h.store.create(request)).id);
        h.advance(1000);
      }
      expect((await h.second.list()).map((t) => t.id)).toEqual(ids);
      expect((await h.store.list({ limit: 2 })).map((t) => t.id)).toEqual(ids.slice(0, 2));
      expect(await h.store.list({ limit: 0 })).toHaveLength(1);
    });

    it('forgets a ticket when its lifetime is over, and drops it from the worklist', async () => {
      const old = await h.store.create(lisinopril);
      expect(Date.parse(old.expiresAt) - Date.parse(old.createdAt)).toBe(h.ttlSeconds * 1000);
      h.advance(h.ttlSeconds * 1000 - 2000);
      const recent = await h.store.create(inhaler);
      expect((await h.second.list()).map((t) => t.id)).toEqual([old.id, recent.id]);
      h.advance(2000);
      expect(await h.second.get(old.id)).toBeUndefined();
      expect((await h.store.list()).map((t) => t.id)).toEqual([recent.id]);
      expect(await h.store.get(recent.id)).toEqual(recent);
    });

    it('returns copies: changing a result does not change the store', async () => {
      const ticket = await h.store.create(lisinopril);
      ticket.medication = 'changed';
      const read = await h.store.get(ticket.id);
      if (read) read.pharmacy = 'changed';
      expect(await h.store.get(ticket.id)).toMatchObject({ medication: 'lisinopril', pharmacy: 'CVS, Main Street' });
    });
  });
}
