import { MessageFactory } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { HandoffDecision } from '../src/handoff/policy';
import { HandoffReason } from '../src/handoff/vocabulary';
import { HandoffDialog, type HandoffDialogOptions } from './handoffDialog';
import { getTurnSignals } from './turnSignals';

const confirmYes = 'Yes, it is an emergency';
const confirmNo = 'No';

/**
 * Reached when the classifier thinks a message is an emergency. The emergency detector is the
 * authority: when it agrees, guidance and an urgent handoff follow at once; when it doesn't
 * ("killer deal", "chest of drawers"), we ask rather than sound the alarm.
 */
export class EmergencyDialog extends Dialog {
  static readonly id = 'emergency';

  constructor() {
    super(EmergencyDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: HandoffDialogOptions): Promise<DialogTurnResult> {
    if (getTurnSignals(dc.context)?.understanding.emergency.isEmergency) return this.escalate(dc, options);
    await dc.context.sendActivity(
      MessageFactory.suggestedActions([confirmYes, confirmNo], 'Just to check: is someone hurt or in danger right now?'),
    );
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const answer = (dc.context.activity.text ?? '').trim().toLowerCase();
    if (answer === confirmYes.toLowerCase() || /^(y|yes|yeah|yep|it is|help)\b/.test(answer)) return this.escalate(dc, undefined);
    await dc.context.sendActivity("OK, thanks for letting me know. What can I help you with?");
    return dc.endDialog();
  }

  private async escalate(dc: DialogContext, options: HandoffDialogOptions | undefined): Promise<DialogTurnResult> {
    const decision: HandoffDecision = {
      action: 'handoff',
      priority: 'urgent',
      reasonCodes: [...new Set([HandoffReason.emergency, ...(options?.decision?.reasonCodes ?? [])])],
      sendEmergencyGuidance: true,
    };
    return dc.replaceDialog(HandoffDialog.id, { decision } satisfies HandoffDialogOptions);
  }
}
