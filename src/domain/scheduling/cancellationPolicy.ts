import type { Appointment } from './appointment';

export interface CancellationPolicy {
  /** No cancelling or rescheduling online when the appointment starts sooner than this. */
  readonly windowHours: number;
}

export const defaultCancellationPolicy: CancellationPolicy = { windowHours: 24 };

export type ChangeDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'inside_cancellation_window' | 'already_started'; readonly message: string };

/** Pure: may `appointment` still be cancelled or moved at `now`? */
export function mayChangeAppointment(appointment: Appointment, now: Date, policy: CancellationPolicy = defaultCancellationPolicy): ChangeDecision {
  const startsInMs = Date.parse(appointment.start) - now.getTime();
  if (startsInMs <= 0) {
    return { allowed: false, reason: 'already_started', message: 'This appointment has already started or taken place.' };
  }
  if (startsInMs < policy.windowHours * 3_600_000) {
    return {
      allowed: false,
      reason: 'inside_cancellation_window',
      message: `Appointments can't be changed online less than ${policy.windowHours} hours before they start. Please call the clinic.`,
    };
  }
  return { allowed: true };
}
