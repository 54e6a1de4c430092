import { ActivityTypes, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Entity } from '../src/nlu/types';
import { type DialogInsight, getTurnSignals, recordInsight, type TurnSignals } from './turnSignals';

/** The question a flow is waiting on, kept so "help" can ask it again word for word. */
export interface PendingQuestion {
  readonly text: string;
  readonly choices?: readonly string[];
}

interface FlowInstanceState<S> {
  flow: S;
  question?: PendingQuestion;
}

/** One turn of a flow: the message, what NLU understood of it, and ways to answer. */
export class FlowTurn<S> {
  constructor(
    readonly dc: DialogContext,
    private readonly instance: FlowInstanceState<S>,
  ) {}

  /** The flow's own state; mutate it, it is saved with the dialog stack. Must stay plain JSON. */
  get state(): S {
    return this.instance.flow;
  }

  get context(): TurnContext {
    return this.dc.context;
  }

  /** The message as typed, trimmed. */
  get text(): string {
    return (this.dc.context.activity.text ?? '').trim();
  }

  get signals(): TurnSignals | undefined {
    return getTurnSignals(this.dc.context);
  }

  /** Entities NLU found in this message (the message is understood once, before dialogs run). */
  get entities(): readonly Entity[] {
    return this.signals?.understanding.entities ?? [];
  }

  /** Tells the agent's context pack what this turn established (never secrets such as a verification email). */
  note(insight: DialogInsight): void {
    recordInsight(this.dc.context, insight);
  }

  async say(message: string | Partial<Activity>): Promise<void> {
    await this.dc.context.sendActivity(message);
  }

  /** Sends a question (with its choices as suggested actions) and waits for the answer. */
  async ask(text: string, choices?: readonly string[]): Promise<DialogTurnResult> {
    this.instance.question = choices && choices.length > 0 ? { text, choices: [...choices] } : { text };
    await this.dc.context.sendActivity(questionActivity(this.instance.question));
    return Dialog.EndOfTurn;
  }

  /** Says `message` and waits, with `question` as what "help" asks again. */
  async waitAfter(message: string | Partial<Activity>, question: PendingQuestion): Promise<DialogTurnResult> {
    this.instance.question = question;
    await this.dc.context.sendActivity(message);
    return Dialog.EndOfTurn;
  }

  end(result?: unknown): Promise<DialogTurnResult> {
    return this.dc.endDialog(result);
  }
}

function questionActivity(question: PendingQuestion): Partial<Activity> {
  return question.choices ? MessageFactory.suggestedActions([...question.choices], question.text) : MessageFactory.text(question.text);
}

/**
 * A dialog written as a small state machine: `start` on the first turn, `onMessage` on each answer.
 * Its state is plain JSON on the dialog stack, so it survives process restarts and works on Redis.
 */
export abstract class FlowDialog<S, O extends object = object> extends Dialog<O> {
  protected abstract initialState(options: O | undefined): S;
  protected abstract start(turn: FlowTurn<S>, options: O | undefined): Promise<DialogTurnResult>;
  protected abstract onMessage(turn: FlowTurn<S>): Promise<DialogTurnResult>;

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    const instance: FlowInstanceState<S> = { flow: this.initialState(options) };
    dc.activeDialog!.state = instance;
    return this.start(new FlowTurn(dc, instance), options);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const instance = dc.activeDialog!.state as FlowInstanceState<S>;
    return this.onMessage(new FlowTurn(dc, instance));
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const question = (instance.state as FlowInstanceState<S>).question;
    if (question) await context.sendActivity(questionActivity(question));
  }
}
