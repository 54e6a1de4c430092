import { ActivityTypes, MessageFactory } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { HandoffReason } from '../src/handoff/vocabulary';
import { parseYesNo } from './answers/yesNo';
import { handoffDialogId } from './handoffGateway';
import type { InterruptionResult } from './taskDialog';

const choices = ['Talk to a human', 'No thanks'] as const;

/**
 * "Would you like a person?" after repeated misunderstanding, waiting for the answer: yes hands over,
 * no is accepted, and anything else is a new message for the router (the offer is not repeated).
 */
export class OfferHumanDialog extends Dialog {
  static readonly id = 'offerHuman';

  constructor() {
    super(OfferHumanDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(
      MessageFactory.suggestedActions([...choices], "I'm sorry, I'm still not getting it. Would you like me to connect you with a person on our team?"),
    );
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const text = dc.context.activity.text ?? '';
    const yes = text.trim().toLowerCase() === choices[0].toLowerCase() ? true : parseYesNo(text);
    if (yes === true) {
      return dc.replaceDialog(handoffDialogId, {
        decision: { action: 'handoff', priority: 'normal', reasonCodes: [HandoffReason.repeatedFallback], sendEmergencyGuidance: false },
      });
    }
    if (yes === false) {
      await dc.context.sendActivity('OK. Try telling me in one short sentence what you need, or say "talk to a human" whenever you like.');
      return dc.endDialog();
    }
    return dc.endDialog({ reroute: true } satisfies InterruptionResult);
  }
}
