import { randomBytes } from 'node:crypto';
import { patientRefPattern, type Appointment, type AppointmentView, type Slot } from './appointment';
import type { BookingStore, BookingStoreFailure } from './bookingStore';
import { weekdays, type AppointmentType, type Calendar, type Location, type Provider } from './calendar';
import { defaultCancellationPolicy, mayChangeAppointment, type CancellationPolicy } from './cancellationPolicy';
import { buildFhirAppointment, type FhirAppointment } from './fhirAppointment';
import { sampleCalendar, seededBusyCalendar, type ExternalBusyCalendar } from './sampleCalendar';
import type {
  BookRequest,
  CancelRequest,
  FindSlotsQuery,
  RescheduleRequest,
  SchedulingRejection,
  SchedulingResult,
  SchedulingService,
} from './schedulingService';
import { isOnUnitBoundary, overlaps, slotUnitMinutes } from './slotGrid';
import { addDays, compareLocalDates, formatForPeople, isValidTimeZone, localParts, parseClock, toZonedIso, weekdayOf, zonedToUtc, type LocalDate } from './zonedTime';
import type { DateClock } from '../../clock';

export interface EmbeddedSchedulingServiceOptions {
  readonly store: BookingStore;
  readonly now: DateClock;
  /** Default: the demo practice in sampleCalendar.ts. */
  readonly calendar?: Calendar;
  /** Default: the deterministic seeded pattern. */
  readonly busy?: ExternalBusyCalendar;
  readonly cancellationPolicy?: CancellationPolicy;
  /** Earliest bookable start is now + this. Default 60. */
  readonly minLeadMinutes?: number;
  /** Latest bookable start is now + this. Default 90. */
  readonly horizonDays?: number;
  /** Appointment id factory (tests). Default `APT-` + 8 random base-32 characters. */
  readonly newId?: () => string;
}

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomAppointmentId(): string {
  return `APT-${Array.from(randomBytes(8), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

type Rejection = { readonly ok: false; readonly reason: SchedulingRejection; readonly message: string };
const reject = (reason: SchedulingRejection, message: string): Rejection => ({ ok: false, reason, message });

const storeMessages: Readonly<Record<BookingStoreFailure, Rejection>> = {
  slot_taken: reject('slot_taken', 'Sorry, that time was just taken. Please pick another slot.'),
  not_found: reject('not_found', "I couldn't find that appointment."),
  conflict: reject('conflict', 'That appointment changed while I was updating it. Please check it and try again.'),
  duplicate_id: reject('conflict', 'Something went wrong creating the appointment. Please try again.'),
};

/** Checks the static calendar once, so a typo in data fails at start-up rather than mid-conversation. */
function validateCalendar(calendar: Calendar): void {
  const locations = new Set(calendar.locations.map((l) => l.id));
  const providers = new Set(calendar.providers.map((p) => p.id));
  for (const location of calendar.locations) {
    if (!isValidTimeZone(location.timeZone)) throw new Error(`Location ${location.id}: unknown time zone ${location.timeZone}`);
  }
  for (const provider of calendar.providers) {
    if (!locations.has(provider.locationId)) throw new Error(`Provider ${provider.id}: unknown location ${provider.locationId}`);
    if (!isValidTimeZone(provider.timeZone)) throw new Error(`Provider ${provider.id}: unknown time zone ${provider.timeZone}`);
    for (const windows of Object.values(provider.workingHours)) {
      for (const w of windows ?? []) {
        if (parseClock(w.start) >= parseClock(w.end)) throw new Error(`Provider ${provider.id}: window ${w.start}-${w.end} is empty`);
        if (parseClock(w.start) % slotUnitMinutes !== 0 || parseClock(w.end) % slotUnitMinutes !== 0) {
          throw new Error(`Provider ${provider.id}: window ${w.start}-${w.end} is not on the ${slotUnitMinutes}-minute grid`);
        }
      }
    }
  }
  for (const type of calendar.appointmentTypes) {
    if (type.durationMinutes <= 0 || type.durationMinutes % slotUnitMinutes !== 0) {
      throw new Error(`Appointment type ${type.id}: duration must be a positive multiple of ${slotUnitMinutes} minutes`);
    }
    for (const id of type.providerIds) if (!providers.has(id)) throw new Error(`Appointment type ${type.id}: unknown provider ${id}`);
  }
}

/**
 * SchedulingService over a static calendar (default: the demo practice), an outside busy calendar
 * and a BookingStore (memory or Redis) that makes each booking atomic.
 */
export class EmbeddedSchedulingService implements SchedulingService {
  private readonly calendar: Calendar;
  private readonly store: BookingStore;
  private readonly now: DateClock;
  private readonly busy: ExternalBusyCalendar;
  private readonly policy: CancellationPolicy;
  private readonly minLeadMs: number;
  private readonly horizonMs: number;
  private readonly newId: () => string;

  constructor(options: EmbeddedSchedulingServiceOptions) {
    this.calendar = options.calendar ?? sampleCalendar;
    validateCalendar(this.calendar);
    this.store = options.store;
    this.now = options.now;
    this.busy = options.busy ?? seededBusyCalendar();
    this.policy = options.cancellationPolicy ?? defaultCancellationPolicy;
    this.minLeadMs = (options.minLeadMinutes ?? 60) * minuteMs;
    this.horizonMs = (options.horizonDays ?? 90) * dayMs;
    this.newId = options.newId ?? randomAppointmentId;
  }

  listLocations(): readonly Location[] {
    return this.calendar.locations;
  }

  listProviders(): readonly Provider[] {
    return this.calendar.providers;
  }

  listAppointmentTypes(): readonly AppointmentType[] {
    return this.calendar.appointmentTypes;
  }

  private provider(id: string): Provider | undefined {
    return this.calendar.providers.find((p) => p.id === id);
  }

  private type(id: string): AppointmentType | undefined {
    return this.calendar.appointmentTypes.find((t) => t.id === id);
  }

  private location(id: string): Location {
    const location = this.calendar.locations.find((l) => l.id === id);
    if (!location) throw new Error(`Unknown location ${id}`);
    return location;
  }

  private defaultType(provider: Provider): AppointmentType | undefined {
    return this.calendar.appointmentTypes.find((t) => t.providerIds.includes(provider.id));
  }

  /** Working windows of `provider` on a local date, as UTC intervals. */
  private windowsOn(provider: Provider, date: LocalDate): { start: number; end: number }[] {
    const windows = provider.workingHours[weekdays[weekdayOf(date)] as (typeof weekdays)[number]] ?? [];
    return windows.map((w) => {
      const s = parseClock(w.start);
      const e = parseClock(w.end);
      return {
        start: zonedToUtc({ ...date, hour: Math.floor(s / 60), minute: s % 60 }, provider.timeZone).getTime(),
        end: zonedToUtc({ ...date, hour: Math.floor(e / 60), minute: e % 60 }, provider.timeZone).getTime(),
      };
    });
  }

  private slotFor(provider: Provider, type: AppointmentType, startMs: number): Slot {
    const start = new Date(startMs);
    return {
      start: start.toISOString(),
      end: new Date(startMs + type.durationMinutes * minuteMs).toISOString(),
      providerId: provider.id,
      providerName: provider.name,
      typeId: type.id,
      locationId: provider.locationId,
      timeZone: provider.timeZone,
      startLabel: formatForPeople(start, provider.timeZone),
      localStart: toZonedIso(start, provider.timeZone),
    };
  }

  async findSlots(query: FindSlotsQuery): Promise<Slot[]> {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 10), 1), 100);
    const nowMs = this.now().getTime();
    const fromMs = Math.max(query.from.getTime(), nowMs + this.minLeadMs);
    const toMs = Math.min(query.to.getTime(), nowMs + this.horizonMs);
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs) return [];
    const type = query.typeId ? this.type(query.typeId) : undefined;
    if (query.typeId && !type) return [];
    const providers = this.calendar.providers.filter(
      (p) => (!query.providerId || p.id === query.providerId) && (!type || type.providerIds.includes(p.id)),
    );
    const from = new Date(fromMs);
    const to = new Date(toMs);
    const slots: Slot[] = [];
    for (const provider of providers) {
      const slotType = type ?? this.defaultType(provider);
      if (!slotType) continue;
      const durationMs = slotType.durationMinutes * minuteMs;
      const stepMs = Math.min(slotType.durationMinutes, 30) * minuteMs;
      const taken = [
        ...this.busy.busyIntervals(provider, from, to).map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
        ...(await this.store.listByProvider(provider.id, from, to)).map((a) => ({ start: Date.parse(a.start), end: Date.parse(a.end) })),
      ];
      const last = localParts(to, provider.timeZone);
      let found = 0;
      for (let date: LocalDate = localParts(from, provider.timeZone); compareLocalDates(date, last) <= 0 && found < limit; date = addDays(date, 1)) {
        for (const window of this.windowsOn(provider, date)) {
          for (let start = window.start; start + durationMs <= window.end && found < limit; start += stepMs) {
            const end = start + durationMs;
            if (start < fromMs || end > toMs) continue;
            if (taken.some((t) => overlaps(start, end, t.start, t.end))) continue;
            slots.push(this.slotFor(provider, slotType, start));
            found++;
          }
        }
      }
    }
    return slots
      .sort((a, b) => a.start.localeCompare(b.start) || a.providerName.localeCompare(b.providerName))
      .slice(0, limit);
  }

  /** Every check a new time must pass before the store is asked; undefined when it passes. */
  private checkTime(provider: Provider, type: AppointmentType, start: Date): Rejection | undefined {
    const nowMs = this.now().getTime();
    if (!type.providerIds.includes(provider.id)) {
      return reject('type_not_offered', `${provider.name} doesn't offer ${type.name.toLowerCase()} appointments.`);
    }
    if (!isOnUnitBoundary(start)) {
      return reject('misaligned', `Appointments start on the quarter hour (:00, :15, :30 or :45).`);
    }
    if (start.getTime() <= nowMs) return reject('in_the_past', 'That time is in the past. Please pick a future slot.');
    if (start.getTime() < nowMs + this.minLeadMs) {
      return reject('too_soon', `Appointments must be booked at least ${Math.round(this.minLeadMs / minuteMs)} minutes ahead.`);
    }
    if (start.getTime() > nowMs + this.horizonMs) {
      return reject('too_far_ahead', `Appointments can be booked up to ${Math.round(this.horizonMs / dayMs)} days ahead.`);
    }
    const startMs = start.getTime();
    const endMs = startMs + type.durationMinutes * minuteMs;
    const windows = this.windowsOn(provider, localParts(start, provider.timeZone));
    if (!windows.some((w) => w.start <= startMs && endMs <= w.end)) {
      return reject(
        'outside_working_hours',
        `${provider.name} isn't seeing patients at ${formatForPeople(start, provider.timeZone)} for a ${type.durationMinutes}-minute visit.`,
      );
    }
    const end = new Date(endMs);
    if (this.busy.busyIntervals(provider, start, end).some((b) => overlaps(startMs, endMs, b.start.getTime(), b.end.getTime()))) {
      return storeMessages.slot_taken;
    }
    return undefined;
  }

  private view(appointment: Appointment): AppointmentView {
    const provider = this.provider(appointment.providerId);
    const type = this.type(appointment.typeId);
    const location = this.location(appointment.locationId);
    const start = new Date(appointment.start);
    return {
      ...appointment,
      providerName: provider?.name ?? appointment.providerId,
      typeName: type?.name ?? appointment.typeId,
      locationName: location.name,
      timeZone: location.timeZone,
      startLabel: formatForPeople(start, location.timeZone),
      localStart: toZonedIso(start, location.timeZone),
      durationMinutes: Math.round((Date.parse(appointment.end) - start.getTime()) / minuteMs),
    };
  }

  async book(request: BookRequest): Promise<SchedulingResult> {
    if (!patientRefPattern.test(request.patientRef)) return reject('invalid_request', 'The patient reference is not valid.');
    const start = new Date(request.slotStart);
    if (Number.isNaN(start.getTime())) return reject('invalid_request', "I couldn't read that date and time.");
    const provider = this.provider(request.providerId);
    if (!provider) return reject('unknown_provider', "I don't know that provider.");
    const type = this.type(request.typeId);
    if (!type) return reject('unknown_type', "I don't know that kind of appointment.");
    const problem = this.checkTime(provider, type, start);
    if (problem) return problem;
    const at = this.now().toISOString();
    const appointment: Appointment = {
      id: this.newId(),
      providerId: provider.id,
      typeId: type.id,
      locationId: provider.locationId,
      patientRef: request.patientRef,
      start: start.toISOString(),
      end: new Date(start.getTime() + type.durationMinutes * minuteMs).toISOString(),
      status: 'booked',
      createdAt: at,
      updatedAt: at,
    };
    const stored = await this.store.create(appointment);
    return stored.ok ? { ok: true, appointment: this.view(stored.appointment) } : storeMessages[stored.reason];
  }

  /** The patient's own booked appointment, or a rejection that does not reveal other patients' data. */
  private async owned(appointmentId: string, patientRef: string): Promise<Appointment | Rejection> {
    const current = await this.store.get(appointmentId);
    if (!current || current.patientRef !== patientRef) return storeMessages.not_found;
    if (current.status === 'cancelled') return reject('already_cancelled', 'That appointment is already cancelled.');
    const decision = mayChangeAppointment(current, this.now(), this.policy);
    if (!decision.allowed) return reject(decision.reason, decision.message);
    return current;
  }

  async reschedule(request: RescheduleRequest): Promise<SchedulingResult> {
    const current = await this.owned(request.appointmentId, request.patientRef);
    if ('ok' in current) return current;
    const start = new Date(request.newStart);
    if (Number.isNaN(start.getTime())) return reject('invalid_request', "I couldn't read that date and time.");
    const provider = this.provider(request.providerId ?? current.providerId);
    if (!provider) return reject('unknown_provider', "I don't know that provider.");
    const type = this.type(current.typeId);
    if (!type) return reject('unknown_type', "I don't know that kind of appointment.");
    const problem = this.checkTime(provider, type, start);
    if (problem) return problem;
    const next: Appointment = {
      ...current,
      providerId: provider.id,
      locationId: provider.locationId,
      start: start.toISOString(),
      end: new Date(start.getTime() + type.durationMinutes * minuteMs).toISOString(),
      updatedAt: this.now().toISOString(),
    };
    const stored = await this.store.reschedule(current, next);
    return stored.ok ? { ok: true, appointment: this.view(stored.appointment) } : storeMessages[stored.reason];
  }

  async cancel(request: CancelRequest): Promise<SchedulingResult> {
    const current = await this.owned(request.appointmentId, request.patientRef);
    if ('ok' in current) return current;
    const at = this.now().toISOString();
    const stored = await this.store.cancel(current, { ...current, status: 'cancelled', cancelledAt: at, updatedAt: at });
    return stored.ok ? { ok: true, appointment: this.view(stored.appointment) } : storeMessages[stored.reason];
  }

  async listAppointments(patientRef: string, options: { includeCancelled?: boolean } = {}): Promise<AppointmentView[]> {
    if (!patientRefPattern.test(patientRef)) return [];
    const all = await this.store.listByPatient(patientRef);
    return all.filter((a) => options.includeCancelled || a.status === 'booked').map((a) => this.view(a));
  }

  toFhirAppointment(appointment: AppointmentView): FhirAppointment {
    const provider = this.provider(appointment.providerId);
    const type = this.type(appointment.typeId);
    if (!provider || !type) throw new Error(`Appointment ${appointment.id} names an unknown provider or type`);
    return buildFhirAppointment(appointment, { provider, type, location: this.location(appointment.locationId) });
  }
}
