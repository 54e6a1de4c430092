import { z } from 'zod';

export const appointmentStatuses = ['booked', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** A stored appointment. Instants are UTC ISO strings; present them in `timeZone` of the location. */
export interface Appointment {
  readonly id: string;
  readonly providerId: string;
  readonly typeId: string;
  readonly locationId: string;
  /**
   * Opaque patient identifier (FHIR id syntax: letters, digits, "-" and ".", at most 64). Never an
   * email or a name: it appears in Redis keys (hashed) and FHIR references.
   */
  readonly patientRef: string;
  readonly start: string;
  readonly end: string;
  readonly status: AppointmentStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly cancelledAt?: string;
}

/** An appointment plus what a person needs to read it. */
export interface AppointmentView extends Appointment {
  readonly providerName: string;
  readonly typeName: string;
  readonly locationName: string;
  readonly timeZone: string;
  /** "Tue, Jan 14, 9:30 AM EST" */
  readonly startLabel: string;
  /** Start with the location's offset, "2025-01-14T09:30:00-05:00". */
  readonly localStart: string;
  readonly durationMinutes: number;
}

/** A bookable opening. Pass `start`, `providerId` and `typeId` back to `book`. */
export interface Slot {
  readonly start: string;
  readonly end: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly typeId: string;
  readonly locationId: string;
  readonly timeZone: string;
  readonly startLabel: string;
  readonly localStart: string;
}

/** FHIR ids: 1-64 of letters, digits, "-" and ".". */
export const patientRefPattern = /^[A-Za-z0-9.-]{1,64}$/;

const appointmentKeys = [
  'id', 'providerId', 'typeId', 'locationId', 'patientRef', 'start', 'end', 'status', 'createdAt', 'updatedAt', 'cancelledAt',
] as const satisfies readonly (keyof Appointment)[];

/**
 * Canonical JSON of an appointment (fixed key order, unknown keys dropped). Stores compare these
 * strings for compare-and-set, so two equal appointments always serialise identically.
 */
export function serializeAppointment(appointment: Appointment): string {
  const out: Record<string, string> = {};
  for (const key of appointmentKeys) {
    const value = appointment[key];
    if (value !== undefined) out[key] = value;
  }
  return JSON.stringify(out);
}

const isoInstant = z.iso.datetime({ offset: true });

/** Validates a stored appointment (e.g. read back from Redis). */
export const appointmentSchema = z.object({
  id: z.string().min(1),
  providerId: z.string().min(1),
  typeId: z.string().min(1),
  locationId: z.string().min(1),
  patientRef: z.string().regex(patientRefPattern),
  start: isoInstant,
  end: isoInstant,
  status: z.enum(appointmentStatuses),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  cancelledAt: isoInstant.optional(),
});

/** Parses canonical JSON written by `serializeAppointment`; throws on anything else. */
export function parseAppointment(json: string): Appointment {
  return appointmentSchema.parse(JSON.parse(json));
}
