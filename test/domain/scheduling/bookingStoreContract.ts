import type { Appointment } from '../../../src/domain/scheduling/appointment';
import type { BookingStore } from '../../../src/domain/scheduling/bookingStore';

export interface BookingStoreHarness {
  store: BookingStore;
  /** A second store over the same state (another process); the memory twin returns the same one. */
  second: BookingStore;
  close(): Promise<void>;
}

const base: Appointment = {
  id: 'APT-A',
  providerId: 'prov-okafor',
  typeId: 'annual-physical',
  locationId: 'loc-riverside',
  patientRef: 'pat-1',
  start: '2030-03-04T14:00:00.000Z',
  end: '2030-03-04T14:30:00.000Z',
  status: 'booked',
  createdAt: '2030-03-01T10:00:00.000Z',
  updatedAt: '2030-03-01T10:00:00.000Z',
};

const at = (id: string, start: string, minutes: number, extra: Partial<Appointment> = {}): Appointment => ({
  ...base,
  id,
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  ...extra,
});

/** The BookingStore contract, run for every implementation. */
export function bookingStoreContract(name: string, make: () => Promise<BookingStoreHarness>): void {
  describe(`BookingStore contract: ${name}`, () => {
    let h: BookingStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => h.close());

    it('stores an appointment and reads it back from every process', async () => {
      expect(await h.store.create(base)).toEqual({ ok: true, appointment: base });
      expect(await h.store.get('APT-A')).toEqual(base);
      expect(await h.second.get('APT-A')).toEqual(base);
      expect(await h.store.get('APT-missing')).toBeUndefined();
    });

    it('refuses any booking that overlaps a held unit of the same provider', async () => {
      await h.store.create(base);
      expect(await h.store.create(at('APT-B', '2030-03-04T14:15:00.000Z', 30))).toEqual({ ok: false, reason: 'slot_taken' });
      expect(await h.second.create(at('APT-C', '2030-03-04T13:45:00.000Z', 30))).toEqual({ ok: false, reason: 'slot_taken' });
      expect((await h.store.create(at('APT-D', '2030-03-04T14:30:00.000Z', 15))).ok).toBe(true);
      expect((await h.store.create(at('APT-E', '2030-03-04T13:45:00.000Z', 15))).ok).toBe(true);
      expect((await h.store.create(at('APT-F', base.start, 30, { providerId: 'prov-nguyen' }))).ok).toBe(true);
      expect(await h.store.get('APT-B')).toBeUndefined();
    });

    it('refuses a duplicate id', async () => {
      await h.store.create(base);
      expect(await h.store.create(at('APT-A', '2030-03-05T14:00:00.000Z', 30))).toEqual({ ok: false, reason: 'duplicate_id' });
    });

    it('lets exactly one of two concurrent bookings of a slot win, within and across processes', async () => {
      const within = await Promise.all([h.store.create(at('APT-1', base.start, 30)), h.store.create(at('APT-2', base.start, 30))]);
      expect(within.filter((r) => r.ok)).toHaveLength(1);
      const slot = '2030-03-06T15:00:00.000Z';
      const across = await Promise.all([
        h.store.create(at('APT-3', slot, 45, { patientRef: 'pat-3' })),
        h.second.create(at('APT-4', slot, 15, { patientRef: 'pat-4' })),
      ]);
      expect(across.filter((r) => r.ok)).toHaveLength(1);
      expect(across.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'slot_taken' }]);
      expect(await h.store.listByProvider('prov-okafor', new Date(slot), new Date(Date.parse(slot) + 3_600_000))).toHaveLength(1);
    });

    it('survives a burst of twenty racing bookings of one slot with one winner', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? h.second : h.store).create(at(`APT-R${i}`, base.start, 30, { patientRef: `pat-${i}` }))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    });

    it('lists by patient (cancelled included) and by provider (booked, overlapping the range) in start order', async () => {
      await h.store.create(at('APT-2', '2030-03-05T14:00:00.000Z', 30));
      await h.store.create(base);
      await h.store.create(at('APT-3', '2030-03-05T16:00:00.000Z', 30, { patientRef: 'pat-other' }));
      expect((await h.second.listByPatient('pat-1')).map((a) => a.id)).toEqual(['APT-A', 'APT-2']);
      expect(await h.store.listByPatient('pat-nobody')).toEqual([]);
      const day = await h.store.listByProvider('prov-okafor', new Date('2030-03-05T00:00:00Z'), new Date('2030-03-06T00:00:00Z'));
      expect(day.map((a) => a.id)).toEqual(['APT-2', 'APT-3']);
      const overlapping = await h.store.listByProvider('prov-okafor', new Date('2030-03-04T14:20:00Z'), new Date('2030-03-04T14:25:00Z'));
      expect(overlapping.map((a) => a.id)).toEqual(['APT-A']);
      expect(await h.store.listByProvider('prov-okafor', new Date('2030-03-04T14:30:00Z'), new Date('2030-03-04T15:00:00Z'))).toEqual([]);
    });

    it('cancels with compare-and-set and frees the slot', async () => {
      await h.store.create(base);
      const cancelled: Appointment = { ...base, status: 'cancelled', cancelledAt: '2030-03-02T00:00:00.000Z', updatedAt: '2030-03-02T00:00:00.000Z' };
      expect(await h.store.cancel({ ...base, updatedAt: 'stale' }, cancelled)).toEqual({ ok: false, reason: 'conflict' });
      expect(await h.second.cancel(base, cancelled)).toEqual({ ok: true, appointment: cancelled });
      expect(await h.store.cancel(base, cancelled)).toEqual({ ok: false, reason: 'conflict' });
      expect(await h.store.cancel(at('APT-none', base.start, 30), cancelled)).toEqual({ ok: false, reason: 'not_found' });
      expect(await h.store.get('APT-A')).toEqual(cancelled);
      expect(await h.store.listByProvider('prov-okafor', new Date(base.start), new Date(base.end))).toEqual([]);
      expect((await h.store.listByPatient('pat-1')).map((a) => a.status)).toEqual(['cancelled']);
      expect((await h.second.create(at('APT-B', base.start, 30))).ok).toBe(true);
    });

    it('reschedules atomically: overlap with itself is fine, a taken slot changes nothing', async () => {
      await h.store.create(base);
      await h.store.create(at('APT-B', '2030-03-04T15:00:00.000Z', 30, { patientRef: 'pat-2' }));
      const overlapSelf: Appointment = { ...at('APT-A', '2030-03-04T14:15:00.000Z', 30), updatedAt: '2030-03-02T00:00:00.000Z' };
      expect(await h.store.reschedule(base, overlapSelf)).toEqual({ ok: true, appointment: overlapSelf });
      // The unit 14:00-14:15 was released, 14:15-14:45 is held.
      expect((await h.second.create(at('APT-C', '2030-03-04T14:00:00.000Z', 15))).ok).toBe(true);
      expect(await h.store.create(at('APT-D', '2030-03-04T14:30:00.000Z', 15))).toEqual({ ok: false, reason: 'slot_taken' });

      const onto: Appointment = { ...at('APT-A', '2030-03-04T14:45:00.000Z', 30), updatedAt: '2030-03-02T01:00:00.000Z' };
      expect(await h.store.reschedule(overlapSelf, onto)).toEqual({ ok: false, reason: 'slot_taken' });
      expect(await h.store.get('APT-A')).toEqual(overlapSelf);
      expect(await h.store.reschedule(base, onto)).toEqual({ ok: false, reason: 'conflict' });

      const elsewhere: Appointment = {
        ...at('APT-A', '2030-03-07T16:00:00.000Z', 30),
        providerId: 'prov-nguyen',
        locationId: 'loc-lakeshore',
        updatedAt: '2030-03-02T02:00:00.000Z',
      };
      expect(await h.second.reschedule(overlapSelf, elsewhere)).toEqual({ ok: true, appointment: elsewhere });
      expect(await h.store.listByProvider('prov-okafor', new Date('2030-03-04T00:00:00Z'), new Date('2030-03-05T00:00:00Z'))).toEqual([
        expect.objectContaining({ id: 'APT-C' }),
        expect.objectContaining({ id: 'APT-B' }),
      ]);
      expect((await h.store.listByProvider('prov-nguyen', new Date('2030-03-07T00:00:00Z'), new Date('2030-03-08T00:00:00Z'))).map((a) => a.id)).toEqual(['APT-A']);
      expect((await h.store.listByPatient('pat-1')).map((a) => a.id)).toEqual(['APT-C', 'APT-A']);
    });

    it('lets one of two racing reschedules into the same free slot win', async () => {
      const a = base;
      const b = at('APT-B', '2030-03-04T16:00:00.000Z', 30, { patientRef: 'pat-2' });
      await h.store.create(a);
      await h.store.create(b);
      const target = '2030-03-04T18:00:00.000Z';
      const results = await Promise.all([
        h.store.reschedule(a, { ...at('APT-A', target, 30), updatedAt: '2030-03-02T00:00:00.000Z' }),
        h.second.reschedule(b, { ...at('APT-B', target, 30, { patientRef: 'pat-2' }), updatedAt: '2030-03-02T00:00:00.000Z' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'slot_taken' }]);
    });
  });
}
