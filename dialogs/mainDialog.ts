import { MessageFactory } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { IntentDomain, IntentRole, type IntentMetadata } from '../intents/schema';
import { type DialogModule, describeCapabilities } from './dialogModule';
import { DisambiguationDialog, type DisambiguationResult } from './disambiguationDialog';
import type { Utterance } from './flowTurn';
import type { HandoffResult } from './handoffDialog';
import { looksLikeQuestion } from './interruptions/decideInterruption';
import { type KnowledgeDesk, setKnowledgeDesk } from './interruptions/knowledgeDesk';
import { markUnderstood } from './interruptions/turnRequests';
import { OfferHumanDialog } from './offerHumanDialog';
import { RequestQueue } from './requestQueue';
import { type InterruptionResult, TaskDialog, type TaskResult } from './taskDialog';
import { type ClauseIntent, getTurnSignals, type TurnSignals } from './turnSignals';

export const mainDialogId = 'main';

/** Words that ask for a fact wherever they stand ("i paid with paypal how long till i see my refund"). */
const asksForFactWords = /\b(?:how long|how much|how many|how soon|how fast|how quickly|what time|when will|where do i|who do i|what number)\b/iu;

/** Options every routed dialog receives. */
export interface RoutedDialogOptions {
  /** Absent when the knowledge base took a message the classifier could not place. */
  readonly intent?: IntentMetadata;
  readonly signals: TurnSignals;
  /** The request the dialog is for when it is not the whole current message (one of two requests). */
  readonly utterance?: Utterance;
  /** A task the user may want after the answer (the knowledge base answered a question put to it); offered as a button. */
  readonly offer?: IntentMetadata;
  /** What the task a question interrupts is about ("appointment"), for the knowledge base to answer in its light. */
  readonly taskTopic?: string;
}

/**
 * Routes each new topic by the intent's metadata alone: the dialog id, never the intent's name.
 * Pre-emptions (a human, an emergency) end whatever task is running.
 */
export class MainDialog extends ComponentDialog {
  private readonly registered = new Set<string>();
  private readonly desk: KnowledgeDesk | undefined;

  constructor(
    private readonly modules: readonly DialogModule[],
    private readonly intents: ReadonlyMap<string, IntentMetadata>,
  ) {
    super(mainDialogId);
    for (const module of modules) {
      this.addDialog(module.dialog);
      this.registered.add(module.dialog.id);
    }
    this.addDialog(new DisambiguationDialog());
    this.addDialog(new OfferHumanDialog());
    const knowledge = modules.find((m) => m.answers);
    const answers = knowledge?.answers;
    this.desk =
      knowledge && answers
        ? { dialogId: knowledge.dialog.id, knows: (text, context) => answers(text, context) !== undefined, verdict: answers }
        : undefined;
  }

  /** "Here's what I can help with" for the dialogs that exist today. */
  capabilities(): string {
    return describeCapabilities(this.modules);
  }

  protected override async onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    setKnowledgeDesk(inner.context, this.desk);
    return this.route(inner);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    setKnowledgeDesk(inner.context, this.desk);
    const signals = getTurnSignals(inner.context);
    if (signals?.preempt) {
      // A task keeps its place under the person (or the emergency help) it is handed to; anything else ends.
      const active = inner.activeDialog ? inner.findDialog(inner.activeDialog.id) : undefined;
      if (!(active instanceof TaskDialog && active.keepsPlaceUnderPreemption)) await inner.cancelAllDialogs();
      return this.route(inner);
    }
    const result = await inner.continueDialog();
    if (result.status === DialogTurnStatus.complete) {
      const ended = result.result as (DisambiguationResult & InterruptionResult & TaskResult) | undefined;
      if (ended?.chosenIntent) return this.nextRequest(inner, await this.beginIntent(inner, ended.chosenIntent, ended.utterance));
      // What the user asked for next goes before what the task suggests next.
      if (ended?.then && RequestQueue.of(inner).isEmpty) return this.beginIntent(inner, ended.then);
      if (ended?.reroute) return this.route(inner);
    }
    return this.nextRequest(inner, result);
  }

  /** Several requests in one message: each is handled in turn, and the user is told which comes next. */
  private async beginRequests(inner: DialogContext, requests: readonly ClauseIntent[]): Promise<DialogTurnResult> {
    markUnderstood(inner.context);
    RequestQueue.of(inner).add(requests);
    return this.nextRequest(inner, undefined);
  }

  /**
   * Once the current request is done, or has been answered and only waits for follow-ups, the next
   * request of the message begins.
   */
  private async nextRequest(inner: DialogContext, result: DialogTurnResult | undefined): Promise<DialogTurnResult> {
    const queue = RequestQueue.of(inner);
    let current = result;
    for (;;) {
      // Once a person takes over (or will call back), what else the message asked is theirs to handle.
      const ended = current?.status === DialogTurnStatus.complete ? (current.result as HandoffResult | undefined) : undefined;
      if (ended?.handedOff || ended?.callback) queue.clear();
      if (current?.status === DialogTurnStatus.waiting && !this.onlyFollowUpsAwaited(inner)) return current;
      const next = queue.take();
      if (!next) return current ?? inner.endDialog();
      if (current?.status === DialogTurnStatus.waiting) await inner.cancelAllDialogs();
      const introduction = queue.introduce(next);
      if (introduction) await inner.context.sendActivity(introduction);
      current = await this.beginIntent(inner, next.intent, { text: next.text, entities: next.entities });
    }
  }

  /** The request in progress has been answered: it waits for follow-ups, or offers articles it wasn't sure of. */
  private onlyFollowUpsAwaited(inner: DialogContext): boolean {
    const active = inner.activeDialog ? inner.findDialog(inner.activeDialog.id) : undefined;
    if (active && active.id === this.desk?.dialogId) return true;
    return active instanceof TaskDialog && active.waitsOnlyForFollowUps(inner);
  }

  private async route(inner: DialogContext): Promise<DialogTurnResult> {
    const signals = getTurnSignals(inner.context);
    // Signals exist for user messages and for the bot resuming after a handback; nothing else routes.
    if (!signals) return inner.endDialog();
    if (signals.preempt) return inner.beginDialog(signals.preempt.dialogId, signals.preempt.options);

    const { understanding } = signals;
    if (signals.requests && signals.requests.length > 1) return this.beginRequests(inner, signals.requests);
    if (understanding.language !== 'en' && understanding.language !== 'und') {
      await inner.context.sendActivity(
        `Sorry, I can only chat in English for now. ${this.capabilities()}You can also ask for a human at any time.`,
      );
      return inner.endDialog();
    }
    // "what about sundays?" right after a question is about what that question was about, when the classifier is torn.
    if (understanding.intent.decision === 'ambiguous' && this.desk?.verdict(understanding.text, inner.context)?.followsUp) {
      markUnderstood(inner.context);
      return inner.beginDialog(this.desk.dialogId, { signals } satisfies RoutedDialogOptions);
    }
    const prediction = understanding.intent;
    if (prediction.decision === 'ambiguous' && prediction.intent && prediction.runnerUp) {
      // Small talk and "stop" are never one of the choices: "thanks, and where is my order" is about the order.
      const readings = [this.intents.get(prediction.intent), this.intents.get(prediction.runnerUp.intent)].filter(
        (i): i is IntentMetadata => i !== undefined && i.role !== IntentRole.social && i.role !== IntentRole.cancel,
      );
      const [first, second] = readings;
      // A message that names something (an order number, a date) is about that thing: the task reading wins over a question.
      const named = understanding.entities.length > 0 && first && second && first.role !== second.role;
      const task = named ? readings.find((r) => r.role === IntentRole.task) : undefined;
      if (task && readings.some((r) => r.role === IntentRole.question)) return this.beginIntent(inner, task.name);
      // Torn between a task and a question it names nothing for ("what does out for delivery mean?"): the
      // question is answered when the articles answer it, and the task is offered with the answer.
      const asked = readings.find((r) => r.role === IntentRole.question);
      const offered = readings.find((r) => r.role === IntentRole.task);
      if (asked && offered && understanding.entities.length === 0 && looksLikeQuestion(understanding.text) && this.desk?.knows(understanding.text, inner.context)) {
        markUnderstood(inner.context);
        return inner.beginDialog(this.desk.dialogId, { signals, intent: asked, offer: offered } satisfies RoutedDialogOptions);
      }
      // Two readings handled by the same dialog need no question: the dialog serves both.
      if (first && (!second || first.dialog === second.dialog)) return this.beginIntent(inner, first.name);
      if (first && second) {
        const utterance = { text: understanding.text, entities: understanding.entities };
        return inner.beginDialog(DisambiguationDialog.id, { candidates: [first, second], utterance });
      }
    }
    if (prediction.decision !== 'clear' || !signals.intent) return this.fallback(inner);
    if (this.asksForFact(inner, signals.intent)) {
      markUnderstood(inner.context);
      return inner.beginDialog(this.desk!.dialogId, { signals, offer: signals.intent } satisfies RoutedDialogOptions);
    }
    return this.beginIntent(inner, signals.intent.name);
  }

  /**
   * A question put to a task that asks for a fact the articles state ("how long until a refund shows on my
   * card?", "who do I email with a complaint?") is answered from them, and the task is offered after the
   * answer. It names nothing a task needs (no order number, no date), and never calls for a clinician or a lawyer.
   */
  private asksForFact(inner: DialogContext, intent: IntentMetadata): boolean {
    const signals = getTurnSignals(inner.context);
    const answerable = intent.role === IntentRole.task || intent.role === IntentRole.help;
    if (!signals || !this.desk || !answerable || intent.interrupts) return false;
    if (intent.escalate && (intent.domain === IntentDomain.healthcare || intent.domain === IntentDomain.legal)) return false;
    const { text, entities } = signals.understanding;
    if (entities.length > 0 || !(looksLikeQuestion(text) || asksForFactWords.test(text))) return false;
    return this.desk.verdict(text, inner.context)?.statesAskedFact === true;
  }

  private async beginIntent(inner: DialogContext, intentName: string, utterance?: Utterance): Promise<DialogTurnResult> {
    const intent = this.intents.get(intentName);
    const signals = getTurnSignals(inner.context);
    if (!intent || !signals) return this.fallback(inner);
    if (!this.registered.has(intent.dialog)) {
      await inner.context.sendActivity(
        `I understood: ${intent.label.toLowerCase()}. I can't do that here yet, and I won't guess. ${this.capabilities()}Or say "talk to a human".`,
      );
      return inner.endDialog();
    }
    const options: RoutedDialogOptions = { intent, signals, ...(utterance ? { utterance } : {}) };
    return inner.beginDialog(intent.dialog, options);
  }

  /**
   * Before admitting it didn't understand, the bot asks the knowledge base. Repeated misunderstanding
   * then escalates in stages: clarify, then rephrase, then offer a person (and wait for the answer).
   */
  private async fallback(inner: DialogContext): Promise<DialogTurnResult> {
    const signals = getTurnSignals(inner.context);
    const text = signals?.understanding.text ?? '';
    if (signals && this.desk?.knows(text, inner.context)) {
      markUnderstood(inner.context);
      return inner.beginDialog(this.desk.dialogId, { signals } satisfies RoutedDialogOptions);
    }
    const action = signals?.decision?.action;
    if (action === 'offer_human') return inner.beginDialog(OfferHumanDialog.id);
    const reply =
      action === 'rephrase'
        ? `I still didn't catch that. Could you put it another way, in a short sentence? For example: "where is my order TD-100001", "book an appointment" or "what are your opening hours".`
        : `Sorry, I didn't understand that, and I'd rather not guess. ${this.capabilities()}`;
    await inner.context.sendActivity(MessageFactory.suggestedActions(['Talk to a human'], reply));
    return inner.endDialog();
  }
}
