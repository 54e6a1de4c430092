import type { Appointment } from './appointment';
import type { AppointmentType, Location, Provider } from './calendar';
import { toZonedIso } from './zonedTime';

/** Code system of our appointment types, used for Appointment.serviceType. */
export const serviceTypeSystem = 'https://tandem.example/fhir/CodeSystem/appointment-type';
/** HL7 v2 table 0276, the R4 binding of Appointment.appointmentType. */
export const appointmentReasonSystem = 'http://terminology.hl7.org/CodeSystem/v2-0276';

const reasonDisplay = {
  CHECKUP: 'A routine check-up, such as an annual physical',
  EMERGENCY: 'Emergency appointment',
  FOLLOWUP: 'A follow up visit from a previous appointment',
  ROUTINE: 'Routine appointment - default if not valued',
  WALKIN: 'A previously unscheduled walk-in visit',
} as const;

export interface FhirCoding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

export interface FhirReference {
  readonly reference: string;
  readonly display?: string;
}

/** The subset of the FHIR R4 Appointment resource Tandem produces. */
export interface FhirAppointment {
  readonly resourceType: 'Appointment';
  readonly id: string;
  readonly status: 'booked' | 'cancelled';
  readonly serviceType: readonly { readonly coding: readonly FhirCoding[]; readonly text: string }[];
  readonly appointmentType: { readonly coding: readonly FhirCoding[] };
  readonly description: string;
  readonly start: string;
  readonly end: string;
  readonly minutesDuration: number;
  readonly created: string;
  readonly participant: readonly {
    readonly actor: FhirReference;
    readonly required: 'required';
    readonly status: 'accepted';
  }[];
}

/** Everything besides the appointment that the resource names. */
export interface FhirAppointmentContext {
  readonly provider: Provider;
  readonly type: AppointmentType;
  readonly location: Location;
  /** Patient display name, when the caller has it; omitted otherwise. */
  readonly patientDisplay?: string;
}

/** Builds a FHIR R4 Appointment; start/end carry the location's UTC offset. */
export function buildFhirAppointment(appointment: Appointment, context: FhirAppointmentContext): FhirAppointment {
  const { provider, type, location } = context;
  const zone = location.timeZone;
  return {
    resourceType: 'Appointment',
    id: appointment.id,
    status: appointment.status,
    serviceType: [{ coding: [{ system: serviceTypeSystem, code: type.id, display: type.name }], text: type.name }],
    appointmentType: { coding: [{ system: appointmentReasonSystem, code: type.reasonCode, display: reasonDisplay[type.reasonCode] }] },
    description: `${type.name} with ${provider.name}`,
    start: toZonedIso(new Date(appointment.start), zone),
    end: toZonedIso(new Date(appointment.end), zone),
    minutesDuration: Math.round((Date.parse(appointment.end) - Date.parse(appointment.start)) / 60_000),
    created: appointment.createdAt,
    participant: [
      { actor: { reference: `Practitioner/${provider.id}`, display: provider.name }, required: 'required', status: 'accepted' },
      {
        actor: {
          reference: `Patient/${appointment.patientRef}`,
          ...(context.patientDisplay ? { display: context.patientDisplay } : {}),
        },
        required: 'required',
        status: 'accepted',
      },
      { actor: { reference: `Location/${location.id}`, display: location.name }, required: 'required', status: 'accepted' },
    ],
  };
}
