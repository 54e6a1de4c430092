import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { RefillTicketStore } from '../../src/domain/refills/refillTicketStore';
import type { BusinessCalendar } from '../../src/handoff/businessCalendar';
import { HandoffReason } from '../../src/handoff/vocabulary';
import { AnswerFit } from '../answers/answerFit';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';
import { matchCommand } from '../commands';
import type { FlowTurn } from '../flowTurn';
import { looksLikeQuestion } from '../interruptions/decideInterruption';
import type { RoutedDialogOptions } from '../mainDialog';
import { patientRefFor } from '../patientRef';
import { RequestQueue } from '../requestQueue';
import { TaskDialog, type TaskResult } from '../taskDialog';
import { describedMedication, describesMedicine, isGeneric, isNonAnswer, readRefillDetails, typedName, type RefillDetails } from './refillDetails';
import { replyPromise } from './replyPromise';
import { bareAmount, saysUnknown } from './strengthAnswer';
import type { DateClock } from '../../src/clock';

export interface RefillDialogDeps {
  readonly tickets: RefillTicketStore;
  readonly now: DateClock;
  /** Business days and holidays (BUSINESS_HOURS, BUSINESS_HOLIDAYS) for the promise of an answer. */
  readonly calendar: BusinessCalendar;
  /** REFILL_REPLY_BUSINESS_DAYS. */
  readonly replyBusinessDays: number;
  /** Answers that don't do, to one question, before a person is brought in (HANDOFF_FIELD_FAILURES). */
  readonly maxFieldFailures: number;
}

const fields = ['medication', 'strength', 'pharmacy'] as const;
type Field = (typeof fields)[number];
type Phase = Field | 'confirm' | 'pickChange';

interface RefillState {
  phase: Phase;
  medication?: string;
  /** The request said what the medicine is for or looks like ("my inhaler") but not its name. */
  described?: string;
  /** As on the label; null when the patient doesn't know it (the care team checks the record). */
  strength?: string | null;
  pharmacy?: string;
  /** Answers that didn't do, to the question asked now. */
  failures: number;
  /** The routed intent, for the requests of other medicines named in the same breath. */
  intent?: string;
}

const fieldLabels: Record<Field, string> = { medication: 'Medication', strength: 'Strength', pharmacy: 'Pharmacy' };
const confirmChoices = ['Send it', 'Change something'] as const;
const maxNameChars = 60;
const maxPharmacyChars = 80;
const notAnsweredHere = "I can't answer that here; for a question about a medicine, a nurse can help if you say \"talk to a nurse\".";
const notAnswered = `${notAnsweredHere} For your refill:`;
const unknownStrength = "not sure (the care team will check your record)";
const onFile = /\b(?:on file|usual|regular|same (?:one|pharmacy|as (?:before|last time|always))|last time|always use|you have)\b/i;
const sendWords = /^(?:send|send it|submit|submit it|confirm|done|looks good|all good|that'?s right|correct|yes send it|go ahead and send it)$/i;
const changeField = /^(?:change|edit|fix|update|correct)\s+(?:my\s+|the\s+)?(medication|medicine|med|name|drug|strength|dose|dosage|pharmacy|store)\b/i;

function fieldNamed(word: string): Field | undefined {
  const w = word.toLowerCase();
  if (/^(?:medication|medicine|med|name|drug)$/.test(w)) return 'medication';
  if (/^(?:strength|dose|dosage)$/.test(w)) return 'strength';
  if (/^(?:pharmacy|store)$/.test(w)) return 'pharmacy';
  return undefined;
}

/**
 * A routine prescription refill: not medical advice, a request for the care team. It asks for the
 * medication, its strength and the pharmacy (taking whatever the first message already said), reads them
 * back, and files a ticket with the promise of an answer within REFILL_REPLY_BUSINESS_DAYS business days.
 */
export class RefillDialog extends TaskDialog<RefillState, RoutedDialogOptions> {
  static readonly id = 'refill';
  protected override readonly taskTitle = 'your refill request';
  protected override readonly cannotAnswer = notAnsweredHere;
  protected readonly helpText =
    'I\'m taking a refill request for our care team: the medication, its strength and your pharmacy. I can\'t give medical advice; for a question about a medicine, say "talk to a nurse".';

  constructor(private readonly deps: RefillDialogDeps) {
    super(RefillDialog.id);
  }

  protected initialState(options: RoutedDialogOptions | undefined): RefillState {
    return { phase: 'medication', failures: 0, ...(options?.intent ? { intent: options.intent.name } : {}) };
  }

  protected async start(turn: FlowTurn<RefillState>, options: RoutedDialogOptions | undefined): Promise<DialogTurnResult> {
    const { state } = turn;
    // What the request itself said is used, never asked for again. After "start over" there is none.
    if (options?.signals) {
      const details = readRefillDetails(turn.text);
      this.take(turn, details);
      if (!state.medication) {
        const described = describedMedication(turn.text);
        if (described) state.described = described;
      }
    }
    await turn.say("I can send a refill request to our care team. I'll need the medication, its strength and your pharmacy.");
    return this.next(turn);
  }

  protected async onMessage(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    switch (turn.state.phase) {
      case 'medication':
        return this.answerMedication(turn);
      case 'strength':
        return this.answerStrength(turn);
      case 'pharmacy':
        return this.answerPharmacy(turn);
      case 'confirm':
        return this.answerConfirm(turn);
      case 'pickChange':
        return this.answerPickChange(turn);
    }
  }

  /**
   * What counts as an answer here, so a question or a command in its place goes to the shared interruption
   * mechanism: a known medicine, a strength, a pharmacy, "not sure"; anything put as a question is not one.
   */
  protected override fit(turn: FlowTurn<RefillState>): AnswerFit {
    const { state } = turn;
    const text = turn.text;
    if (matchCommand(text)) return AnswerFit.none;
    const details = readRefillDetails(text);
    const names = details.medications.length > 0 || details.strength !== undefined || details.pharmacy !== undefined;
    switch (state.phase) {
      case 'medication':
        if (looksLikeQuestion(text)) return AnswerFit.none;
        return names || saysUnknown(text) || describesMedicine(typedName(details.rest)) ? AnswerFit.exact : AnswerFit.loose;
      case 'strength':
        if (looksLikeQuestion(text)) return AnswerFit.none;
        return names || saysUnknown(text) || bareAmount(text) !== undefined ? AnswerFit.exact : AnswerFit.none;
      case 'pharmacy':
        if (looksLikeQuestion(text)) return AnswerFit.none;
        return names || onFile.test(text) || saysUnknown(text) ? AnswerFit.exact : AnswerFit.loose;
      case 'confirm': {
        const bare = text.replace(/[.!]+$/, '').trim();
        const choice = matchChoice(bare, confirmChoices) !== undefined || parseYesNo(bare) !== undefined || sendWords.test(bare);
        return choice || changeField.test(bare) || /^change\b/i.test(bare) || (names && !looksLikeQuestion(text)) ? AnswerFit.exact : AnswerFit.none;
      }
      case 'pickChange':
        return matchChoice(text, fields.map((f) => fieldLabels[f])) !== undefined || fieldNamed(text.trim()) ? AnswerFit.exact : AnswerFit.none;
    }
  }

  // ── the three questions ────────────────────────────────────────────────────

  /**
   * Takes whatever the message gave; a medicine named anew replaces the old one (a change of mind). Other medicines
   * named in the same breath are requests of their own: the shared request queue starts each after this one, with
   * the pharmacy the message named.
   */
  private take(turn: FlowTurn<RefillState>, details: RefillDetails): string[] {
    const { state } = turn;
    const noted: string[] = [];
    const [first, ...others] = details.medications;
    if (first && first !== state.medication) {
      // A strength given for the medicine before belongs to it, not to this one.
      if (state.medication && !details.strength) delete state.strength;
      state.medication = first;
      delete state.described;
      noted.push(first);
    }
    for (const other of others) if (other !== state.medication) this.queueAnother(turn, other, details.pharmacy);
    if (details.strength) {
      state.strength = details.strength;
      noted.push(details.strength);
    }
    if (details.pharmacy) {
      state.pharmacy = details.pharmacy;
      noted.push(details.pharmacy);
    }
    return noted;
  }

  private queueAnother(turn: FlowTurn<RefillState>, medication: string, pharmacy: string | undefined): void {
    const intent = turn.state.intent ?? turn.signals?.intent?.name;
    if (!intent) return;
    RequestQueue.of(turn.dc).addAfterCurrent({
      text: `refill my ${medication}${pharmacy ? ` at ${pharmacy}` : ''}`,
      entities: [],
      intent,
      title: `a refill of ${medication}`,
      question: false,
    });
  }

  private async next(turn: FlowTurn<RefillState>, lead?: string): Promise<DialogTurnResult> {
    const { state } = turn;
    if (lead) await turn.say(lead);
    if (!state.medication) return this.askMedication(turn);
    if (state.strength === undefined) return this.askStrength(turn);
    if (!state.pharmacy) return this.askPharmacy(turn);
    return this.confirm(turn);
  }

  private askMedication(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    const { state } = turn;
    state.phase = 'medication';
    const question = state.described
      ? `You mentioned your ${state.described}. What is the medication's name on the label (for example: albuterol)? If you're not sure, say "not sure" and the care team will check your record.`
      : 'Which medication do you need refilled? Please give the name on the label (for example: lisinopril).';
    return turn.ask(question, undefined, { freeText: true });
  }

  private askStrength(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    turn.state.phase = 'strength';
    return turn.ask(
      `What's the strength of your ${turn.state.medication}? It's on the label next to the name (for example: 10 mg). If you don't know, say "not sure".`,
      undefined,
      { freeText: true },
    );
  }

  private askPharmacy(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    turn.state.phase = 'pharmacy';
    return turn.ask(
      'Which pharmacy should the prescription go to? (for example: CVS on Main Street, or "the one on file")',
      undefined,
      { freeText: true },
    );
  }

  private async answerMedication(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    const { state } = turn;
    // A question nobody else took is never read as an answer, even when it names a medicine.
    if (looksLikeQuestion(turn.text)) return this.retry(turn, notAnswered, () => this.askMedication(turn));
    const details = readRefillDetails(turn.text);
    const noted = this.take(turn, details);
    if (state.medication) return this.progress(turn, noted.length > 1 ? noted : []);
    if (saysUnknown(turn.text) && state.described) {
      state.medication = state.described;
      return this.progress(turn, []);
    }
    if (noted.length > 0) return this.next(turn, `Thanks, I've noted ${noted.join(' and ')}.`);
    const name = typedName(details.rest);
    if (saysUnknown(turn.text) || name.length === 0 || isGeneric(name) || isNonAnswer(name) || parseYesNo(name) !== undefined) {
      return this.retry(turn, 'I need at least the name of the medication, or what it is for (for example: "my blood pressure pills").', () =>
        this.askMedication(turn),
      );
    }
    if (name.length > maxNameChars || name.split(/\s+/).length > 6) {
      return this.retry(turn, 'Please give just the name of one medication, as it is written on the label.', () => this.askMedication(turn));
    }
    state.medication = name;
    return this.progress(turn, []);
  }

  private async answerStrength(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    const { state } = turn;
    if (looksLikeQuestion(turn.text)) return this.retry(turn, notAnswered, () => this.askStrength(turn));
    const details = readRefillDetails(turn.text);
    const before = state.medication;
    const noted = this.take(turn, details);
    if (details.strength) return this.progress(turn, []);
    if (saysUnknown(turn.text)) {
      state.strength = null;
      return this.progress(turn, state.medication !== before ? noted : []);
    }
    const amount = bareAmount(turn.text);
    if (amount) {
      state.strength = amount;
      return this.progress(turn, []);
    }
    if (noted.length > 0) return this.next(turn, `Thanks, I've noted ${noted.join(' and ')}.`);
    return this.retry(turn, "I couldn't find a strength in that.", () => this.askStrength(turn));
  }

  private async answerPharmacy(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    const { state } = turn;
    if (looksLikeQuestion(turn.text)) return this.retry(turn, notAnswered, () => this.askPharmacy(turn));
    const details = readRefillDetails(turn.text);
    const noted = this.take(turn, details);
    if (details.pharmacy) return this.progress(turn, []);
    if (onFile.test(turn.text) || saysUnknown(turn.text)) {
      state.pharmacy = 'the pharmacy on file';
      return this.progress(turn, []);
    }
    if (noted.length > 0) return this.next(turn, `Thanks, I've noted ${noted.join(' and ')}.`);
    const name = typedName(turn.text);
    if (name.length === 0 || isNonAnswer(name) || parseYesNo(name) !== undefined) {
      return this.retry(turn, 'I need the pharmacy to send it to.', () => this.askPharmacy(turn));
    }
    if (name.length > maxPharmacyChars) return this.retry(turn, 'Please give just the pharmacy and its street or town.', () => this.askPharmacy(turn));
    state.pharmacy = name;
    return this.progress(turn, []);
  }

  /** An answer that did: on to the next question (or back to the summary after a change). */
  private progress(turn: FlowTurn<RefillState>, noted: readonly string[]): Promise<DialogTurnResult> {
    turn.state.failures = 0;
    return this.next(turn, noted.length > 0 ? `Thanks, I've noted ${noted.join(' and ')}.` : undefined);
  }

  /** An answer that didn't do: say why and ask again, or bring in a person after too many. */
  private async retry(turn: FlowTurn<RefillState>, reason: string, askAgain: () => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    const { state } = turn;
    state.failures += 1;
    if (state.failures >= this.deps.maxFieldFailures) {
      await turn.say("I'm sorry, I'm having trouble with your refill request. I'll connect you with a person on our team who can help.");
      return turn.end({
        handoff: { decision: { action: 'handoff', priority: 'normal', reasonCodes: [HandoffReason.formFailure], sendEmergencyGuidance: false } },
      } satisfies TaskResult);
    }
    await turn.say(reason);
    return askAgain();
  }

  // ── confirm, change, file ─────────────────────────────────────────────────

  private summary(state: RefillState): string {
    return [
      `• Medication: ${state.medication ?? ''}`,
      `• Strength: ${state.strength === null || state.strength === undefined ? unknownStrength : state.strength}`,
      `• Pharmacy: ${state.pharmacy ?? ''}`,
    ].join('\n');
  }

  private confirm(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    turn.state.phase = 'confirm';
    return turn.ask(`Here's your refill request:\n${this.summary(turn.state)}\nShall I send it to the care team?`, confirmChoices, { yesNo: true });
  }

  private async answerConfirm(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const text = turn.text.replace(/[.!]+$/, '').trim();
    const picked = matchChoice(text, confirmChoices);
    if (picked === 0 || sendWords.test(text) || parseYesNo(text) === true) return this.file(turn);
    const named = changeField.exec(text)?.[1];
    const field = named ? fieldNamed(named) : undefined;
    const details = readRefillDetails(text);
    const noted = this.take(turn, details);
    if (noted.length > 0) return this.next(turn, `Thanks, I've changed it to ${noted.join(' and ')}.`);
    if (field) return this.askField(turn, field);
    if (picked === 1 || parseYesNo(text) === false || /^change\b/i.test(text)) {
      state.phase = 'pickChange';
      return turn.ask('What would you like to change?', fields.map((f) => fieldLabels[f]));
    }
    return turn.ask(`Please say "send it" to send your refill request, or "change" and what to change (for example: "change pharmacy").`, confirmChoices, {
      yesNo: true,
    });
  }

  private async answerPickChange(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    const index = matchChoice(turn.text, fields.map((f) => fieldLabels[f]));
    const field = (index !== undefined ? fields[index] : undefined) ?? fieldNamed(turn.text.trim());
    if (!field) return turn.ask('Please pick what to change:', fields.map((f) => fieldLabels[f]));
    return this.askField(turn, field);
  }

  private askField(turn: FlowTurn<RefillState>, field: Field): Promise<DialogTurnResult> {
    turn.state.failures = 0;
    switch (field) {
      case 'medication':
        delete turn.state.described;
        return this.askMedication(turn);
      case 'strength':
        return this.askStrength(turn);
      case 'pharmacy':
        return this.askPharmacy(turn);
    }
  }

  private async file(turn: FlowTurn<RefillState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const { medication, pharmacy } = state;
    if (!medication || !pharmacy) return this.next(turn);
    const promise = replyPromise(this.deps.calendar, this.deps.now(), this.deps.replyBusinessDays);
    const ticket = await this.deps.tickets.create({
      patientRef: patientRefFor(turn.context),
      medication,
      strength: state.strength ?? null,
      pharmacy,
      conversationId: turn.context.activity.conversation?.id ?? '',
      replyBy: promise.replyBy.toISOString(),
    });
    // The agent's context pack learns that a ticket exists, never which medicine it is for.
    turn.note({ lookups: [{ kind: 'refill.ticket', summary: `refill request ${ticket.id} filed` }] });
    await turn.say(
      `Thank you. Your refill request is with our care team; your reference is ${ticket.id}. They'll answer ${promise.phrase}. If you will run out before then, please call the clinic or your pharmacy.`,
    );
    return turn.end({ filed: true });
  }
}
