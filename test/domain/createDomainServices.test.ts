import { createDomainServices } from '../../src/domain/createDomainServices';
import { MemoryIntakeStore } from '../../src/domain/intake/memoryIntakeStore';
import { MemoryBookingStore } from '../../src/domain/scheduling/memoryBookingStore';

describe('createDomainServices', () => {
  const now = () => new Date('2025-03-05T15:00:00.000Z');

  it('builds working memory-backed services with sample data relative to the anchor', async () => {
    const domain = createDomainServices({ now, sampleAnchor: new Date('2025-06-15T12:00:00.000Z') });
    expect((await domain.orders.verify('TD-100001', 'ann.lee@example.com'))?.deliveredAt).toBe('2025-06-10T12:00:00.000Z');
    expect((await domain.scheduling.findSlots({ from: now(), to: new Date('2025-03-12T00:00:00Z'), limit: 3 })).length).toBe(3);
    expect(domain.knowledge.answer('How much is shipping?')?.article.id).toBe('shipping');
    expect(await domain.intake.list()).toEqual([]);
  });

  it('uses the stores it is given, so two instances over one store share bookings', async () => {
    const bookings = new MemoryBookingStore();
    const intake = new MemoryIntakeStore();
    const a = createDomainServices({ now, stores: { bookings, intake } });
    const b = createDomainServices({ now, stores: { bookings, intake } });
    expect(a.intake).toBe(intake);
    const [slot] = await a.scheduling.findSlots({ providerId: 'prov-okafor', typeId: 'follow-up', from: now(), to: new Date('2025-03-12T00:00:00Z'), limit: 1 });
    const request = { slotStart: slot!.start, providerId: slot!.providerId, typeId: slot!.typeId, patientRef: 'pat-1' };
    expect((await a.scheduling.book(request)).ok).toBe(true);
    expect(await b.scheduling.book({ ...request, patientRef: 'pat-2' })).toMatchObject({ ok: false, reason: 'slot_taken' });
  });
});
