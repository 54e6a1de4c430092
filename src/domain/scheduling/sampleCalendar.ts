import { createSeededRandom, hashSeed } from '../seededRandom';
import type { Calendar, Provider, TimeWindow, WorkingHours } from './calendar';
import { weekdays } from './calendar';
import { addDays, compareLocalDates, type LocalDate, formatLocalDate, localParts, parseClock, weekdayOf, zonedToUtc } from './zonedTime';

const weekdayHours = (windows: readonly TimeWindow[], days: readonly (typeof weekdays)[number][]): WorkingHours =>
  Object.fromEntries(days.map((day) => [day, windows]));

const morningAfternoon = (morning: [string, string], afternoon: [string, string]): TimeWindow[] => [
  { start: morning[0], end: morning[1] },
  { start: afternoon[0], end: afternoon[1] },
];

/** The demo practice: four clinics in four US time zones, six providers, six appointment types. */
export const sampleCalendar: Calendar = {
  locations: [
    {
      id: 'loc-riverside',
      name: 'Riverside Health Center',
      address: { line: '415 West 125th Street', city: 'New York', state: 'NY', postalCode: '10027' },
      phone: '+1 212-555-0142',
      timeZone: 'America/New_York',
    },
    {
      id: 'loc-lakeshore',
      name: 'Lakeshore Family Clinic',
      address: { line: '2200 North Clark Street', city: 'Chicago', state: 'IL', postalCode: '60614' },
      phone: '+1 312-555-0178',
      timeZone: 'America/Chicago',
    },
    {
      id: 'loc-foothills',
      name: 'Foothills Physical Therapy',
      address: { line: '1550 Platte Street', city: 'Denver', state: 'CO', postalCode: '80202' },
      phone: '+1 303-555-0163',
      timeZone: 'America/Denver',
    },
    {
      id: 'loc-bayview',
      name: 'Bayview Medical Group',
      address: { line: '1600 Divisadero Street', city: 'San Francisco', state: 'CA', postalCode: '94115' },
      phone: '+1 415-555-0109',
      timeZone: 'America/Los_Angeles',
    },
  ],
  providers: [
    {
      id: 'prov-okafor',
      name: 'Dr. Amara Okafor',
      specialty: 'Family medicine',
      locationId: 'loc-riverside',
      timeZone: 'America/New_York',
      workingHours: weekdayHours(morningAfternoon(['08:30', '12:00'], ['13:00', '17:00']), ['mon', 'tue', 'wed', 'thu', 'fri']),
    },
    {
      id: 'prov-chen',
      name: 'Dr. Michael Chen',
      specialty: 'Dermatology',
      locationId: 'loc-riverside',
      timeZone: 'America/New_York',
      workingHours: {
        tue: [{ start: '09:00', end: '16:00' }],
        thu: [{ start: '09:00', end: '16:00' }],
        sat: [{ start: '09:00', end: '12:00' }],
      },
    },
    {
      id: 'prov-alvarez',
      name: 'Dr. Sofia Alvarez',
      specialty: 'Pediatrics',
      locationId: 'loc-lakeshore',
      timeZone: 'America/Chicago',
      workingHours: {
        mon: [{ start: '08:00', end: '14:00' }],
        tue: [{ start: '11:00', end: '19:00' }],
        wed: [{ start: '08:00', end: '14:00' }],
        thu: [{ start: '11:00', end: '19:00' }],
        fri: [{ start: '08:00', end: '14:00' }],
      },
    },
    {
      id: 'prov-nguyen',
      name: 'Linh Nguyen, NP',
      specialty: 'Family medicine',
      locationId: 'loc-lakeshore',
      timeZone: 'America/Chicago',
      workingHours: weekdayHours([{ start: '09:00', end: '17:00' }], ['mon', 'tue', 'wed', 'thu']),
    },
    {
      id: 'prov-harris',
      name: 'Jordan Harris, DPT',
      specialty: 'Physical therapy',
      locationId: 'loc-foothills',
      timeZone: 'America/Denver',
      workingHours: weekdayHours(morningAfternoon(['07:00', '11:00'], ['12:00', '18:00']), ['mon', 'tue', 'wed', 'thu', 'fri']),
    },
    {
      id: 'prov-brennan',
      name: 'Dr. Kate Brennan',
      specialty: 'Cardiology',
      locationId: 'loc-bayview',
      timeZone: 'America/Los_Angeles',
      workingHours: weekdayHours(morningAfternoon(['08:00', '12:00'], ['13:00', '16:00']), ['mon', 'tue', 'thu']),
    },
  ],
  appointmentTypes: [
    {
      id: 'new-patient',
      name: 'New patient visit',
      durationMinutes: 45,
      providerIds: ['prov-okafor', 'prov-alvarez', 'prov-nguyen', 'prov-chen', 'prov-brennan'],
      reasonCode: 'ROUTINE',
    },
    {
      id: 'annual-physical',
      name: 'Annual physical',
      durationMinutes: 30,
      providerIds: ['prov-okafor', 'prov-nguyen', 'prov-alvarez'],
      reasonCode: 'CHECKUP',
    },
    {
      id: 'follow-up',
      name: 'Follow-up visit',
      durationMinutes: 15,
      providerIds: ['prov-okafor', 'prov-alvarez', 'prov-nguyen', 'prov-chen', 'prov-brennan', 'prov-harris'],
      reasonCode: 'FOLLOWUP',
    },
    { id: 'skin-check', name: 'Skin check', durationMinutes: 30, providerIds: ['prov-chen'], reasonCode: 'CHECKUP' },
    { id: 'cardiology-consult', name: 'Cardiology consultation', durationMinutes: 60, providerIds: ['prov-brennan'], reasonCode: 'ROUTINE' },
    { id: 'pt-session', name: 'Physical therapy session', durationMinutes: 45, providerIds: ['prov-harris'], reasonCode: 'ROUTINE' },
  ],
};

export interface BusyInterval {
  readonly start: Date;
  readonly end: Date;
}

/**
 * Time a provider is already busy outside Tandem (other patients booked by phone, the practice's own
 * system). The scheduling service subtracts it from working hours and never books over it.
 */
export interface ExternalBusyCalendar {
  busyIntervals(provider: Provider, from: Date, to: Date): BusyInterval[];
}

/**
 * A deterministic "already booked" pattern: for each provider and local date, about a third of the
 * half-hour blocks in working hours are busy. The pattern depends only on (seed, provider, date), so
 * every process and every query range sees the same calendar.
 */
export function seededBusyCalendar(seed = 7, busyShare = 0.33): ExternalBusyCalendar {
  return {
    busyIntervals(provider, from, to) {
      const out: BusyInterval[] = [];
      const last = localParts(to, provider.timeZone);
      const first = localParts(from, provider.timeZone);
      for (let date: LocalDate = first; compareLocalDates(date, last) <= 0; date = addDays(date, 1)) {
        const windows = provider.workingHours[weekdays[weekdayOf(date)] as (typeof weekdays)[number]] ?? [];
        const rng = createSeededRandom(hashSeed(`${seed}:${provider.id}:${formatLocalDate(date)}`));
        for (const window of windows) {
          for (let minute = parseClock(window.start); minute + 30 <= parseClock(window.end); minute += 30) {
            if (!rng.chance(busyShare)) continue;
            const start = zonedToUtc({ ...date, hour: Math.floor(minute / 60), minute: minute % 60 }, provider.timeZone);
            const end = new Date(start.getTime() + 30 * 60_000);
            if (end > from && start < to) out.push({ start, end });
          }
        }
      }
      return out;
    },
  };
}

/** No outside bookings at all (tests that need an empty calendar). */
export const noExternalBusy: ExternalBusyCalendar = { busyIntervals: () => [] };
