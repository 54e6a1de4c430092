import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogReason,
  type DialogTurnResult,
  DialogTurnStatus,
} from 'botbuilder-dialogs';
import { AnswerFit } from './answers/answerFit';
import { parseYesNo } from './answers/yesNo';
import { FlowDialog, type PendingQuestion } from './flowDialog';
import { handoffDialogId } from './handoffGateway';
import { IntentRole } from '../intents/schema';
import { decideInterruption, type Interruption, looksLikeQuestion } from './interruptions/decideInterruption';
import { getKnowledgeDesk } from './interruptions/knowledgeDesk';
import { RequestQueue } from './requestQueue';
import { setRepromptPrefix, takeHandoffRequest } from './interruptions/turnRequests';
import { getTurnSignals } from './turnSignals';

// Kept in the component's own instance state.
const restartOptionsKey = 'interruptible.restartOptions';
/** Set while the task waits out a conversation with a person; it offers to carry on afterwards. */
const pausedKey = 'interruptible.paused';

/** How a dialog put on top of a task (or the task's own flow) ended, as far as the task cares. */
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
 * Base of every dialog that asks the user something. At any prompt: a question is answered in passing
 * and the task resumes where it was, saying so; another task (a lookup, a booking) goes first and this
 * one resumes afterwards; "cancel" in any wording ends the task; "help" explains it and asks again;
 * a request for a person (one level up, in the bot's pre-emption) pauses the task until the person
 * hands back. Whether a message answers or interrupts is decided from NLU and the pending question
 * (decideInterruption), never from phrases per dialog.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  /** What this dialog does and how to leave it; shown on "help". */
  protected abstract readonly helpText: string;
  /** The task in a few words ("your booking"), for "Back to your booking:" and "I've stopped your booking". */
  protected readonly taskTitle: string = 'what we were doing';

  /** Said to a question at a prompt that nothing here answers, before the question is asked again. */
  protected readonly cannotAnswer: string = `Sorry, I can't answer that one here. Say "talk to a human" if you'd like a person to help with it.`;

  /** What the task is about in the help articles' words ("appointment"); a question asked during it is read in its light. */
  protected readonly taskTopic: string | undefined = undefined;

  /** Words that name this task, so "cancel the booking" stops it: by default the nouns of `taskTitle`. */
  protected taskWords(): readonly string[] {
    return this.taskTitle.split(/\s+/u).filter((w) => !/^(?:your|my|the|a|an|arranging|what|we|were|doing)$/iu.test(w));
  }

  /**
   * What "start over" begins the dialog with, from the options it was begun with. By default nothing;
   * a task dialog keeps what the task is (e.g. which intent) but not what the first message said.
   */
  protected restartOptions(_beginOptions: unknown): object {
    return {};
  }

  override async beginDialog(outer: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (outer.activeDialog) outer.activeDialog.state[restartOptionsKey] = this.restartOptions(options);
    const result = await super.beginDialog(outer, options);
    return this.afterInnerTurn(outer, result);
  }

  override createChildContext(outer: DialogContext): DialogContext {
    const inner = super.createChildContext(outer);
    inner.services.set(restartOptionsKey, outer.activeDialog?.state[restartOptionsKey] ?? {});
    return inner;
  }

  override async continueDialog(outer: DialogContext): Promise<DialogTurnResult> {
    if (outer.context.activity.type !== ActivityTypes.Message || !getTurnSignals(outer.context)) return super.continueDialog(outer);
    const state = outer.activeDialog!.state as Record<string, unknown>;
    if (state[pausedKey]) {
      delete state[pausedKey];
      const carryOn = parseYesNo(outer.context.activity.text ?? '');
      if (carryOn === true) return this.resume(outer, `Great. Back to ${this.taskTitle}:`);
      if (carryOn === false) {
        await this.createChildContext(outer).cancelAllDialogs();
        await outer.context.sendActivity(`OK, I've set ${this.taskTitle} aside. What else can I do for you?`);
        return outer.endDialog({ cancelled: true } satisfies InterruptionResult);
      }
    }
    return this.onMessage(outer, false);
  }

  override async resumeDialog(outer: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const ended = (result ?? {}) as InterruptionResult;
    if (ended.handedOff) {
      (outer.activeDialog!.state as Record<string, unknown>)[pausedKey] = true;
      return Dialog.EndOfTurn;
    }
    if (ended.reroute && outer.context.activity.type === ActivityTypes.Message) return this.onMessage(outer, true);
    return this.resume(outer, `Back to ${this.taskTitle}:`);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    if ((instance.state as Record<string, unknown>)[pausedKey]) {
      await context.sendActivity(
        MessageFactory.suggestedActions(['Yes', 'No'], `We were in the middle of ${this.taskTitle}. Would you like to pick up where you left off?`),
      );
      return;
    }
    await super.repromptDialog(context, instance);
  }

  /** The task has answered and only waits for follow-ups; `outer` is the context it runs in. */
  waitsOnlyForFollowUps(outer: DialogContext): boolean {
    return this.pending(this.createChildContext(outer)).question?.resting === true;
  }

  /** Asks the pending question again, after `prefix`. */
  private async resume(outer: DialogContext, prefix: string): Promise<DialogTurnResult> {
    setRepromptPrefix(outer.context, prefix);
    await this.repromptDialog(outer.context, outer.activeDialog!);
    return Dialog.EndOfTurn;
  }

  private async onMessage(outer: DialogContext, returned: boolean): Promise<DialogTurnResult> {
    const { context } = outer;
    const inner = this.createChildContext(outer);
    const interruption = this.interruption(inner, returned);
    const signals = getTurnSignals(context);
    switch (interruption.kind) {
      case 'answer':
        return this.afterInnerTurn(outer, await super.continueDialog(outer));
      case 'cancel': {
        await inner.cancelAllDialogs();
        const rest = interruption.then !== undefined ? this.restOfMessage(outer, interruption.then, interruption.bare === true) : undefined;
        const below = rest !== undefined || outer.stack.length > 1 || !RequestQueue.of(outer).isEmpty;
        await context.sendActivity(`OK, I've cancelled ${this.taskTitle}. Nothing was saved or changed.${below ? '' : ' What else can I do for you?'}`);
        // "never mind, what are your hours?": what follows the stop is handled in the task's place.
        if (rest) return outer.replaceDialog(rest.dialogId, rest.options);
        return outer.endDialog({ cancelled: true } satisfies InterruptionResult);
      }
      case 'unanswerable':
        await context.sendActivity(this.cannotAnswer);
        setRepromptPrefix(context, `Back to ${this.taskTitle}:`);
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      case 'why': {
        const why = this.pending(inner).question?.why ?? `It's one of the details I need for ${this.taskTitle}.`;
        await context.sendActivity(`Good question. ${why} If you'd rather not answer, say "cancel" to stop, or "talk to a human".`);
        setRepromptPrefix(context, `Back to ${this.taskTitle}:`);
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      }
      case 'help':
        await context.sendActivity(`${this.helpText}\nSay "cancel" to stop, or "talk to a human" at any time.`);
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      case 'startOver':
        await inner.cancelAllDialogs();
        await context.sendActivity("Sure, let's start again from the beginning.");
        return this.afterInnerTurn(
          outer,
          await this.endIfComplete(outer, await inner.beginDialog(this.initialDialogId, (inner.services.get(restartOptionsKey) as object | undefined) ?? {})),
        );
      case 'otherLanguage':
        await context.sendActivity('Sorry, I can only chat in English for now. Say "talk to a human" if you need a person.');
        await inner.repromptDialog();
        return Dialog.EndOfTurn;
      case 'aside': {
        const dialogId = interruption.intent?.dialog ?? getKnowledgeDesk(context)?.dialogId;
        if (!dialogId) return this.afterInnerTurn(outer, await super.continueDialog(outer));
        return outer.beginDialog(dialogId, { ...(interruption.intent ? { intent: interruption.intent } : {}), signals, ...this.topicOption() });
      }
      case 'task':
        return outer.beginDialog(interruption.intent.dialog, { intent: interruption.intent, signals });
    }
  }

  /**
   * Where the words after a stop go ("never mind, what are your hours?"): the dialog of the message's intent when
   * the classifier read a request, else the knowledge base when it reads as a question. Undefined: nowhere.
   */
  private restOfMessage(outer: DialogContext, rest: string, bare: boolean): { dialogId: string; options: object } | undefined {
    const signals = getTurnSignals(outer.context);
    if (!signals) return undefined;
    const whole = signals.understanding.text;
    const at = whole.lastIndexOf(rest);
    const entities = at < 0 ? [] : signals.understanding.entities.filter((e) => e.start >= at).map((e) => ({ ...e, start: e.start - at, end: e.end - at }));
    const utterance = { text: rest, entities };
    // After "never mind," the whole message's reading is the rest's; after "forget the booking," only the rest's own.
    const own = signals.requests?.find((r) => rest.includes(r.text) || r.text.includes(rest))?.intent;
    const intent = own ?? (bare ? signals.intent : undefined);
    const leads = intent && intent.role !== IntentRole.cancel && intent.role !== IntentRole.social && intent.role !== IntentRole.help && intent.dialog !== this.id;
    if (leads && outer.findDialog(intent.dialog)) return { dialogId: intent.dialog, options: { intent, signals, utterance } };
    const desk = getKnowledgeDesk(outer.context);
    if (desk && looksLikeQuestion(rest)) return { dialogId: desk.dialogId, options: { signals, utterance } };
    return undefined;
  }

  private topicOption(): { taskTopic?: string } {
    return this.taskTopic ? { taskTopic: this.taskTopic } : {};
  }

  /** The flow waiting inside this component, its question and how well the current message answers it. */
  private pending(inner: DialogContext): { question: PendingQuestion | undefined; fit: AnswerFit } {
    const active = inner.activeDialog;
    const dialog = active ? inner.findDialog(active.id) : undefined;
    return dialog instanceof FlowDialog ? dialog.pending(inner) : { question: undefined, fit: AnswerFit.none };
  }

  private interruption(inner: DialogContext, returned: boolean): Interruption {
    const { context } = inner;
    const signals = getTurnSignals(context);
    const { question, fit } = this.pending(inner);
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

  /** Mirrors ComponentDialog: a finished inner flow ends the component. */
  private async endIfComplete(outer: DialogContext, result: DialogTurnResult): Promise<DialogTurnResult> {
    return result.status === DialogTurnStatus.waiting ? Dialog.EndOfTurn : this.endComponent(outer, result.result);
  }

  /**
   * After the inner flow ran: a hand-over it asked for goes on top of it (the task keeps its place),
   * and a task that only waits for follow-ups gives way to whatever waits below it.
   */
  private async afterInnerTurn(outer: DialogContext, result: DialogTurnResult): Promise<DialogTurnResult> {
    if (result.status !== DialogTurnStatus.waiting || outer.activeDialog?.id !== this.id) return result;
    const handoff = takeHandoffRequest(outer.context);
    if (handoff) return outer.beginDialog(handoffDialogId, { decision: handoff });
    if (outer.stack.length > 1 && this.pending(this.createChildContext(outer)).question?.resting) {
      return outer.endDialog({ rested: true } satisfies InterruptionResult);
    }
    return result;
  }
}
