import type { DialogModule } from './dialogModule';
import { EmergencyDialog } from './emergencyDialog';
import { HandoffDialog } from './handoffDialog';
import type { HandoffGateway } from './handoffGateway';
import { HelpDialog } from './helpDialog';
import { ReplyDialog } from './replyDialog';

/** Everything the dialogs need from outside, as ports. */
export interface DialogDeps {
  readonly handoff: HandoffGateway;
  /** "What I can do", computed by the main dialog from the registered modules. */
  readonly capabilities: () => string;
}

/** Every routable dialog, keyed (through `dialog.id`) by the `dialog` field of the intents. */
export function createDialogModules(deps: DialogDeps): DialogModule[] {
  return [
    { dialog: new ReplyDialog() },
    { dialog: new HelpDialog(deps.capabilities) },
    { dialog: new HandoffDialog(deps.handoff), capability: 'connect you with a person on our team' },
    { dialog: new EmergencyDialog() },
  ];
}
