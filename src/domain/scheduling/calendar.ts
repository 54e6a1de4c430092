/** Days of the week, indexed like `Date#getUTCDay()` (0 = Sunday). */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** A stretch of wall-clock time in the provider's zone, "HH:MM" 24-hour, end exclusive. */
export interface TimeWindow {
  readonly start: string;
  readonly end: string;
}

export type WorkingHours = Readonly<Partial<Record<Weekday, readonly TimeWindow[]>>>;

export interface Location {
  readonly id: string;
  readonly name: string;
  readonly address: { readonly line: string; readonly city: string; readonly state: string; readonly postalCode: string };
  readonly phone: string;
  /** IANA zone; appointments here are shown in it. */
  readonly timeZone: string;
}

export interface Provider {
  readonly id: string;
  /** Display name with title, e.g. "Dr. Amara Okafor". */
  readonly name: string;
  readonly specialty: string;
  readonly locationId: string;
  /** IANA zone of the working hours (the location's zone). */
  readonly timeZone: string;
  readonly workingHours: WorkingHours;
}

/** HL7 v2 table 0276 codes, the binding FHIR R4 uses for Appointment.appointmentType. */
export const appointmentReasonCodes = ['CHECKUP', 'EMERGENCY', 'FOLLOWUP', 'ROUTINE', 'WALKIN'] as const;
export type AppointmentReasonCode = (typeof appointmentReasonCodes)[number];

export interface AppointmentType {
  readonly id: string;
  readonly name: string;
  /** Multiple of the 15-minute booking unit. */
  readonly durationMinutes: number;
  /** Providers who offer this type; the first type a provider offers is its default. */
  readonly providerIds: readonly string[];
  readonly reasonCode: AppointmentReasonCode;
}

/** Everything bookable: the static part of a practice's calendar. */
export interface Calendar {
  readonly locations: readonly Location[];
  readonly providers: readonly Provider[];
  readonly appointmentTypes: readonly AppointmentType[];
}
