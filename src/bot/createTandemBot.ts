import { ConversationState, type Storage, UserState } from 'botbuilder';
import { createDialogModules, type DialogDeps } from '../../dialogs/createDialogModules';
import { MainDialog } from '../../dialogs/mainDialog';
import type { HandoffPolicyConfig } from '../handoff/policy';
import type { CorpusUnderstanding } from '../nlu/corpusUnderstanding';
import { initialFrustrationState, updateFrustration } from '../nlu';
import { preemptionFromPolicy } from './preemption';
import { type ConversationRecorder, TandemBot, type TandemBotDeps } from './tandemBot';
import type { DateClock } from '../clock';

export interface BotWiring {
  readonly storage: Storage;
  readonly understanding: CorpusUnderstanding;
  readonly dialogDeps: Omit<DialogDeps, 'capabilities'>;
  readonly policy: HandoffPolicyConfig;
  readonly recorder: ConversationRecorder;
  readonly defaultTimezone: string;
  /** One clock for NLU, dialogs and domain services (tests fix it). Default: `dialogDeps.now`, else the system clock. */
  readonly now?: DateClock;
  readonly onHandoffStatus?: TandemBotDeps['onHandoffStatus'];
}

/** Builds the bot and its dialogs; shared by the app and by tests so both run the same wiring. */
export function createTandemBot(wiring: BotWiring): TandemBot {
  // The help dialog lists what the main dialog can route to; it is only asked after construction.
  const now = wiring.now ?? wiring.dialogDeps.now;
  const main: MainDialog = new MainDialog(
    createDialogModules({ ...wiring.dialogDeps, ...(now ? { now } : {}), capabilities: () => main.capabilities() }),
    wiring.understanding.intents,
  );
  return new TandemBot({
    conversationState: new ConversationState(wiring.storage),
    userState: new UserState(wiring.storage),
    mainDialog: main,
    nlu: wiring.understanding.nlu,
    intents: wiring.understanding.intents,
    frustration: { initial: initialFrustrationState, update: updateFrustration },
    preemption: preemptionFromPolicy(wiring.policy),
    recorder: wiring.recorder,
    defaultTimezone: wiring.defaultTimezone,
    ...(now ? { now } : {}),
    ...(wiring.onHandoffStatus ? { onHandoffStatus: wiring.onHandoffStatus } : {}),
  });
}
