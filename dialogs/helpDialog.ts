import { MessageFactory } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

/** "What can you do?" — answered from the dialogs that are actually registered. */
export class HelpDialog extends Dialog {
  static readonly id = 'help';

  constructor(private readonly capabilities: () => string) {
    super(HelpDialog.id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(
      MessageFactory.suggestedActions(
        ['Talk to a human'],
        `${this.capabilities()}Just tell me what you need in your own words. You can say "cancel" to stop anything, or "talk to a human" at any time.`,
      ),
    );
    return dc.endDialog();
  }
}
