import { ActivityTypes, MessageFactory } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { IntentRole, type IntentMetadata } from '../intents/schema';
import { redactPii } from '../src/privacy/redactPii';
import type { Utterance } from './flowTurn';
import { getTurnSignals } from './turnSignals';

export interface DisambiguationResult {
  readonly chosenIntent?: string;
  /** What the chosen task is to read: the message that was unclear, with any detail added in the answer. */
  readonly utterance?: Utterance;
  /** The answer was a new request rather than a choice; route it afresh. */
  readonly reroute?: boolean;
}

interface State {
  readonly candidates: readonly Pick<IntentMetadata, 'name' | 'label' | 'role' | 'escalate'>[];
  /** The message that was unclear ("skin check please"). */
  readonly utterance?: Utterance;
}

/** The unclear message followed by the detail given in answer, entities shifted to match. */
function withDetail(first: Utterance, detail: Utterance): Utterance {
  const shift = first.text.length + 1;
  return { text: `${first.text} ${detail.text}`, entities: [...first.entities, ...detail.entities.map((e) => ({ ...e, start: e.start + shift, end: e.end + shift }))] };
}

/**
 * Dialog state is kept at rest, so the unclear message waits there only when it carries no personal data (a
 * date of birth, an email…); otherwise the chosen task asks for the details again.
 */
function keepable(utterance: Utterance): boolean {
  return redactPii(utterance.text) === utterance.text;
}

/** Asks "did you mean A or B?" when the classifier's top two are too close to call. */
export class DisambiguationDialog extends Dialog<State> {
  static readonly id = 'disambiguation';

  constructor() {
    super(DisambiguationDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: State): Promise<DialogTurnResult> {
    const candidates = (options?.candidates ?? []).map(({ name, label, role, escalate }) => ({ name, label, role, escalate }));
    const utterance = options?.utterance && keepable(options.utterance) ? { utterance: options.utterance } : {};
    dc.activeDialog!.state = { candidates, ...utterance } satisfies State;
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
    const { candidates, utterance } = dc.activeDialog!.state as State;
    const answer = (dc.context.activity.text ?? '').trim().toLowerCase();
    const byText = candidates.find((c, i) => answer === c.label.toLowerCase() || answer === String(i + 1));
    if (byText) return dc.endDialog({ chosenIntent: byText.name, ...(utterance ? { utterance } : {}) } satisfies DisambiguationResult);
    if (/^(neither|none|no|none of (these|them))$/.test(answer)) {
      await dc.context.sendActivity('No problem. Tell me in other words what you need, or say "talk to a human".');
      return dc.endDialog({} satisfies DisambiguationResult);
    }
    const understanding = getTurnSignals(dc.context)?.understanding;
    const byIntent = candidates.find((c) => c.name === understanding?.intent.intent);
    if (byIntent) return dc.endDialog({ chosenIntent: byIntent.name } satisfies DisambiguationResult);
    // A bare detail ("on the 20th", an order number) carries on with the one task among the readings that the bot does itself.
    const tasks = candidates.filter((c) => c.role === IntentRole.task && !c.escalate);
    const [task] = tasks;
    if (task && understanding && tasks.length === 1 && !understanding.intent.intent && understanding.entities.length > 0) {
      const detail = { text: understanding.text, entities: understanding.entities };
      return dc.endDialog({ chosenIntent: task.name, utterance: utterance ? withDetail(utterance, detail) : detail } satisfies DisambiguationResult);
    }
    return dc.endDialog({ reroute: true } satisfies DisambiguationResult);
  }
}
