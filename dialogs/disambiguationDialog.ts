import { ActivityTypes, MessageFactory } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { IntentMetadata } from '../intents/schema';
import { getTurnSignals } from './turnSignals';

export interface DisambiguationResult {
  readonly chosenIntent?: string;
  /** The answer was a new request rather than a choice; route it afresh. */
  readonly reroute?: boolean;
}

interface State {
  readonly candidates: readonly Pick<IntentMetadata, 'name' | 'label'>[];
}

/** Asks "did you mean A or B?" when the classifier's top two are too close to call. */
export class DisambiguationDialog extends Dialog<State> {
  static readonly id = 'disambiguation';

  constructor() {
    super(DisambiguationDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: State): Promise<DialogTurnResult> {
    const candidates = (options?.candidates ?? []).map(({ name, label }) => ({ name, label }));
    dc.activeDialog!.state = { candidates } satisfies State;
    await dc.context.sendActivity(
      MessageFactory.suggestedActions(
        [...candidates.map((c) => c.label), 'Neither'],
        `Just to be sure, which did you mean?\n${candidates.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`,
      ),
    );
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const { candidates } = dc.activeDialog!.state as State;
    const answer = (dc.context.activity.text ?? '').trim().toLowerCase();
    const byText = candidates.find((c, i) => answer === c.label.toLowerCase() || answer === String(i + 1));
    if (byText) return dc.endDialog({ chosenIntent: byText.name } satisfies DisambiguationResult);
    if (/^(neither|none|no|none of (these|them))$/.test(answer)) {
      await dc.context.sendActivity('No problem. Tell me in other words what you need, or say "talk to a human".');
      return dc.endDialog({} satisfies DisambiguationResult);
    }
    const understood = getTurnSignals(dc.context)?.understanding.intent.intent;
    const byIntent = candidates.find((c) => c.name === understood);
    if (byIntent) return dc.endDialog({ chosenIntent: byIntent.name } satisfies DisambiguationResult);
    return dc.endDialog({ reroute: true } satisfies DisambiguationResult);
  }
}
