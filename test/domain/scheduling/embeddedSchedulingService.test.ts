import { EmbeddedSchedulingService, type EmbeddedSchedulingServiceOptions } from '../../../src/domain/scheduling/embeddedSchedulingService';
import { MemoryBookingStore } from '../../../src/domain/scheduling/memoryBookingStore';
import { noExternalBusy, sampleCalendar, seededBusyCalendar } from '../../../src/domain/scheduling/sampleCalendar';
import { localParts } from '../../../src/domain/scheduling/zonedTime';

// Wednesday 2025-03-05, 10:00 in New York; US clocks change on Sunday 2025-03-09.
const start = Date.parse('2025-03-05T15:00:00.000Z');
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

describe('EmbeddedSchedulingService', () => {
  let nowMs: number;
  let store: MemoryBookingStore;
  let ids: number;
  const make = (extra: Partial<EmbeddedSchedulingServiceOptions> = {}) =>
    new EmbeddedSchedulingService({ store, now: () => new Date(nowMs), busy: noExternalBusy, newId: () => `APT-T${++ids}`, ...extra });
  let scheduling: EmbeddedSchedulingService;

  beforeEach(() => {
    nowMs = start;
    ids = 0;
    store = new MemoryBookingStore();
    scheduling = make();
  });

  const book = (slotStart: string, providerId = 'prov-okafor', typeId = 'annual-physical', patientRef = 'pat-1') =>
    scheduling.book({ slotStart, providerId, typeId, patientRef });

  describe('findSlots', () => {
    it('offers the earliest free slots after the minimum lead time, in the provider zone', async () => {
      const slots = await scheduling.findSlots({
        providerId: 'prov-okafor',
        typeId: 'annual-physical',
        from: new Date(start),
        to: new Date(start + 2 * dayMs),
        limit: 4,
      });
      expect(slots.map((s) => s.start)).toEqual([
        '2025-03-05T16:00:00.000Z',
        '2025-03-05T16:30:00.000Z',
        '2025-03-05T18:00:00.000Z',
        '2025-03-05T18:30:00.000Z',
      ]);
      expect(slots[0]).toMatchObject({
        end: '2025-03-05T16:30:00.000Z',
        providerName: 'Dr. Amara Okafor',
        locationId: 'loc-riverside',
        timeZone: 'America/New_York',
        localStart: '2025-03-05T11:00:00-05:00',
      });
      expect(slots[0]?.startLabel).toMatch(/^Wed, Mar 5, 11:00\sAM EST$/);
    });

    it('keeps working hours in local time across the DST change', async () => {
      const friday = await scheduling.findSlots({ providerId: 'prov-okafor', typeId: 'follow-up', from: new Date('2025-03-07T05:00:00Z'), to: new Date('2025-03-07T23:00:00Z'), limit: 1 });
      const monday = await scheduling.findSlots({ providerId: 'prov-okafor', typeId: 'follow-up', from: new Date('2025-03-10T04:00:00Z'), to: new Date('2025-03-10T23:00:00Z'), limit: 1 });
      expect(friday[0]?.start).toBe('2025-03-07T13:30:00.000Z');
      expect(monday[0]?.start).toBe('2025-03-10T12:30:00.000Z');
      expect(friday[0]?.localStart).toBe('2025-03-07T08:30:00-05:00');
      expect(monday[0]?.localStart).toBe('2025-03-10T08:30:00-04:00');
    });

    it('never offers weekends, lunch breaks or slots that run past a window', async () => {
      const slots = await scheduling.findSlots({ providerId: 'prov-okafor', typeId: 'new-patient', from: new Date(start), to: new Date(start + 7 * dayMs), limit: 100 });
      expect(slots.length).toBeGreaterThan(20);
      for (const slot of slots) {
        const local = localParts(new Date(slot.start), 'America/New_York');
        const end = localParts(new Date(slot.end), 'America/New_York');
        expect([1, 2, 3, 4, 5]).toContain(local.weekday);
        const from = local.hour * 60 + local.minute;
        const to = end.hour * 60 + end.minute;
        expect((from >= 510 && to <= 720) || (from >= 780 && to <= 1020)).toBe(true);
      }
    });

    it('uses each provider default type without a type, filters by type, and interleaves providers by time', async () => {
      const any = await scheduling.findSlots({ from: new Date(start), to: new Date(start + 3 * dayMs), limit: 30 });
      expect(new Set(any.map((s) => s.providerId)).size).toBeGreaterThan(2);
      expect(any.map((s) => s.start)).toEqual([...any.map((s) => s.start)].sort());
      const okafor = any.find((s) => s.providerId === 'prov-okafor');
      expect(okafor?.typeId).toBe('new-patient');
      const skin = await scheduling.findSlots({ typeId: 'skin-check', from: new Date(start), to: new Date(start + 7 * dayMs), limit: 50 });
      expect(new Set(skin.map((s) => s.providerId))).toEqual(new Set(['prov-chen']));
      expect(await scheduling.findSlots({ typeId: 'no-such-type', from: new Date(start), to: new Date(start + dayMs) })).toEqual([]);
      expect(await scheduling.findSlots({ providerId: 'prov-okafor', typeId: 'skin-check', from: new Date(start), to: new Date(start + 7 * dayMs) })).toEqual([]);
      expect(await scheduling.findSlots({ from: new Date(start + dayMs), to: new Date(start) })).toEqual([]);
    });

    it('leaves out booked time', async () => {
      expect((await book('2025-03-05T16:00:00.000Z')).ok).toBe(true);
      const slots = await scheduling.findSlots({ providerId: 'prov-okafor', typeId: 'follow-up', from: new Date(start), to: new Date(start + dayMs), limit: 3 });
      expect(slots.map((s) => s.start)).toEqual(['2025-03-05T16:30:00.000Z', '2025-03-05T16:45:00.000Z', '2025-03-05T18:00:00.000Z']);
    });

    it('subtracts the deterministic outside calendar, the same in every instance', async () => {
      scheduling = make({ busy: seededBusyCalendar() });
      const query = { providerId: 'prov-nguyen', typeId: 'follow-up', from: new Date(start), to: new Date(start + 5 * dayMs), limit: 100 };
      const free = await scheduling.findSlots(query);
      expect(await make({ busy: seededBusyCalendar() }).findSlots(query)).toEqual(free);
      const open = await make().findSlots(query);
      expect(free.length).toBeLessThan(open.length);
      const nguyen = sampleCalendar.providers.find((p) => p.id === 'prov-nguyen')!;
      const busy = seededBusyCalendar().busyIntervals(nguyen, new Date(start), new Date(start + 5 * dayMs));
      expect(busy.length).toBeGreaterThan(0);
      for (const slot of free) {
        for (const b of busy) expect(Date.parse(slot.start) < b.end.getTime() && b.start.getTime() < Date.parse(slot.end)).toBe(false);
      }
      const blocked = busy.find((b) => b.start.getTime() > start + 2 * hourMs)!;
      expect(await scheduling.book({ slotStart: blocked.start.toISOString(), providerId: 'prov-nguyen', typeId: 'follow-up', patientRef: 'pat-1' })).toMatchObject({
        ok: false,
        reason: 'slot_taken',
      });
    });
  });

  describe('book', () => {
    it('books a free slot and describes it in the location zone', async () => {
      const result = await book('2025-03-05T16:00:00.000Z');
      expect(result).toMatchObject({
        ok: true,
        appointment: {
          id: 'APT-T1',
          status: 'booked',
          start: '2025-03-05T16:00:00.000Z',
          end: '2025-03-05T16:30:00.000Z',
          providerName: 'Dr. Amara Okafor',
          typeName: 'Annual physical',
          locationName: 'Riverside Health Center',
          timeZone: 'America/New_York',
          localStart: '2025-03-05T11:00:00-05:00',
          durationMinutes: 30,
          createdAt: new Date(start).toISOString(),
        },
      });
    });

    it('accepts the start in any offset', async () => {
      expect((await book('2025-03-05T11:00:00-05:00')).ok).toBe(true);
      expect(await book('2025-03-05T16:00:00Z')).toMatchObject({ ok: false, reason: 'slot_taken' });
    });

    it.each([
      ['2025-03-04T16:00:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'in_the_past'],
      ['2025-03-05T15:30:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'too_soon'],
      ['2025-07-01T14:00:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'too_far_ahead'],
      ['2025-03-05T16:10:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'misaligned'],
      ['2025-03-08T15:00:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'outside_working_hours'],
      ['2025-03-05T17:15:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'outside_working_hours'],
      ['2025-03-05T16:45:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'outside_working_hours'],
      ['2025-03-06T01:00:00.000Z', 'prov-okafor', 'annual-physical', 'pat-1', 'outside_working_hours'],
      ['2025-03-05T16:00:00.000Z', 'prov-nobody', 'annual-physical', 'pat-1', 'unknown_provider'],
      ['2025-03-05T16:00:00.000Z', 'prov-okafor', 'massage', 'pat-1', 'unknown_type'],
      ['2025-03-05T16:00:00.000Z', 'prov-okafor', 'skin-check', 'pat-1', 'type_not_offered'],
      ['2025-03-05T16:00:00.000Z', 'prov-okafor', 'annual-physical', 'ann@example.com', 'invalid_request'],
      ['next tuesday', 'prov-okafor', 'annual-physical', 'pat-1', 'invalid_request'],
    ])('refuses %s with %s/%s for %s: %s, storing nothing', async (slotStart, providerId, typeId, patientRef, reason) => {
      const result = await scheduling.book({ slotStart, providerId, typeId, patientRef });
      expect(result).toMatchObject({ ok: false, reason });
      if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      expect(await scheduling.listAppointments('pat-1', { includeCancelled: true })).toEqual([]);
    });

    it('gives exactly one of two racing services (one shared store) the slot', async () => {
      const other = make();
      const results = await Promise.all([
        book('2025-03-06T14:00:00.000Z'),
        other.book({ slotStart: '2025-03-06T14:00:00.000Z', providerId: 'prov-okafor', typeId: 'follow-up', patientRef: 'pat-2' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'slot_taken' });
    });
  });

  describe('cancel and reschedule', () => {
    it('cancels a booking outside the 24 h window, frees the slot, and hides it from the default list', async () => {
      const booked = await book('2025-03-07T14:00:00.000Z');
      const id = booked.ok ? booked.appointment.id : '';
      expect(await scheduling.cancel({ appointmentId: id, patientRef: 'pat-2' })).toMatchObject({ ok: false, reason: 'not_found' });
      const cancelled = await scheduling.cancel({ appointmentId: id, patientRef: 'pat-1' });
      expect(cancelled).toMatchObject({ ok: true, appointment: { status: 'cancelled', cancelledAt: new Date(start).toISOString() } });
      expect(await scheduling.cancel({ appointmentId: id, patientRef: 'pat-1' })).toMatchObject({ ok: false, reason: 'already_cancelled' });
      expect(await scheduling.listAppointments('pat-1')).toEqual([]);
      expect((await scheduling.listAppointments('pat-1', { includeCancelled: true })).map((a) => a.status)).toEqual(['cancelled']);
      expect((await book('2025-03-07T14:00:00.000Z', 'prov-okafor', 'annual-physical', 'pat-3')).ok).toBe(true);
    });

    it('refuses changes within 24 hours of the start, and after it', async () => {
      const booked = await book('2025-03-06T14:00:00.000Z');
      const id = booked.ok ? booked.appointment.id : '';
      const late = await scheduling.cancel({ appointmentId: id, patientRef: 'pat-1' });
      expect(late).toMatchObject({ ok: false, reason: 'inside_cancellation_window' });
      expect(await scheduling.reschedule({ appointmentId: id, patientRef: 'pat-1', newStart: '2025-03-12T14:00:00.000Z' })).toMatchObject({
        ok: false,
        reason: 'inside_cancellation_window',
      });
      nowMs = Date.parse('2025-03-06T14:10:00.000Z');
      expect(await scheduling.cancel({ appointmentId: id, patientRef: 'pat-1' })).toMatchObject({ ok: false, reason: 'already_started' });
      expect((await scheduling.listAppointments('pat-1'))[0]?.status).toBe('booked');
    });

    it('moves a booking, frees the old time, and checks the new one like a booking', async () => {
      const booked = await book('2025-03-07T14:00:00.000Z');
      const id = booked.ok ? booked.appointment.id : '';
      await book('2025-03-11T14:00:00.000Z', 'prov-okafor', 'follow-up', 'pat-9');
      expect(await scheduling.reschedule({ appointmentId: id, patientRef: 'pat-1', newStart: '2025-03-11T13:45:00.000Z' })).toMatchObject({
        ok: false,
        reason: 'slot_taken',
      });
      expect(await scheduling.reschedule({ appointmentId: id, patientRef: 'pat-1', newStart: '2025-03-08T14:00:00.000Z' })).toMatchObject({
        ok: false,
        reason: 'outside_working_hours',
      });
      expect(await scheduling.reschedule({ appointmentId: id, patientRef: 'pat-1', newStart: '2025-03-12T14:00:00.000Z', providerId: 'prov-chen' })).toMatchObject({
        ok: false,
        reason: 'type_not_offered',
      });
      const moved = await scheduling.reschedule({ appointmentId: id, patientRef: 'pat-1', newStart: '2025-03-12T15:00:00.000Z', providerId: 'prov-nguyen' });
      expect(moved).toMatchObject({
        ok: true,
        appointment: { id, providerId: 'prov-nguyen', locationId: 'loc-lakeshore', timeZone: 'America/Chicago', localStart: '2025-03-12T10:00:00-05:00' },
      });
      expect((await book('2025-03-07T14:00:00.000Z', 'prov-okafor', 'annual-physical', 'pat-4')).ok).toBe(true);
      expect((await scheduling.listAppointments('pat-1')).map((a) => a.start)).toEqual(['2025-03-12T15:00:00.000Z']);
    });
  });

  it('builds a FHIR R4 Appointment with offsets, duration, participants and codings', async () => {
    const booked = await book('2025-03-05T16:00:00.000Z');
    if (!booked.ok) throw new Error('booking failed');
    const fhir = scheduling.toFhirAppointment(booked.appointment);
    expect(fhir).toEqual({
      resourceType: 'Appointment',
      id: 'APT-T1',
      status: 'booked',
      serviceType: [
        { coding: [{ system: 'https://tandem.example/fhir/CodeSystem/appointment-type', code: 'annual-physical', display: 'Annual physical' }], text: 'Annual physical' },
      ],
      appointmentType: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'CHECKUP', display: 'A routine check-up, such as an annual physical' }],
      },
      description: 'Annual physical with Dr. Amara Okafor',
      start: '2025-03-05T11:00:00-05:00',
      end: '2025-03-05T11:30:00-05:00',
      minutesDuration: 30,
      created: new Date(start).toISOString(),
      participant: [
        { actor: { reference: 'Practitioner/prov-okafor', display: 'Dr. Amara Okafor' }, required: 'required', status: 'accepted' },
        { actor: { reference: 'Patient/pat-1' }, required: 'required', status: 'accepted' },
        { actor: { reference: 'Location/loc-riverside', display: 'Riverside Health Center' }, required: 'required', status: 'accepted' },
      ],
    });
    const later = await book('2025-03-10T14:00:00.000Z');
    const cancelled = await make().cancel({ appointmentId: later.ok ? later.appointment.id : '', patientRef: 'pat-1' });
    expect(cancelled.ok && scheduling.toFhirAppointment(cancelled.appointment)).toMatchObject({ status: 'cancelled', start: '2025-03-10T10:00:00-04:00' });
  });

  it('rejects a calendar with a broken reference at construction', () => {
    expect(() => make({ calendar: { ...sampleCalendar, appointmentTypes: [{ ...sampleCalendar.appointmentTypes[0]!, providerIds: ['prov-ghost'] }] } })).toThrow(/prov-ghost/);
    expect(() => make({ calendar: { ...sampleCalendar, appointmentTypes: [{ ...sampleCalendar.appointmentTypes[0]!, durationMinutes: 20 }] } })).toThrow(/multiple of 15/);
  });
});
