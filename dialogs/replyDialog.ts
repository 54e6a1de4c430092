import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { RoutedDialogOptions } from './mainDialog';

/** Answers intents whose whole answer is data in the corpus (greetings, thanks, goodbyes). */
export class ReplyDialog extends Dialog<RoutedDialogOptions> {
  static readonly id = 'reply';

  constructor() {
    super(ReplyDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: RoutedDialogOptions): Promise<DialogTurnResult> {
    if (options?.intent?.reply) await dc.context.sendActivity(options.intent.reply);
    return dc.endDialog();
  }
}
