import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { HandoffDecision } from '../src/handoff/policy';
import { HandoffReason } from '../src/handoff/vocabulary';
import { HandoffDialog, type HandoffDialogOptions } from './handoffDialog';

/**
 * Reached when the classifier recognises an emergency the keyword detector didn't: same guidance,
 * same urgent handoff.
 */
export class EmergencyDialog extends Dialog {
  static readonly id = 'emergency';

  constructor() {
    super(EmergencyDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: HandoffDialogOptions): Promise<DialogTurnResult> {
    const decision: HandoffDecision = {
      action: 'handoff',
      priority: 'urgent',
      reasonCodes: [...new Set([HandoffReason.emergency, ...(options?.decision?.reasonCodes ?? [])])],
      sendEmergencyGuidance: true,
    };
    return dc.replaceDialog(HandoffDialog.id, { decision } satisfies HandoffDialogOptions);
  }
}
