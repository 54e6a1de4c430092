import { type Attachment, MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { AppointmentView, Slot } from '../../src/domain/scheduling/appointment';
import { defaultCancellationPolicy, mayChangeAppointment, type CancellationPolicy } from '../../src/domain/scheduling/cancellationPolicy';
import type { SchedulingService } from '../../src/domain/scheduling/schedulingService';
import { addDays, formatForPeople, formatLocalDate, localParts, zonedToUtc, type LocalDate } from '../../src/domain/scheduling/zonedTime';
import type { Provider } from '../../src/domain/scheduling/calendar';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';
import type { FlowTurn } from '../flowTurn';
import type { RoutedDialogOptions } from '../mainDialog';
import { TaskDialog } from '../taskDialog';
import { reportsTimeZone, userTimeZone } from '../userTimeZone';
import { findMention } from './catalogueMention';
import { narrowRequest, readDateAnswer, type RequestedDay } from './dateAnswer';
import { describeWindow } from './requestedWindow';
import { dayZone, fitsRequest, parseDay, searchBounds, type UserClock } from './requestClocks';
import { statedZone } from './statedZone';
import { conversionSentence, yourTimeNote, zoneName, zonesDiffer } from './zoneConversion';
import { patientRefFor } from '../patientRef';
import { recentAppointment, topicMemory } from '../topicMemory';
import { worksAt } from './workingHours';
import type { DateClock } from '../../src/clock';

export interface AppointmentsDialogDeps {
  readonly scheduling: SchedulingService;
  readonly now: DateClock;
  readonly defaultTimeZone: string;
  /** Must be the policy the scheduling service enforces; checked early so nobody picks a time in vain. */
  readonly cancellationPolicy?: CancellationPolicy;
}

const Mode = { book: 'book', reschedule: 'reschedule', cancel: 'cancel', list: 'list' } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

/** Each appointments intent and the task it starts, as data. */
const modeByIntent: Readonly<Record<string, Mode>> = {
  'appointment.book': Mode.book,
  'appointment.reschedule': Mode.reschedule,
  'appointment.cancel': Mode.cancel,
  'appointment.list': Mode.list,
};
const modeChoices: readonly { mode: Mode; label: string }[] = [
  { mode: Mode.book, label: 'Book an appointment' },
  { mode: Mode.reschedule, label: 'Reschedule' },
  { mode: Mode.cancel, label: 'Cancel an appointment' },
  { mode: Mode.list, label: 'My appointments' },
];

type Phase = 'chooseMode' | 'what' | 'when' | 'pickSlot' | 'confirm' | 'pickAppointment' | 'confirmCancel';

interface OfferedSlot {
  readonly start: string;
  readonly providerId: string;
  readonly typeId: string;
  /** "Tue, Dec 15, 8:30 AM EST with Dr. Amara Okafor": the button. */
  readonly label: string;
  /** " at Riverside Health Center (5:30 AM your time)": the clinic, and the user's clock when it differs. */
  readonly where?: string;
}

interface AppointmentsState {
  mode?: Mode;
  phase?: Phase;
  typeId?: string;
  providerId?: string;
  requested?: RequestedDay;
  offered?: OfferedSlot[];
  chosen?: OfferedSlot;
  appointmentId?: string;
  appointments?: { id: string; label: string }[];
  /** The zone the user said they are in ("I'm in Denver"); it wins over the channel's. */
  statedZone?: string;
}

const maxOffered = 5;
const searchAheadDays = 14;
const whenQuestion = 'What day would you like? You can say things like "tomorrow", "next Tuesday at 10am" or "March 3".';
const fhirContentType = 'application/fhir+json';

const dayLabel = (day: string): string =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(`${day}T12:00:00Z`));

/** A Markdown-safe numbered list: one item per line, nothing else. */
const numbered = (lines: readonly string[]): string => lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
const fullLabel = (slot: OfferedSlot): string => `${slot.label}${slot.where ?? ''}`;

const clockOf = (clock: string): { hour: number; minute: number } => ({ hour: Number(clock.slice(0, 2)), minute: Number(clock.slice(3, 5)) });
const clockText = (instant: Date, zone: string): string => {
  const p = localParts(instant, zone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

/**
 * Booking, rescheduling, cancelling and listing appointments. Dates come from NLU (resolved in the
 * user's zone); only real free slots are offered, and booking is atomic in the scheduling service.
 */
export class AppointmentsDialog extends TaskDialog<AppointmentsState, RoutedDialogOptions> {
  static readonly id = 'appointments';
  protected override readonly taskTitle = 'your appointment request';
  protected override readonly taskTopic = 'appointment';
  protected override taskWords(): readonly string[] {
    return ['appointment', 'booking', 'request', 'visit', 'reservation'];
  }
  protected readonly helpText =
    'I can book, move or cancel an appointment, or tell you which appointments you have. Tell me the kind of visit and a day, like "a physical next Tuesday at 10am".';

  constructor(private readonly deps: AppointmentsDialogDeps) {
    super(AppointmentsDialog.id);
  }

  private get policy(): CancellationPolicy {
    return this.deps.cancellationPolicy ?? defaultCancellationPolicy;
  }

  protected initialState(options: RoutedDialogOptions | undefined): AppointmentsState {
    const mode = options?.intent ? modeByIntent[options.intent.name] : undefined;
    return mode ? { mode } : {};
  }

  protected async start(turn: FlowTurn<AppointmentsState>, options: RoutedDialogOptions | undefined): Promise<DialogTurnResult> {
    if (options?.signals) {
      this.readFirstMessage(turn);
      this.readStatedZone(turn);
    }
    return this.proceed(turn);
  }

  /** Type, provider and day given up front are not asked again. */
  private readFirstMessage(turn: FlowTurn<AppointmentsState>): void {
    const { scheduling } = this.deps;
    const mention = findMention(turn.text, scheduling.listAppointmentTypes(), scheduling.listProviders());
    if (mention.typeId) turn.state.typeId = mention.typeId;
    if (mention.providerId) turn.state.providerId = mention.providerId;
    const date = readDateAnswer(turn.text, turn.entities);
    if (date.kind === 'date') turn.state.requested = date.requested;
  }

  private readStatedZone(turn: FlowTurn<AppointmentsState>): void {
    const zone = statedZone(turn.text, this.deps.scheduling.listLocations());
    if (zone) turn.state.statedZone = zone;
  }

  /** Whose clock the user's words are on: the zone they stated, else the channel's, else unknown (the default). */
  private userClock(turn: FlowTurn<AppointmentsState>): UserClock {
    if (turn.state.statedZone) return { zone: turn.state.statedZone, known: true };
    return { zone: userTimeZone(turn.context, this.deps.defaultTimeZone), known: reportsTimeZone(turn.context) };
  }

  /** The providers a search may offer: the one asked for, else those offering the type, else all. */
  private candidates(state: AppointmentsState): Provider[] {
    const { scheduling } = this.deps;
    const type = scheduling.listAppointmentTypes().find((t) => t.id === state.typeId);
    return scheduling.listProviders().filter((p) => (state.providerId ? p.id === state.providerId : !type || type.providerIds.includes(p.id)));
  }

  protected async onMessage(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    this.readStatedZone(turn);
    switch (turn.state.phase) {
      case 'chooseMode':
        return this.answerMode(turn);
      case 'what':
        return this.answerWhat(turn);
      case 'when':
        return this.answerWhen(turn);
      case 'pickSlot':
        return this.answerSlot(turn);
      case 'confirm':
        return this.answerConfirm(turn);
      case 'pickAppointment':
        return this.answerAppointment(turn);
      case 'confirmCancel':
        return this.answerCancel(turn);
      case undefined:
        return this.proceed(turn);
    }
  }

  private async proceed(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    switch (state.mode) {
      case undefined:
        state.phase = 'chooseMode';
        return turn.ask('What would you like to do?', modeChoices.map((c) => c.label));
      case Mode.list:
        return this.list(turn);
      case Mode.book:
        return this.book(turn);
      case Mode.reschedule:
      case Mode.cancel:
        return this.change(turn);
    }
  }

  // ── booking ────────────────────────────────────────────────────────────────

  private async book(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const { scheduling } = this.deps;
    const provider = scheduling.listProviders().find((p) => p.id === state.providerId);
    const types = scheduling.listAppointmentTypes();
    if (provider) {
      const offered = types.filter((t) => t.providerIds.includes(provider.id));
      if (state.typeId && !offered.some((t) => t.id === state.typeId)) {
        const wanted = types.find((t) => t.id === state.typeId);
        delete state.typeId;
        await turn.say(`${provider.name} doesn't offer ${wanted ? wanted.name.toLowerCase() : 'that kind of'} appointments.`);
      }
      if (!state.typeId && offered.length === 1) state.typeId = offered[0]?.id;
      if (!state.typeId) {
        state.phase = 'what';
        return turn.ask(`What kind of appointment with ${provider.name}?`, offered.map((t) => t.name));
      }
    }
    if (!state.typeId && !state.providerId) {
      state.phase = 'what';
      return turn.ask('What kind of appointment would you like? You can also name a provider, e.g. "Dr. Okafor".', types.map((t) => t.name));
    }
    if (!state.requested) {
      state.phase = 'when';
      return turn.ask(whenQuestion);
    }
    return this.search(turn);
  }

  private async answerWhat(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const { scheduling } = this.deps;
    const provider = scheduling.listProviders().find((p) => p.id === state.providerId);
    const types = scheduling.listAppointmentTypes().filter((t) => !provider || t.providerIds.includes(provider.id));
    const picked = matchChoice(turn.text, types.map((t) => t.name));
    const mention = findMention(turn.text, scheduling.listAppointmentTypes(), scheduling.listProviders());
    const typeId = picked !== undefined ? types[picked]?.id : mention.typeId;
    if (!typeId && !mention.providerId) {
      return turn.ask("Sorry, I didn't catch which kind of appointment. Please pick one of these, or name a provider.", types.map((t) => t.name));
    }
    if (typeId) state.typeId = typeId;
    if (mention.providerId) state.providerId = mention.providerId;
    const date = readDateAnswer(turn.text, turn.entities);
    if (date.kind === 'date') state.requested = date.requested;
    return this.book(turn);
  }

  private async answerWhen(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const date = readDateAnswer(turn.text, turn.entities);
    if (date.kind === 'impossible') {
      return turn.ask(`There's no ${date.monthName} ${date.day}: that month doesn't have that many days. ${whenQuestion}`);
    }
    if (date.kind === 'none') {
      return turn.ask(`Sorry, I couldn't read that as a date. ${whenQuestion}`);
    }
    turn.state.requested = date.requested;
    return this.search(turn);
  }

  /**
   * Finds free slots for the requested day (and part of the day) and offers them; an exact free time
   * goes straight to confirmation. Nothing free that day: the next free times that fit.
   */
  private async search(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const requested = state.requested;
    if (!requested) {
      state.phase = 'when';
      return turn.ask(whenQuestion);
    }
    const user = this.userClock(turn);
    const now = this.deps.now();
    const today = formatLocalDate(localParts(now, user.zone));
    if (requested.day < today) {
      delete state.requested;
      state.phase = 'when';
      return turn.ask(`${dayLabel(requested.day)} has already passed. Which upcoming day would you like?`);
    }
    // Unknown user zone: the day and times asked for are read on each clinic's clock.
    const clinicZones = [...new Set(this.candidates(state).map((p) => p.timeZone))];
    const readingZones = user.known || clinicZones.length === 0 ? [user.zone] : clinicZones;
    const { from, to } = searchBounds(requested, readingZones);
    const wantedZone = readingZones.length === 1 && readingZones[0] ? readingZones[0] : user.zone;
    const wanted = requested.time ? zonedToUtc({ ...parseDay(requested.day), ...clockOf(requested.time) }, wantedZone) : undefined;
    if (wanted && wanted.getTime() <= now.getTime()) {
      delete state.requested;
      state.phase = 'when';
      return turn.ask(`That time has already passed. ${whenQuestion}`);
    }

    turn.note({ slots: { appointmentType: state.typeId ?? null, provider: state.providerId ?? null, requestedDay: requested.day } });
    const query = { ...(state.typeId ? { typeId: state.typeId } : {}), ...(state.providerId ? { providerId: state.providerId } : {}) };
    const fits = (slot: Slot): boolean => fitsRequest(new Date(slot.start), slot.timeZone, requested, user);
    const part = requested.window ? ` ${describeWindow(requested.window)}` : '';
    let slots = (await this.deps.scheduling.findSlots({ ...query, from, to, limit: 100 })).filter(fits);
    let intro: string;
    if (wanted) {
      const exact = slots.find((s) => clockText(new Date(s.start), dayZone(user, s.timeZone)) === requested.time);
      if (exact) {
        state.chosen = this.toOffered(exact, turn);
        const location = this.locationName(exact.locationId);
        const converted = user.known ? conversionSentence(new Date(exact.start), user.zone, exact.timeZone, location) : '';
        if (converted) await turn.say(converted);
        return this.askConfirm(turn);
      }
      intro = this.whyNotFree(state, wanted, user, wantedZone);
    } else {
      intro = `Here are free times on ${dayLabel(requested.day)}${part}:`;
    }
    if (slots.length === 0) {
      slots = await this.laterSlots(query, addDays(parseDay(requested.untilDay ?? requested.day), wanted ? 0 : 1), readingZones, requested.window, user);
      if (slots.length === 0) {
        delete state.requested;
        state.phase = 'when';
        return turn.ask(
          `I couldn't find any free times${part} within ${searchAheadDays} days of ${dayLabel(requested.day)}. Appointments can be booked up to about three months ahead. Which other day${part ? ' or time' : ''} would you like?`,
        );
      }
      intro = `${wanted ? `${intro} ` : ''}Nothing is free on ${dayLabel(requested.day)}${part}. The next free times${part} are:`;
    } else if (wanted) {
      intro = `${intro} The closest free times that day are:`;
    }
    const picked = wanted
      ? [...slots].sort((a, b) => Math.abs(Date.parse(a.start) - wanted.getTime()) - Math.abs(Date.parse(b.start) - wanted.getTime())).slice(0, maxOffered)
      : slots.slice(0, maxOffered);
    picked.sort((a, b) => a.start.localeCompare(b.start));
    return this.offer(turn, picked, intro);
  }

  /** Free times that fit, day by day from `firstDay`, each day searched only in the window so it is not crowded out. */
  private async laterSlots(
    query: { typeId?: string; providerId?: string },
    firstDay: LocalDate,
    readingZones: readonly string[],
    window: RequestedDay['window'],
    user: UserClock,
  ): Promise<Slot[]> {
    for (let ahead = 0; ahead < searchAheadDays; ahead += 1) {
      const day: RequestedDay = { day: formatLocalDate(addDays(firstDay, ahead)), ...(window ? { window } : {}) };
      const { from, to } = searchBounds(day, readingZones);
      const found = (await this.deps.scheduling.findSlots({ ...query, from, to, limit: 100 })).filter((s) =>
        fitsRequest(new Date(s.start), s.timeZone, day, user),
      );
      if (found.length > 0) return found.slice(0, maxOffered);
    }
    return [];
  }

  private locationName(locationId: string): string {
    return this.deps.scheduling.listLocations().find((l) => l.id === locationId)?.name ?? 'the clinic';
  }

  /** Why a requested time can't be booked: nobody works then, or it is taken. */
  private whyNotFree(state: AppointmentsState, wanted: Date, user: UserClock, wantedZone: string): string {
    const type = this.deps.scheduling.listAppointmentTypes().find((t) => t.id === state.typeId);
    const providers = this.candidates(state);
    const minutes = type?.durationMinutes ?? 15;
    const clinics = [...new Set(providers.map((p) => p.timeZone))];
    const clinicZone = clinics.length === 1 ? clinics[0] : undefined;
    // The user's time, and the clinic's when its clock differs: "5:30 AM PST (8:30 AM at the clinic)".
    const converted = user.known && clinicZone && zonesDiffer(wanted, user.zone, clinicZone);
    const when = `${formatForPeople(wanted, wantedZone)}${converted ? ` (${formatForPeople(wanted, clinicZone)} at the clinic)` : ''}`;
    if (!providers.some((p) => worksAt(p, wanted, minutes))) {
      const who = providers.length === 1 && providers[0] ? `${providers[0].name} isn't` : "We aren't";
      return `${who} seeing patients at ${when}: that's outside working hours.`;
    }
    return `${when} isn't free.`;
  }

  private toOffered(slot: Slot, turn: FlowTurn<AppointmentsState>): OfferedSlot {
    const user = this.userClock(turn);
    const yours = user.known ? yourTimeNote(new Date(slot.start), user.zone, slot.timeZone) : '';
    return {
      start: slot.start,
      providerId: slot.providerId,
      typeId: slot.typeId,
      label: `${slot.startLabel} with ${slot.providerName}`,
      where: ` at ${this.locationName(slot.locationId)}${yours}`,
    };
  }

  /** Said when we don't know the user's zone and a clinic's clock differs from the default one. */
  private clinicClockNote(turn: FlowTurn<AppointmentsState>, slots: readonly Slot[]): string {
    const user = this.userClock(turn);
    const other = slots.filter((s) => zonesDiffer(new Date(s.start), user.zone, s.timeZone));
    if (user.known || other.length === 0) return '';
    const zones = [...new Set(slots.map((s) => zoneName(s.timeZone, new Date(s.start))))];
    return zones.length === 1 ? `Times are the clinic's local time (${zones[0] ?? ''}). ` : "Times are each clinic's local time. ";
  }

  /**
   * Offers slots as a numbered list, each with its clinic (and the user's own time when their clock
   * differs). Blank lines around the list keep the question out of the last item in Markdown channels
   * (Teams, Web Chat), where a line right after a list item continues it.
   */
  private async offer(turn: FlowTurn<AppointmentsState>, slots: readonly Slot[], intro: string): Promise<DialogTurnResult> {
    const { state } = turn;
    state.offered = slots.map((s) => this.toOffered(s, turn));
    state.phase = 'pickSlot';
    const note = this.clinicClockNote(turn, slots);
    return turn.ask(`${intro}\n\n${numbered(state.offered.map(fullLabel))}\n\n${note}Which one would you like? You can also give me another day.`, state.offered.map((s) => s.label));
  }

  private async answerSlot(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const offered = state.offered ?? [];
    const index = matchChoice(turn.text, offered.map((s) => s.label));
    const picked = index !== undefined ? offered[index] : undefined;
    if (picked) {
      state.chosen = picked;
      return this.askConfirm(turn);
    }
    const date = readDateAnswer(turn.text, turn.entities);
    if (date.kind === 'impossible') {
      return turn.ask(`There's no ${date.monthName} ${date.day}. Please pick one of the times above by its number, or give me another day.`, offered.map((s) => s.label));
    }
    if (date.kind === 'date') {
      state.requested = narrowRequest(state.requested, date);
      return this.search(turn);
    }
    if (parseYesNo(turn.text) === false || /\b(none|neither|other|different|another)\b/i.test(turn.text)) {
      delete state.requested;
      state.phase = 'when';
      return turn.ask(`No problem. ${whenQuestion}`);
    }
    return turn.ask('Please pick one of the times by its number (1, 2, …), or tell me another day.', offered.map((s) => s.label));
  }

  private async askConfirm(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const chosen = state.chosen;
    if (!chosen) return this.search(turn);
    const type = this.deps.scheduling.listAppointmentTypes().find((t) => t.id === chosen.typeId);
    state.phase = 'confirm';
    const what =
      state.mode === Mode.reschedule
        ? `Shall I move your appointment to ${fullLabel(chosen)}?`
        : `Shall I book this: ${type?.name ?? 'Visit'}, ${fullLabel(chosen)}?`;
    return turn.ask(what, ['Yes', 'No']);
  }

  private async answerConfirm(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const yes = parseYesNo(turn.text);
    if (yes === undefined) {
      const date = readDateAnswer(turn.text, turn.entities);
      if (date.kind === 'date') {
        state.requested = narrowRequest(state.requested, date);
        return this.search(turn);
      }
      return turn.ask(`Please answer yes or no: ${state.chosen ? fullLabel(state.chosen) : 'that time'}?`, ['Yes', 'No']);
    }
    if (!yes) {
      const others = (state.offered ?? []).filter((s) => s.start !== state.chosen?.start || s.providerId !== state.chosen?.providerId);
      delete state.chosen;
      if (others.length === 0) {
        delete state.requested;
        state.phase = 'when';
        return turn.ask(`No problem. ${whenQuestion}`);
      }
      state.offered = others;
      state.phase = 'pickSlot';
      return turn.ask(
        `No problem. Pick another time, or tell me another day:\n\n${numbered(others.map(fullLabel))}`,
        others.map((s) => s.label),
      );
    }
    return state.mode === Mode.reschedule ? this.commitReschedule(turn) : this.commitBooking(turn);
  }

  private async commitBooking(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const chosen = turn.state.chosen;
    if (!chosen) return this.search(turn);
    const result = await this.deps.scheduling.book({
      slotStart: chosen.start,
      providerId: chosen.providerId,
      typeId: chosen.typeId,
      patientRef: patientRefFor(turn.context),
    });
    if (!result.ok) return this.rejected(turn, result.reason, result.message);
    const a = result.appointment;
    turn.note({ slots: { appointmentId: a.id }, lookups: [{ kind: 'appointment.book', summary: `booked ${a.id}: ${a.typeName}, ${a.startLabel}` }] });
    topicMemory(turn.context).appointment = { id: a.id, at: this.deps.now().toISOString() };
    await turn.say(this.withFhir(`You're booked: ${a.typeName} with ${a.providerName} on ${a.startLabel} at ${a.locationName}. Your appointment id is ${a.id}.`, a));
    return turn.end({ appointmentId: a.id });
  }

  private async commitReschedule(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { chosen, appointmentId } = turn.state;
    if (!chosen || !appointmentId) return this.proceed(turn);
    const result = await this.deps.scheduling.reschedule({
      appointmentId,
      patientRef: patientRefFor(turn.context),
      newStart: chosen.start,
      providerId: chosen.providerId,
    });
    if (!result.ok) return this.rejected(turn, result.reason, result.message);
    const a = result.appointment;
    turn.note({ slots: { appointmentId: a.id }, lookups: [{ kind: 'appointment.reschedule', summary: `moved ${a.id} to ${a.startLabel}` }] });
    topicMemory(turn.context).appointment = { id: a.id, at: this.deps.now().toISOString() };
    await turn.say(this.withFhir(`Done: your ${a.typeName.toLowerCase()} (${a.id}) with ${a.providerName} is now on ${a.startLabel} at ${a.locationName}.`, a));
    return turn.end({ appointmentId: a.id });
  }

  /** A refused booking or move: a lost race offers fresh times; a policy refusal ends with its reason. */
  private async rejected(turn: FlowTurn<AppointmentsState>, reason: string, message: string): Promise<DialogTurnResult> {
    const { state } = turn;
    delete state.chosen;
    if (reason === 'slot_taken' || reason === 'outside_working_hours' || reason === 'too_soon' || reason === 'in_the_past' || reason === 'misaligned') {
      await turn.say(message);
      if (state.requested) state.requested = { day: state.requested.day };
      return this.search(turn);
    }
    await turn.say(message);
    return turn.end();
  }

  private withFhir(text: string, appointment: AppointmentView): ReturnType<typeof MessageFactory.attachment> {
    const attachment: Attachment = {
      contentType: fhirContentType,
      name: `Appointment-${appointment.id}.json`,
      content: this.deps.scheduling.toFhirAppointment(appointment),
    };
    return MessageFactory.attachment(attachment, text);
  }

  // ── reschedule, cancel, list ──────────────────────────────────────────────

  private async upcoming(turn: FlowTurn<AppointmentsState>): Promise<AppointmentView[]> {
    const now = this.deps.now().getTime();
    const all = await this.deps.scheduling.listAppointments(patientRefFor(turn.context));
    return all.filter((a) => Date.parse(a.start) > now);
  }

  private describe(a: AppointmentView): string {
    return `${a.typeName} with ${a.providerName}, ${a.startLabel}`;
  }

  private async change(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const appointments = await this.upcoming(turn);
    // "move it to Friday" right after booking: the appointment the conversation is about.
    const topic = state.appointmentId ? undefined : recentAppointment(turn.context, this.deps.now());
    let current = appointments.find((a) => a.id === (state.appointmentId ?? topic?.id));
    if (!current) {
      if (appointments.length === 0) {
        await turn.say(MessageFactory.suggestedActions(['Book an appointment'], "I can't find any upcoming appointments booked for you."));
        return turn.end();
      }
      if (appointments.length > 1) {
        state.appointments = appointments.map((a) => ({ id: a.id, label: this.describe(a) }));
        state.phase = 'pickAppointment';
        const verb = state.mode === Mode.cancel ? 'cancel' : 'move';
        return turn.ask(
          `Which appointment would you like to ${verb}?\n\n${numbered(state.appointments.map((a) => a.label))}`,
          state.appointments.map((a) => a.label),
        );
      }
      current = appointments[0];
    }
    if (!current) return turn.end();
    state.appointmentId = current.id;
    const decision = mayChangeAppointment(current, this.deps.now(), this.policy);
    if (!decision.allowed) {
      await turn.say(`${decision.message} Your ${current.typeName.toLowerCase()} is on ${current.startLabel}.`);
      return turn.end();
    }
    if (state.mode === Mode.cancel) {
      state.phase = 'confirmCancel';
      return turn.ask(`Cancel your ${this.describe(current)}?`, ['Yes', 'No']);
    }
    state.typeId = current.typeId;
    state.providerId = current.providerId;
    if (!state.requested) {
      state.phase = 'when';
      return turn.ask(`Your ${this.describe(current)}. ${whenQuestion}`);
    }
    return this.search(turn);
  }

  private async answerAppointment(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const choices = state.appointments ?? [];
    const index = matchChoice(turn.text, choices.map((c) => c.label));
    const picked = index !== undefined ? choices[index] : undefined;
    if (!picked) return turn.ask('Please pick one of your appointments by its number.', choices.map((c) => c.label));
    state.appointmentId = picked.id;
    return this.change(turn);
  }

  private async answerCancel(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const yes = parseYesNo(turn.text);
    if (yes === undefined) return turn.ask('Please answer yes or no: should I cancel it?', ['Yes', 'No']);
    if (!yes || !state.appointmentId) {
      await turn.say("OK, I've kept your appointment as it is.");
      return turn.end();
    }
    const result = await this.deps.scheduling.cancel({ appointmentId: state.appointmentId, patientRef: patientRefFor(turn.context) });
    if (!result.ok) {
      await turn.say(result.message);
      return turn.end();
    }
    turn.note({ lookups: [{ kind: 'appointment.cancel', summary: `cancelled ${result.appointment.id}` }] });
    const topic = topicMemory(turn.context);
    if (topic.appointment?.id === result.appointment.id) delete topic.appointment;
    await turn.say(`Your ${this.describe(result.appointment)} is cancelled. Appointment id ${result.appointment.id}.`);
    return turn.end({ appointmentId: result.appointment.id });
  }

  private async list(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const appointments = await this.upcoming(turn);
    if (appointments.length === 0) {
      await turn.say(MessageFactory.suggestedActions(['Book an appointment'], "You don't have any upcoming appointments with us."));
      return turn.end();
    }
    const lines = appointments.map((a) => `• ${this.describe(a)} at ${a.locationName} (${a.id})`).join('\n');
    const count = appointments.length === 1 ? 'one upcoming appointment' : `${appointments.length} upcoming appointments`;
    await turn.say(`You have ${count}:\n${lines}`);
    return turn.end();
  }

  private async answerMode(turn: FlowTurn<AppointmentsState>): Promise<DialogTurnResult> {
    const index = matchChoice(turn.text, modeChoices.map((c) => c.label));
    const byIntent = turn.signals?.intent ? modeByIntent[turn.signals.intent.name] : undefined;
    const mode = index !== undefined ? modeChoices[index]?.mode : byIntent;
    if (!mode) return turn.ask('Please pick one of these:', modeChoices.map((c) => c.label));
    turn.state.mode = mode;
    return this.proceed(turn);
  }
}
