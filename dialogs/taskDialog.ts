import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { HandoffDialog, type HandoffDialogOptions } from './handoffDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import type { RoutedDialogOptions } from './mainDialog';

/** How a task's inner flow may end besides plain completion. */
export interface TaskResult {
  /** Hand the conversation to a person: the task is replaced by the handoff dialog. */
  readonly handoff?: HandoffDialogOptions;
  /** The last message was not for this task; the main dialog routes it afresh. */
  readonly reroute?: boolean;
  readonly cancelled?: boolean;
  /** Name of the intent to begin next (registration done: book the first visit). */
  readonly then?: string;
}

/**
 * Base of the routable task dialogs (orders, appointments, intake, FAQ…). A task ends by handing
 * over (`{handoff}` replaces it with the handoff dialog at the main dialog's level, so the handoff is
 * not nested inside the task) or by giving the message back to the router (`{reroute}`).
 * "Start over" keeps the routed intent but forgets what the first message said.
 */
export abstract class TaskDialog extends InterruptibleDialog {
  protected override restartOptions(beginOptions: unknown): object {
    const intent = (beginOptions as Partial<RoutedDialogOptions> | undefined)?.intent;
    return intent ? { intent } : {};
  }

  protected override async endComponent(outer: DialogContext, result: unknown): Promise<DialogTurnResult> {
    const handoff = (result as TaskResult | undefined)?.handoff;
    if (handoff) return outer.replaceDialog(HandoffDialog.id, handoff);
    return outer.endDialog(result);
  }
}
