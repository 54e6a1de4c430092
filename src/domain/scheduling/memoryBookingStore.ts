import { serializeAppointment, type Appointment } from './appointment';
import type { BookingStore, BookingStoreResult } from './bookingStore';
import { overlaps, unitsCovering } from './slotGrid';

/**
 * In-process BookingStore. Each method checks and writes without awaiting in between, so it is atomic
 * within one process (JavaScript runs one callback at a time); use the Redis store across processes.
 */
export class MemoryBookingStore implements BookingStore {
  private readonly appointments = new Map<string, Appointment>();
  /** `${providerId}|${unitIso}` → appointment id */
  private readonly units = new Map<string, string>();

  private unitKeys(appointment: Appointment): string[] {
    return unitsCovering(appointment.start, appointment.end).map((unit) => `${appointment.providerId}|${unit}`);
  }

  async create(appointment: Appointment): Promise<BookingStoreResult> {
    if (this.appointments.has(appointment.id)) return { ok: false, reason: 'duplicate_id' };
    const keys = this.unitKeys(appointment);
    if (keys.some((key) => this.units.has(key))) return { ok: false, reason: 'slot_taken' };
    for (const key of keys) this.units.set(key, appointment.id);
    this.appointments.set(appointment.id, structuredClone(appointment));
    return { ok: true, appointment };
  }

  async get(id: string): Promise<Appointment | undefined> {
    const found = this.appointments.get(id);
    return found ? structuredClone(found) : undefined;
  }

  async listByPatient(patientRef: string): Promise<Appointment[]> {
    return [...this.appointments.values()]
      .filter((a) => a.patientRef === patientRef)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((a) => structuredClone(a));
  }

  async listByProvider(providerId: string, from: Date, to: Date): Promise<Appointment[]> {
    return [...this.appointments.values()]
      .filter(
        (a) =>
          a.providerId === providerId &&
          a.status === 'booked' &&
          overlaps(Date.parse(a.start), Date.parse(a.end), from.getTime(), to.getTime()),
      )
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((a) => structuredClone(a));
  }

  private matches(expected: Appointment): 'ok' | 'not_found' | 'conflict' {
    const current = this.appointments.get(expected.id);
    if (!current) return 'not_found';
    return serializeAppointment(current) === serializeAppointment(expected) ? 'ok' : 'conflict';
  }

  async reschedule(expected: Appointment, next: Appointment): Promise<BookingStoreResult> {
    const state = this.matches(expected);
    if (state !== 'ok') return { ok: false, reason: state };
    const nextKeys = this.unitKeys(next);
    if (nextKeys.some((key) => (this.units.get(key) ?? expected.id) !== expected.id)) return { ok: false, reason: 'slot_taken' };
    for (const key of this.unitKeys(expected)) if (this.units.get(key) === expected.id) this.units.delete(key);
    for (const key of nextKeys) this.units.set(key, next.id);
    this.appointments.set(next.id, structuredClone(next));
    return { ok: true, appointment: next };
  }

  async cancel(expected: Appointment, cancelled: Appointment): Promise<BookingStoreResult> {
    const state = this.matches(expected);
    if (state !== 'ok') return { ok: false, reason: state };
    for (const key of this.unitKeys(expected)) if (this.units.get(key) === expected.id) this.units.delete(key);
    this.appointments.set(cancelled.id, structuredClone(cancelled));
    return { ok: true, appointment: cancelled };
  }
}
