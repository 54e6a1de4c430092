import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogReason, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { IntentRole } from '../intents/schema';
import { AnswerFit, fitOf } from './answers/answerFit';
import { parseYesNo } from './answers/yesNo';
import { type FlowInstanceState, FlowTurn, type PendingQuestion, questionActivity, type Utterance } from './flowTurn';
import { handoffDialogId } from './handoffGateway';
import type { HandoffDialogOptions } from './handoffDialog';
import { decideInterruption, type Interruption, looksLikeQuestion } from './interruptions/decideInterruption';
import { getKnowledgeDesk } from './interruptions/knowledgeDesk';
import { setRepromptPrefix, takeHandoffRequest, takeRepromptPrefix } from './interruptions/turnRequests';
import { upgradeLegacyTaskState } from './legacyTaskState';
import type { RoutedDialogOptions } from './mainDialog';
import { RequestQueue } from './requestQueue';
import { getTurnSignals } from './turnSignals';

/** How a task's flow may end besides plain completion. */
export interface TaskResult {
  /** Hand the conversation to a person: the task is replaced by the handoff dialog. */
  readonly handoff?: HandoffDialogOptions;
  /** The last message was not for this task; the main dialog routes it afresh. */
  readonly reroute?: boolean;
  readonly cancelled?: boolean;
  /** Name of the intent to begin next (registration done: book the first visit). */
  readonly then?: string;
}

/** How a dialog put on top of a task (or the task itself) ended, as far as the dialog below cares. */
export interface InterruptionResult {
  /** A person took the conversation over: the task waits, and offers to continue afterwards. */
  readonly handedOff?: boolean;
  /** The message was not for that dialog; the task below reads it again. */
  readonly reroute?: boolean;
  /** The dialog only waited for follow-ups; whatever was put off goes first. */
  readonly rested?: boolean;
  readonly cancelled?: boolean;
}

/**
 * Base of every dialog that asks the user something (orders, appointments, intake, FAQ, handoff…), written
 * as a small state machine: `start` on the first turn, `onMessage` on each answer, its state plain JSON on
 * the dialog stack.
 *
 * The base handles everything around the steps. At any prompt: a question is answered in passing and the
 * task resumes where it was, saying so; another task (a lookup, a booking) goes first and this one resumes
 * afterwards; "cancel" in any wording ends the task; "help" explains it and asks again; "start over" begins
 * again with what the task is (its intent) but not what the first message said; a request for a person
 * pauses the task until the person hands back. Whether a message answers or interrupts is decided from NLU
 * and the pending question (decideInterruption), never from phrases per dialog. A task ends by handing over
 * (`{handoff}` replaces it with the handoff dialog, so the handoff is not nested inside the task) or by giving
 * the message back to the router (`{reroute}`).
 */
export abstract class TaskDialog<S, O extends object = RoutedDialogOptions> extends Dialog<O> {
  /** What this dialog does and how to leave it; shown on "help". */
  protected abstract readonly helpText: string;
  /** The task in a few words ("your booking"), for "Back to your booking:" and "I've stopped your booking". */
  protected readonly taskTitle: string = 'what we were doing';
  /** Said to a question at a prompt that nothing here answers, before the question is asked again. */
  protected readonly cannotAnswer: string = `Sorry, I can't answer that one here. Say "talk to a human" if you'd like a person to help with it.`;

  /** What the task is about in the help articles' words ("appointment"); a question asked during it is read in its light. */
  protected readonly taskTopic: string | undefined = undefined;
  /** A request for a person (or emergency help) goes on top of this dialog, which keeps its place; false: it ends. */
  readonly keepsPlaceUnderPreemption: boolean = true;

  protected abstract initialState(options: O | undefined): S;
  protected abstract start(turn: FlowTurn<S>, options: O | undefined): Promise<DialogTurnResult>;
  protected abstract onMessage(turn: FlowTurn<S>): Promise<DialogTurnResult>;

  /**
   * How well this message answers the pending question. By default from what the question declared;
   * a flow that reads answers its own way (a form field's schema, an order number) says so here.
   */
  protected fit(turn: FlowTurn<S>): AnswerFit {
    const question = turn.question;
    if (!question) return AnswerFit.none;
    return fitOf(turn.text, turn.entities, question.choices, question.expects);
  }

  /** Words that name this task, so "cancel the booking" stops it: by default the nouns of `taskTitle`. */
  protected taskWords(): readonly string[] {
    return this.taskTitle.split(/\s+/u).filter((w) => !/^(?:your|my|the|a|an|arranging|what|we|were|doing)$/iu.test(w));
  }

  /** What "start over" begins the dialog with: what the task is (which intent), not what the first message said. */
  protected restartOptions(beginOptions: O | undefined): object {
    const intent = (beginOptions as Partial<RoutedDialogOptions> | undefined)?.intent;
    return intent ? { intent } : {};
  }

  override async beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult> {
    this.instanceOf(dc).restartOptions = this.restartOptions(options);
    return this.afterTurn(dc, await this.startFlow(dc, options));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message || !getTurnSignals(dc.context)) return this.continueFlow(dc);
    const instance = this.instanceOf(dc);
    if (instance.paused) {
      delete instance.paused;
      const carryOn = parseYesNo(dc.context.activity.text ?? '');
      if (carryOn === true) return this.askAgain(dc, `Great. Back to ${this.taskTitle}:`);
      if (carryOn === false) {
        await dc.context.sendActivity(`OK, I've set ${this.taskTitle} aside. What else can I do for you?`);
        return dc.endDialog({ cancelled: true } satisfies InterruptionResult);
      }
    }
    return this.handleMessage(dc, false);
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const ended = (result ?? {}) as InterruptionResult;
    if (ended.handedOff) {
      this.instanceOf(dc).paused = true;
      return Dialog.EndOfTurn;
    }
    if (ended.reroute && dc.context.activity.type === ActivityTypes.Message) return this.handleMessage(dc, true);
    return this.askAgain(dc, `Back to ${this.taskTitle}:`);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = upgradeLegacyTaskState<S>(instance.state as Record<string, unknown>);
    if (state.paused) {
      await context.sendActivity(
        MessageFactory.suggestedActions(['Yes', 'No'], `We were in the middle of ${this.taskTitle}. Would you like to pick up where you left off?`),
      );
      return;
    }
    const prefix = takeRepromptPrefix(context);
    if (state.question) await context.sendActivity(questionActivity(state.question, prefix));
    else if (prefix) await context.sendActivity(prefix);
  }

  /** The task has answered and only waits for follow-ups; `dc` is the context it runs in. */
  waitsOnlyForFollowUps(dc: DialogContext): boolean {
    return this.instanceOf(dc).question?.resting === true;
  }

  private instanceOf(dc: DialogContext): FlowInstanceState<S> {
    return upgradeLegacyTaskState<S>(dc.activeDialog!.state as Record<string, unknown>);
  }

  private turnOf(dc: DialogContext, answering: boolean, utterance?: Utterance): FlowTurn<S> {
    return new FlowTurn(dc, this.instanceOf(dc), answering, (result) => this.endTask(dc, result), utterance);
  }

  private async startFlow(dc: DialogContext, options: O | undefined): Promise<DialogTurnResult> {
    const instance = this.instanceOf(dc);
    instance.flow = this.initialState(options);
    delete instance.question;
    const utterance = (options as { utterance?: Utterance } | undefined)?.utterance;
    return this.start(this.turnOf(dc, false, utterance), options);
  }

  private async continueFlow(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    return this.onMessage(this.turnOf(dc, true));
  }

  /** A flow that hands over is replaced by the handoff dialog; any other ending goes to the dialog below. */
  private async endTask(dc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const handoff = (result as TaskResult | undefined)?.handoff;
    if (handoff) return dc.replaceDialog(handoffDialogId, handoff);
    return dc.endDialog(result);
  }

  /** Asks the pending question again, after `prefix`. */
  private async askAgain(dc: DialogContext, prefix?: string): Promise<DialogTurnResult> {
    if (prefix) setRepromptPrefix(dc.context, prefix);
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  private async handleMessage(dc: DialogContext, returned: boolean): Promise<DialogTurnResult> {
    const { context } = dc;
    const interruption = this.interruption(dc, returned);
    const signals = getTurnSignals(context);
    switch (interruption.kind) {
      case 'answer':
        return this.afterTurn(dc, await this.continueFlow(dc));
      case 'cancel': {
        const rest = interruption.then !== undefined ? this.restOfMessage(dc, interruption.then, interruption.bare === true) : undefined;
        const below = rest !== undefined || dc.stack.length > 1 || !RequestQueue.of(dc).isEmpty;
        await context.sendActivity(`OK, I've cancelled ${this.taskTitle}. Nothing was saved or changed.${below ? '' : ' What else can I do for you?'}`);
        // "never mind, what are your hours?": what follows the stop is handled in the task's place.
        if (rest) return dc.replaceDialog(rest.dialogId, rest.options);
        return dc.endDialog({ cancelled: true } satisfies InterruptionResult);
      }
      case 'unanswerable':
        await context.sendActivity(this.cannotAnswer);
        return this.askAgain(dc, `Back to ${this.taskTitle}:`);
      case 'why': {
        const why = this.instanceOf(dc).question?.why ?? `It's one of the details I need for ${this.taskTitle}.`;
        await context.sendActivity(`Good question. ${why} If you'd rather not answer, say "cancel" to stop, or "talk to a human".`);
        return this.askAgain(dc, `Back to ${this.taskTitle}:`);
      }
      case 'help':
        await context.sendActivity(`${this.helpText}\nSay "cancel" to stop, or "talk to a human" at any time.`);
        return this.askAgain(dc);
      case 'startOver':
        await context.sendActivity("Sure, let's start again from the beginning.");
        return this.afterTurn(dc, await this.startFlow(dc, (this.instanceOf(dc).restartOptions ?? {}) as O));
      case 'otherLanguage':
        await context.sendActivity('Sorry, I can only chat in English for now. Say "talk to a human" if you need a person.');
        return this.askAgain(dc);
      case 'aside': {
        const dialogId = interruption.intent?.dialog ?? getKnowledgeDesk(context)?.dialogId;
        if (!dialogId) return this.afterTurn(dc, await this.continueFlow(dc));
        return dc.beginDialog(dialogId, { ...(interruption.intent ? { intent: interruption.intent } : {}), signals, ...this.topicOption() });
      }
      case 'task':
        return dc.beginDialog(interruption.intent.dialog, { intent: interruption.intent, signals });
    }
  }

  private topicOption(): { taskTopic?: string } {
    return this.taskTopic ? { taskTopic: this.taskTopic } : {};
  }

  /**
   * Where the words after a stop go ("never mind, what are your hours?"): the dialog of the message's intent when
   * the classifier read a request, else the knowledge base when it reads as a question. Undefined: nowhere.
   */
  private restOfMessage(dc: DialogContext, rest: string, bare: boolean): { dialogId: string; options: object } | undefined {
    const signals = getTurnSignals(dc.context);
    if (!signals) return undefined;
    const whole = signals.understanding.text;
    const at = whole.lastIndexOf(rest);
    const entities = at < 0 ? [] : signals.understanding.entities.filter((e) => e.start >= at).map((e) => ({ ...e, start: e.start - at, end: e.end - at }));
    const utterance = { text: rest, entities };
    // After "never mind," the whole message's reading is the rest's; after "forget the booking," only the rest's own.
    const own = signals.requests?.find((r) => rest.includes(r.text) || r.text.includes(rest))?.intent;
    const intent = own ?? (bare ? signals.intent : undefined);
    const leads = intent && intent.role !== IntentRole.cancel && intent.role !== IntentRole.social && intent.role !== IntentRole.help && intent.dialog !== this.id;
    if (leads && dc.findDialog(intent.dialog)) return { dialogId: intent.dialog, options: { intent, signals, utterance } };
    const desk = getKnowledgeDesk(dc.context);
    if (desk && looksLikeQuestion(rest)) return { dialogId: desk.dialogId, options: { signals, utterance } };
    return undefined;
  }

  /** The question this task waits on, and how well the current message answers it. */
  private pending(dc: DialogContext): { question: PendingQuestion | undefined; fit: AnswerFit } {
    const question = this.instanceOf(dc).question;
    return { question, fit: question ? this.fit(this.turnOf(dc, true)) : AnswerFit.none };
  }

  private interruption(dc: DialogContext, returned: boolean): Interruption {
    const { context } = dc;
    const signals = getTurnSignals(context);
    const { question, fit } = this.pending(dc);
    // A task that has answered and only waits for follow-ups decides for itself what it takes.
    if (!signals || !question || question.resting) return { kind: 'answer' };
    const desk = getKnowledgeDesk(context);
    return decideInterruption({
      text: (context.activity.text ?? '').trim(),
      understanding: signals.understanding,
      intent: signals.intent,
      fit,
      narrative: question.expects?.narrative === true,
      taskDialog: this.id,
      knows: (text) => desk?.knows(text, context) ?? false,
      returned,
      taskWords: this.taskWords(),
      question: question.text,
    });
  }

  /**
   * After the flow ran: a hand-over it asked for goes on top of it (the task keeps its place), and a task
   * that only waits for follow-ups gives way to whatever waits below it.
   */
  private async afterTurn(dc: DialogContext, result: DialogTurnResult): Promise<DialogTurnResult> {
    if (result.status !== DialogTurnStatus.waiting || dc.activeDialog?.id !== this.id) return result;
    const handoff = takeHandoffRequest(dc.context);
    if (handoff) return dc.beginDialog(handoffDialogId, { decision: handoff });
    if (dc.stack.length > 1 && this.instanceOf(dc).question?.resting) {
      return dc.endDialog({ rested: true } satisfies InterruptionResult);
    }
    return result;
  }
}
