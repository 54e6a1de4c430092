import { type Activity, MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { z } from 'zod';
import { HandoffReason } from '../../src/handoff/vocabulary';
import type { Entity } from '../../src/nlu/types';
import { AnswerFit } from '../answers/answerFit';
import { hasNoWords } from '../answers/freeText';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';
import type { FlowTurn } from '../flowTurn';
import type { RoutedDialogOptions } from '../mainDialog';
import { TaskDialog, type TaskResult } from '../taskDialog';
import { answerInput, displayValue, fieldNames, type FormField, type FormValues } from './formField';

/** What a form does with its answers once the user confirms them. */
export interface FormDefinition {
  /** Dialog id. */
  readonly id: string;
  /** "your registration", used in sentences. */
  readonly title: string;
  readonly intro: string;
  readonly fields: readonly FormField[];
  /** Validates the whole form (cross-field rules); a failing path sends the user back to that field. */
  readonly schema: z.ZodType;
  /** Stores the validated form; resolves with the message (and attachments) the user gets. */
  submit(values: unknown, context: SubmitContext): Promise<Partial<Activity>>;
  /** Offered once the form is submitted: a yes begins this intent (registration done: book the first visit). */
  readonly offerNext?: { readonly question: string; readonly intent: string };
}

export interface SubmitContext {
  readonly conversationId: string;
  readonly userId: string;
  readonly channelId: string;
}

export interface FormDialogOptions {
  /** Failures of one field before the form hands over to a person. */
  readonly maxFieldFailures: number;
}

type Phase = 'field' | 'review' | 'pickChange' | 'offerNext';

interface FormState {
  phase: Phase;
  /** Key of the field being asked. */
  current?: string;
  values: FormValues;
  skipped: string[];
  failures: Record<string, number>;
  /** Set while one field is changed from the review: after it, go back to the review. */
  editing?: boolean;
}

const skipWords = /^(skip|skip it|skip this|skip that|pass|next|rather not say|prefer not to say|n\/a)$/i;
const submitWords = /^(submit|send|send it|submit it|confirm|done|looks good|all good|that's right|correct|yes|yes submit|yes please)$/i;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The form engine: one question per turn, each answer validated with the domain's zod schema (the
 * reason is shown on a re-ask), corrections of earlier answers at any time, "skip" for optional
 * questions, a review before submit, and a handoff after repeated failures on one field.
 */
export abstract class FormDialog extends TaskDialog<FormState, RoutedDialogOptions> {
  protected override readonly taskTitle: string;

  constructor(
    private readonly form: FormDefinition,
    private readonly options: FormDialogOptions,
  ) {
    super(form.id);
    this.taskTitle = form.title;
  }

  protected override taskWords(): readonly string[] {
    return [...super.taskWords(), 'form', 'intake', 'registration', 'application', 'questions'];
  }

  protected initialState(): FormState {
    return { phase: 'field', values: {}, skipped: [], failures: {} };
  }

  protected async start(turn: FlowTurn<FormState>, options: RoutedDialogOptions | undefined): Promise<DialogTurnResult> {
    const noted = options?.signals ? this.prefill(turn.state, turn.entities) : [];
    const already = noted.length > 0 ? `\nI've already noted your ${noted.join(' and ')} from your message.` : '';
    await turn.say(`${this.form.intro}${already}\nYou can say "skip" for optional questions, correct an earlier answer at any time (e.g. "actually my email is …"), or say "cancel" to stop.`);
    return this.next(turn);
  }

  /** Answers NLU already found in the first message (date of birth, phone, email, member id) are kept. */
  private prefill(state: FormState, entities: readonly Entity[]): string[] {
    const noted: string[] = [];
    for (const field of this.form.fields) {
      const entity = field.entity ? entities.find((e) => e.type === field.entity) : undefined;
      if (!entity || typeof entity.value !== 'string') continue;
      const parsed = field.schema.safeParse(entity.value);
      if (parsed.success) {
        state.values[field.key] = parsed.data;
        noted.push(field.label.toLowerCase());
      }
    }
    return noted;
  }

  protected async onMessage(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    switch (turn.state.phase) {
      case 'field':
        return this.answerField(turn);
      case 'review':
        return this.answerReview(turn);
      case 'pickChange':
        return this.answerPickChange(turn);
      case 'offerNext':
        return this.answerOfferNext(turn);
    }
  }

  /** An answer fits when the current field would accept it (or it corrects or skips one). */
  protected override fit(turn: FlowTurn<FormState>): AnswerFit {
    const { state } = turn;
    const text = turn.text.replace(/[.!]+$/, '').trim();
    switch (state.phase) {
      case 'field': {
        const field = this.field(state.current);
        if (!field) return AnswerFit.none;
        const correction = this.readCorrection(turn.text);
        if (correction && this.validate(correction.field, correction.value, turn.entities).ok) return AnswerFit.exact;
        if (field.optional && skipWords.test(text)) return AnswerFit.exact;
        if (!this.validate(field, turn.text, turn.entities).ok) return AnswerFit.none;
        return field.freeText ? AnswerFit.loose : AnswerFit.exact;
      }
      case 'review':
        return submitWords.test(text) || /^(?:change|edit|fix|update|correct)\b/i.test(text) || this.readCorrection(text) || parseYesNo(text) === false
          ? AnswerFit.exact
          : AnswerFit.none;
      case 'pickChange':
      case 'offerNext':
        return super.fit(turn);
    }
  }

  private field(key: string | undefined): FormField | undefined {
    return this.form.fields.find((f) => f.key === key);
  }

  private applicable(values: FormValues): FormField[] {
    return this.form.fields.filter((f) => !f.when || f.when(values));
  }

  private async next(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const pending = this.applicable(state.values).find((f) => !(f.key in state.values) && !state.skipped.includes(f.key));
    if (!pending) return this.review(turn);
    return this.askField(turn, pending);
  }

  private async askField(turn: FlowTurn<FormState>, field: FormField, reason?: string): Promise<DialogTurnResult> {
    turn.state.phase = 'field';
    turn.state.current = field.key;
    this.noteProgress(turn);
    const hint = field.optional ? ' (optional: say "skip" to leave it out)' : '';
    const text = `${reason ? `${reason}\n` : ''}${field.question}${hint}`;
    return turn.ask(
      text,
      field.choices?.map((c) => c.label) ?? (field.yesNo ? ['Yes', 'No'] : undefined),
      {
        ...(field.narrative ? { narrative: true } : {}),
        ...(field.freeText ? { freeText: true } : {}),
        ...(field.yesNo ? { yesNo: true } : {}),
      },
      field.why,
    );
  }

  private async answerField(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const field = this.field(state.current);
    if (!field) return this.next(turn);

    const correction = this.readCorrection(turn.text);
    if (correction && correction.field.key !== field.key) {
      const result = this.validate(correction.field, correction.value, turn.entities);
      if (!result.ok) return this.askField(turn, field, `I couldn't change your ${correction.field.label.toLowerCase()}: ${result.reason}`);
      this.store(state, correction.field.key, result.value);
      return this.askField(turn, field, `Thanks, I've updated your ${correction.field.label.toLowerCase()}.`);
    }
    const answer = correction ? correction.value : turn.text;

    if (skipWords.test(answer.trim().replace(/[.!]+$/, ''))) {
      if (!field.optional) return this.askField(turn, field, `I need this one to continue, so it can't be skipped.`);
      if (field.skippedValue !== undefined) state.values[field.key] = field.skippedValue;
      else state.skipped.push(field.key);
      return this.afterAnswer(turn);
    }

    const result = this.validate(field, answer, turn.entities);
    if (!result.ok) return this.fail(turn, field, result.reason);
    this.store(state, field.key, result.value);
    return this.afterAnswer(turn);
  }

  private async afterAnswer(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    if (turn.state.editing) {
      // A change from the review may make new questions applicable (e.g. a payer that needs a member id).
      const pending = this.applicable(turn.state.values).find((f) => !(f.key in turn.state.values) && !turn.state.skipped.includes(f.key));
      if (pending) return this.askField(turn, pending);
      turn.state.editing = false;
      return this.review(turn);
    }
    return this.next(turn);
  }

  /** Progress only, for the agent: which question, how far; never the answers themselves. */
  private noteProgress(turn: FlowTurn<FormState>): void {
    const applicable = this.applicable(turn.state.values);
    const completed = applicable.filter((f) => f.key in turn.state.values || turn.state.skipped.includes(f.key)).length;
    turn.note({
      form: { form: this.form.id, completed, total: applicable.length, ...(turn.state.current ? { currentField: turn.state.current } : {}) },
    });
  }

  private store(state: FormState, key: string, value: unknown): void {
    state.values[key] = value;
    state.skipped = state.skipped.filter((k) => k !== key);
    // Answers to questions that no longer apply are dropped.
    for (const f of this.form.fields) {
      if (f.when && !f.when(state.values)) {
        delete state.values[f.key];
        state.skipped = state.skipped.filter((k) => k !== f.key);
      }
    }
  }

  private validate(field: FormField, text: string, entities: readonly Entity[]): { ok: true; value: unknown } | { ok: false; reason: string } {
    if (field.freeText && text.trim().length > 0 && hasNoWords(text)) {
      return { ok: false, reason: "I can't read emoji or symbols on their own; please answer in words." };
    }
    const parsed = field.schema.safeParse(answerInput(field, text, entities));
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, reason: parsed.error.issues[0]?.message ?? "That answer doesn't look right." };
  }

  private async fail(turn: FlowTurn<FormState>, field: FormField, reason: string): Promise<DialogTurnResult> {
    const { state } = turn;
    const failures = (state.failures[field.key] ?? 0) + 1;
    state.failures[field.key] = failures;
    if (failures >= this.options.maxFieldFailures) {
      await turn.say(`I'm sorry, I'm having trouble with your ${field.label.toLowerCase()}. I'll connect you with a person on our team who can help.`);
      return turn.end({
        handoff: {
          decision: { action: 'handoff', priority: 'normal', reasonCodes: [HandoffReason.formFailure], sendEmergencyGuidance: false },
        },
      } satisfies TaskResult);
    }
    return this.askField(turn, field, reason);
  }

  /** "actually my date of birth is 1980-02-03", "change my email to x@y.com", "my phone should be …" */
  private readCorrection(text: string): { field: FormField; value: string } | undefined {
    const trimmed = text.trim();
    for (const field of this.form.fields) {
      for (const name of fieldNames(field)) {
        const n = escapeRegExp(name);
        const patterns = [
          new RegExp(`^(?:(?:actually|sorry|oops|correction|wait|no)[,:!.]?\\s+)?(?:my|the)\\s+${n}\\s+(?:is|was|should be|=|:)\\s+(.+)$`, 'is'),
          new RegExp(`^(?:actually|sorry|oops|correction)[,:!.]?\\s+(?:my\\s+)?${n}\\s*(?:is|:|should be)\\s+(.+)$`, 'is'),
          new RegExp(`^(?:change|update|set|correct)\\s+(?:my\\s+|the\\s+)?${n}\\s+to\\s+(.+)$`, 'is'),
        ];
        for (const pattern of patterns) {
          const value = pattern.exec(trimmed)?.[1];
          if (value) return { field, value: value.trim() };
        }
      }
    }
    return undefined;
  }

  private fieldNamed(text: string): FormField | undefined {
    const wanted = text.toLowerCase().replace(/[.!?]+$/, '').trim();
    return this.form.fields.find((f) => fieldNames(f).includes(wanted));
  }

  private async review(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    const { state } = turn;
    state.phase = 'review';
    delete state.current;
    this.noteProgress(turn);
    const lines = this.applicable(state.values).map((f) => `• ${f.label}: ${displayValue(f, state.values[f.key])}`);
    return turn.ask(
      `Here's what I have for ${this.form.title}:\n${lines.join('\n')}\nSay "submit" to send it, or "change" and the name of an answer to fix it (e.g. "change email").`,
      ['Submit', 'Change something'],
    );
  }

  private async answerReview(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const text = turn.text.replace(/[.!]+$/, '').trim();
    if (submitWords.test(text)) return this.submit(turn);

    const correction = this.readCorrection(text);
    if (correction) {
      const result = this.validate(correction.field, correction.value, turn.entities);
      if (!result.ok) {
        await turn.say(`I couldn't change your ${correction.field.label.toLowerCase()}: ${result.reason}`);
        return this.review(turn);
      }
      this.store(state, correction.field.key, result.value);
      state.editing = true;
      return this.afterAnswer(turn);
    }
    const change = /^(?:change|edit|fix|update|correct)\s+(?:my\s+|the\s+)?(.+)$/i.exec(text);
    const named = change?.[1] ? this.fieldNamed(change[1]) : undefined;
    if (named) {
      state.editing = true;
      return this.askField(turn, named);
    }
    if (parseYesNo(text) === false || /^change( something)?$/i.test(text) || change) {
      state.phase = 'pickChange';
      const labels = this.applicable(state.values).map((f) => f.label);
      return turn.ask('Which answer would you like to change?', labels);
    }
    return turn.ask('Please say "submit" to send the form, or "change" and the name of an answer (e.g. "change phone").', ['Submit', 'Change something']);
  }

  private async answerPickChange(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    const fields = this.applicable(turn.state.values);
    const index = matchChoice(turn.text, fields.map((f) => f.label));
    const field = (index !== undefined ? fields[index] : undefined) ?? this.fieldNamed(turn.text);
    if (!field) return turn.ask('Please pick the answer to change:', fields.map((f) => f.label));
    turn.state.editing = true;
    return this.askField(turn, field);
  }

  private async submit(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const parsed = this.form.schema.safeParse(state.values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = this.field(String(issue?.path[0] ?? ''));
      if (field) {
        state.editing = true;
        return this.askField(turn, field, issue?.message);
      }
      await turn.say("Sorry, something in the form isn't complete. Let's go through it again.");
      return this.next(turn);
    }
    const { activity } = turn.context;
    const reply = await this.form.submit(parsed.data, {
      conversationId: activity.conversation?.id ?? '',
      userId: activity.from?.id ?? '',
      channelId: activity.channelId ?? '',
    });
    turn.note({ form: null, lookups: [{ kind: `${this.form.id}.submit`, summary: 'form submitted' }] });
    await turn.say(reply);
    if (!this.form.offerNext) return turn.end({ submitted: true });
    state.phase = 'offerNext';
    return turn.ask(this.form.offerNext.question, ['Yes', 'No'], { yesNo: true });
  }

  private async answerOfferNext(turn: FlowTurn<FormState>): Promise<DialogTurnResult> {
    const yes = parseYesNo(turn.text);
    if (yes === true && this.form.offerNext) return turn.end({ submitted: true, then: this.form.offerNext.intent } satisfies TaskResult & { submitted: boolean });
    if (yes === false) {
      await turn.say('OK. Is there anything else I can help you with?');
      return turn.end({ submitted: true });
    }
    // Anything else is a new request for the router ("book me a visit next week" is taken as it stands).
    return turn.end({ submitted: true, reroute: true } satisfies TaskResult & { submitted: boolean });
  }
}

/** A plain message with a JSON attachment, for what a form produced. */
export function messageWithJson(text: string, name: string, contentType: string, content: unknown): Partial<Activity> {
  return MessageFactory.attachment({ contentType, name, content }, text);
}
