import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { matchCommand } from './commands';

/**
 * Base for every task dialog: "help", "cancel" and "start over" work at any step. "Talk to a human"
 * and emergencies pre-empt every dialog one level up, in the main dialog, because they must end the
 * task rather than pause it.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  /** What this dialog does and how to leave it; shown on "help". */
  protected abstract readonly helpText: string;

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(inner);
    return interrupted ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = inner.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    switch (matchCommand(activity.text ?? '')) {
      case 'help':
        await inner.context.sendActivity(`${this.helpText}\nSay "cancel" to stop, or "talk to a human" at any time.`);
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await inner.cancelAllDialogs();
        await inner.context.sendActivity("OK, I've cancelled that. Nothing was saved or changed. What else can I do for you?");
        return { status: DialogTurnStatus.complete, result: { cancelled: true } };
      case 'startOver':
        await inner.cancelAllDialogs();
        await inner.context.sendActivity("Sure, let's start again from the beginning.");
        return inner.beginDialog(this.initialDialogId, {});
      default:
        return undefined;
    }
  }
}
