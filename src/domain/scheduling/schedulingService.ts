import type { AppointmentView, Slot } from './appointment';
import type { AppointmentType, Location, Provider } from './calendar';
import type { FhirAppointment } from './fhirAppointment';

/** Why a booking, move or cancellation was refused. Each comes with a customer-safe `message`. */
export const schedulingRejections = [
  'invalid_request',
  'unknown_provider',
  'unknown_type',
  'type_not_offered',
  'in_the_past',
  'too_soon',
  'too_far_ahead',
  'misaligned',
  'outside_working_hours',
  'slot_taken',
  'not_found',
  'already_cancelled',
  'already_started',
  'inside_cancellation_window',
  'conflict',
] as const;
export type SchedulingRejection = (typeof schedulingRejections)[number];

export type SchedulingResult =
  | { readonly ok: true; readonly appointment: AppointmentView }
  | { readonly ok: false; readonly reason: SchedulingRejection; readonly message: string };

export interface FindSlotsQuery {
  /** Without it, each provider's default (first offered) type is used. */
  readonly typeId?: string;
  readonly providerId?: string;
  /** Earliest start; clamped to now + minimum lead time. */
  readonly from: Date;
  /** Latest end; clamped to the booking horizon. */
  readonly to: Date;
  /** Default 10, at most 100. */
  readonly limit?: number;
}

export interface BookRequest {
  /** ISO instant (any offset), normally a `Slot.start`. */
  readonly slotStart: string;
  readonly providerId: string;
  readonly typeId: string;
  /** Opaque patient id (see Appointment.patientRef). */
  readonly patientRef: string;
}

export interface RescheduleRequest {
  readonly appointmentId: string;
  /** Must own the appointment; otherwise the answer is `not_found`. */
  readonly patientRef: string;
  readonly newStart: string;
  /** Move to another provider offering the same type; defaults to the current one. */
  readonly providerId?: string;
}

export interface CancelRequest {
  readonly appointmentId: string;
  readonly patientRef: string;
}

/**
 * Appointment scheduling. Times go in and out as UTC instants; views carry labels in the location's
 * zone. Booking is atomic: two callers (or two processes) racing for one slot get one `ok` and one
 * `slot_taken`.
 */
export interface SchedulingService {
  listLocations(): readonly Location[];
  listProviders(): readonly Provider[];
  listAppointmentTypes(): readonly AppointmentType[];
  /** Free slots: working hours minus outside bookings minus Tandem bookings, earliest first. */
  findSlots(query: FindSlotsQuery): Promise<Slot[]>;
  book(request: BookRequest): Promise<SchedulingResult>;
  /** Subject to the cancellation window, like `cancel`. */
  reschedule(request: RescheduleRequest): Promise<SchedulingResult>;
  cancel(request: CancelRequest): Promise<SchedulingResult>;
  /** The patient's appointments by start; cancelled ones only when asked. */
  listAppointments(patientRef: string, options?: { includeCancelled?: boolean }): Promise<AppointmentView[]>;
  /** FHIR R4 Appointment resource for an appointment returned by this service. */
  toFhirAppointment(appointment: AppointmentView): FhirAppointment;
}
