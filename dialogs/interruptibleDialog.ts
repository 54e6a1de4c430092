import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, DialogTurnStatus } from 'botbuilder-dialogs';
import { matchCommand } from './commands';

// Where the component keeps what "start over" begins it with (in its own instance state).
const restartOptionsKey = 'interruptible.restartOptions';

/**
 * Base for every task dialog: "help", "cancel" and "start over" work at any step. "Talk to a human"
 * and emergencies pre-empt every dialog one level up, in the main dialog, because they must end the
 * task rather than pause it.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  /** What this dialog does and how to leave it; shown on "help". */
  protected abstract readonly helpText: string;

  /**
   * What "start over" begins the dialog with, from the options it was begun with. By default nothing;
   * a task dialog keeps what the task is (e.g. which intent) but not what the first message said.
   */
  protected restartOptions(_beginOptions: unknown): object {
    return {};
  }

  override async beginDialog(outer: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (outer.activeDialog) outer.activeDialog.state[restartOptionsKey] = this.restartOptions(options);
    return super.beginDialog(outer, options);
  }

  override createChildContext(outer: DialogContext): DialogContext {
    const inner = super.createChildContext(outer);
    inner.services.set(restartOptionsKey, outer.activeDialog?.state[restartOptionsKey] ?? {});
    return inner;
  }

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
        return inner.beginDialog(this.initialDialogId, (inner.services.get(restartOptionsKey) as object | undefined) ?? {});
      default:
        return undefined;
    }
  }
}
