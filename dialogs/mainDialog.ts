import { MessageFactory } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import type { IntentMetadata } from '../intents/schema';
import { type DialogModule, describeCapabilities } from './dialogModule';
import { DisambiguationDialog, type DisambiguationResult } from './disambiguationDialog';
import { getTurnSignals, type TurnSignals } from './turnSignals';

export const mainDialogId = 'main';

/** Options every routed dialog receives. */
export interface RoutedDialogOptions {
  readonly intent: IntentMetadata;
  readonly signals: TurnSignals;
}

/**
 * Routes each new topic by the intent's metadata alone: the dialog id, never the intent's name.
 * Pre-emptions (a human, an emergency) end whatever task is running.
 */
export class MainDialog extends ComponentDialog {
  private readonly registered = new Set<string>();

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
  }

  /** "Here's what I can help with" for the dialogs that exist today. */
  capabilities(): string {
    return describeCapabilities(this.modules);
  }

  protected override async onBeginDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return this.route(inner);
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const signals = getTurnSignals(inner.context);
    if (signals?.preempt) {
      await inner.cancelAllDialogs();
      return this.route(inner);
    }
    const result = await inner.continueDialog();
    if (result.status === DialogTurnStatus.complete) {
      const choice = result.result as DisambiguationResult | undefined;
      if (choice?.chosenIntent) return this.beginIntent(inner, choice.chosenIntent);
      if (choice?.reroute) return this.route(inner);
    }
    return result;
  }

  private async route(inner: DialogContext): Promise<DialogTurnResult> {
    const signals = getTurnSignals(inner.context);
    // Signals exist for user messages and for the bot resuming after a handback; nothing else routes.
    if (!signals) return inner.endDialog();
    if (signals.preempt) return inner.beginDialog(signals.preempt.dialogId, signals.preempt.options);

    const { understanding } = signals;
    if (understanding.language !== 'en' && understanding.language !== 'und') {
      await inner.context.sendActivity(
        `Sorry, I can only chat in English for now. ${this.capabilities()}You can also ask for a human at any time.`,
      );
      return inner.endDialog();
    }
    const prediction = understanding.intent;
    if (prediction.decision === 'ambiguous' && prediction.intent && prediction.runnerUp) {
      const first = this.intents.get(prediction.intent);
      const second = this.intents.get(prediction.runnerUp.intent);
      // Two readings handled by the same dialog need no question: the dialog serves both.
      if (first && second && first.dialog === second.dialog) return this.beginIntent(inner, first.name);
      if (first && second) return inner.beginDialog(DisambiguationDialog.id, { candidates: [first, second] });
    }
    if (prediction.decision !== 'clear' || !signals.intent) return this.fallback(inner);
    return this.beginIntent(inner, signals.intent.name);
  }

  private async beginIntent(inner: DialogContext, intentName: string): Promise<DialogTurnResult> {
    const intent = this.intents.get(intentName);
    const signals = getTurnSignals(inner.context);
    if (!intent || !signals) return this.fallback(inner);
    if (!this.registered.has(intent.dialog)) {
      await inner.context.sendActivity(
        `I understood: ${intent.label.toLowerCase()}. I can't do that here yet, and I won't guess. ${this.capabilities()}Or say "talk to a human".`,
      );
      return inner.endDialog();
    }
    const options: RoutedDialogOptions = { intent, signals };
    return inner.beginDialog(intent.dialog, options);
  }

  /** Repeated misunderstanding escalates in stages: clarify, then rephrase, then offer a person. */
  private async fallback(inner: DialogContext): Promise<DialogTurnResult> {
    const action = getTurnSignals(inner.context)?.decision?.action;
    const text =
      action === 'offer_human'
        ? "I'm sorry, I'm still not getting it. Would you like me to connect you with a person on our team?"
        : action === 'rephrase'
          ? `I still didn't catch that. Could you put it another way, in a short sentence? For example: "where is my order TD-100001", "book an appointment" or "what are your opening hours".`
          : `Sorry, I didn't understand that, and I'd rather not guess. ${this.capabilities()}`;
    const choices = action === 'offer_human' ? ['Talk to a human', 'No thanks'] : ['Talk to a human'];
    await inner.context.sendActivity(MessageFactory.suggestedActions(choices, text));
    return inner.endDialog();
  }
}
