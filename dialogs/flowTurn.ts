import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { HandoffDecision } from '../src/handoff/policy';
import type { Entity } from '../src/nlu/types';
import type { ExpectedAnswer } from './answers/answerFit';
import { requestHandoff } from './interruptions/turnRequests';
import { type DialogInsight, getTurnSignals, recordInsight, type TurnSignals } from './turnSignals';

/** The question a flow is waiting on, kept so it can be asked again word for word (help, resuming a task). */
export interface PendingQuestion {
  readonly text: string;
  readonly choices?: readonly string[];
  /** What answers it; decides whether a message is an answer or an interruption. */
  readonly expects?: ExpectedAnswer;
  /** The task has answered and only waits for follow-ups: whatever was put off may go first now. */
  readonly resting?: boolean;
  /** How many times in a row the same question was asked again after an answer that didn't do. */
  readonly repeats?: number;
  /** Why it is asked, for "why do you need that?". */
  readonly why?: string;
}

/** A task's state on the dialog stack: plain JSON, so it survives process restarts and works on Redis. */
export interface FlowInstanceState<S> {
  flow: S;
  question?: PendingQuestion;
  /** What "start over" begins the task with. */
  restartOptions?: object;
  /** Set while the task waits out a conversation with a person; it offers to carry on afterwards. */
  paused?: boolean;
}

/** The message a dialog was begun for when it is not the current one (a request put off until now). */
export interface Utterance {
  readonly text: string;
  readonly entities: readonly Entity[];
}

/** Re-asks of one question after which the way out (a person, or cancel) is offered with it. */
const repeatsBeforeWayOut = 2;
const wayOut = 'If this isn\'t working, say "cancel" to stop, or "talk to a human" and a person on our team will help.';
const wayOutActions = ['Talk to a human', 'Cancel'] as const;

/** One turn of a flow: the message, what NLU understood of it, and ways to answer. */
export class FlowTurn<S> {
  constructor(
    readonly dc: DialogContext,
    private readonly instance: FlowInstanceState<S>,
    private readonly answering: boolean,
    private readonly ending: (result?: unknown) => Promise<DialogTurnResult>,
    private readonly utterance?: Utterance,
  ) {}

  /** The flow's own state; mutate it, it is saved with the dialog stack. Must stay plain JSON. */
  get state(): S {
    return this.instance.flow;
  }

  get context(): TurnContext {
    return this.dc.context;
  }

  /** The message as typed, trimmed (or the request this flow was begun for). */
  get text(): string {
    return (this.utterance?.text ?? this.dc.context.activity.text ?? '').trim();
  }

  get signals(): TurnSignals | undefined {
    return getTurnSignals(this.dc.context);
  }

  /** Entities NLU found in this message (the message is understood once, before dialogs run). */
  get entities(): readonly Entity[] {
    return this.utterance?.entities ?? this.signals?.understanding.entities ?? [];
  }

  /** The question this flow waits on, if any. */
  get question(): PendingQuestion | undefined {
    return this.instance.question;
  }

  /** Tells the agent's context pack what this turn established (never secrets such as a verification email). */
  note(insight: DialogInsight): void {
    recordInsight(this.dc.context, insight);
  }

  async say(message: string | Partial<Activity>): Promise<void> {
    await this.dc.context.sendActivity(message);
  }

  /**
   * Sends a question (with its choices as suggested actions) and waits for the answer. `expects` says
   * what answers it, so a question or a command in its place is recognised as one. Asked again after
   * answers that didn't do, it offers a way out.
   */
  async ask(text: string, choices?: readonly string[], expects?: ExpectedAnswer, why?: string): Promise<DialogTurnResult> {
    const next: PendingQuestion = {
      text,
      ...(choices && choices.length > 0 ? { choices: [...choices] } : {}),
      ...(expects ? { expects } : {}),
      ...(why ? { why } : {}),
    };
    const previous = this.instance.question;
    const repeats = this.answering && previous && !previous.resting && sameQuestion(previous, next) ? (previous.repeats ?? 0) + 1 : 0;
    this.instance.question = repeats > 0 ? { ...next, repeats } : next;
    await this.dc.context.sendActivity(questionActivity(this.instance.question));
    return Dialog.EndOfTurn;
  }

  /** Says `message` and waits for follow-ups, with `question` as what is asked again on resuming. */
  async waitAfter(message: string | Partial<Activity>, question: Omit<PendingQuestion, 'resting' | 'repeats'>): Promise<DialogTurnResult> {
    this.instance.question = { ...question, resting: true };
    await this.dc.context.sendActivity(message);
    return Dialog.EndOfTurn;
  }

  /** Hands the conversation to a person while this flow keeps its place (offered again afterwards). */
  handOff(decision: HandoffDecision): DialogTurnResult {
    requestHandoff(this.dc.context, decision);
    return Dialog.EndOfTurn;
  }

  /** Ends the task; a `TaskResult` says how (a handoff replaces it, a reroute gives the message back). */
  end(result?: unknown): Promise<DialogTurnResult> {
    return this.ending(result);
  }
}

/** The same question asked again: the same choices, or a text that ends the way the earlier one did. */
function sameQuestion(a: PendingQuestion, b: PendingQuestion): boolean {
  if (a.choices && b.choices) return a.choices.length === b.choices.length && a.choices.every((c, i) => c === b.choices?.[i]);
  if (a.choices || b.choices) return false;
  const lastLine = (text: string): string => (text.split('\n').pop() ?? '').trim();
  return b.text.endsWith(lastLine(a.text)) || a.text.endsWith(lastLine(b.text));
}

/** The question as sent: its choices as suggested actions, and the way out once it is stuck. */
export function questionActivity(question: PendingQuestion, prefix?: string): Partial<Activity> {
  const stuck = (question.repeats ?? 0) >= repeatsBeforeWayOut;
  const text = `${prefix ? `${prefix} ` : ''}${question.text}${stuck ? `\n${wayOut}` : ''}`;
  const actions = [...(question.choices ?? []), ...(stuck ? wayOutActions : [])];
  return actions.length > 0 ? MessageFactory.suggestedActions(actions, text) : MessageFactory.text(text);
}
