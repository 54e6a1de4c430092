import type { Appointment } from './appointment';

/** Why the store refused a write. */
export const bookingStoreFailures = ['slot_taken', 'not_found', 'conflict', 'duplicate_id'] as const;
export type BookingStoreFailure = (typeof bookingStoreFailures)[number];

export type BookingStoreResult =
  | { readonly ok: true; readonly appointment: Appointment }
  | { readonly ok: false; readonly reason: BookingStoreFailure };

/**
 * Persistence of appointments with slot ownership. Every write is atomic, also across processes:
 * each appointment holds the 15-minute units of its provider's time it covers (see slotGrid.ts), and a
 * unit is held by one booked appointment at most, so a slot is never booked twice.
 *
 * The store knows nothing about working hours or policies; the scheduling service checks those first.
 */
export interface BookingStore {
  /** Claims every unit of `appointment` (status `booked`) and stores it, or nothing: `slot_taken`. */
  create(appointment: Appointment): Promise<BookingStoreResult>;
  get(id: string): Promise<Appointment | undefined>;
  /** All of a patient's appointments, cancelled ones included, by start time. */
  listByPatient(patientRef: string): Promise<Appointment[]>;
  /** Booked appointments of a provider that overlap [from, to), by start time. */
  listByProvider(providerId: string, from: Date, to: Date): Promise<Appointment[]>;
  /**
   * Compare-and-set move: succeeds only while the stored record still equals `expected` (else
   * `conflict`). Claims the units of `next` (units `expected` already holds count as free), releases the
   * rest, stores `next`. `slot_taken` leaves everything as it was.
   */
  reschedule(expected: Appointment, next: Appointment): Promise<BookingStoreResult>;
  /** Compare-and-set cancel: stores `cancelled` (status `cancelled`) and releases its units. */
  cancel(expected: Appointment, cancelled: Appointment): Promise<BookingStoreResult>;
}
