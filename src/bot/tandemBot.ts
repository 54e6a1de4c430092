import {
  ActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { type DialogState, DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { IntentMetadata } from '../../intents/schema';
import { mainDialogId, type MainDialog } from '../../dialogs/mainDialog';
import { setTurnSignals, type Preemption } from '../../dialogs/turnSignals';
import type { FrustrationAssessment, FrustrationState, NluEngine, SentimentResult, Understanding } from '../nlu/types';

/** Conversation-level frustration bookkeeping, as pure functions from the NLU engine. */
export interface FrustrationTracker {
  initial(): FrustrationState;
  update(
    state: FrustrationState,
    turn: { text: string; sentiment: SentimentResult; wasFallback: boolean },
  ): { state: FrustrationState; assessment: FrustrationAssessment };
}

/** What the bot remembers about a conversation between turns (besides the dialog stack). */
export interface ConversationData {
  frustration?: FrustrationState;
  fallbackStreak: number;
}

/** What the bot decided must happen before any dialog runs this turn. */
export type PreemptionPolicy = (input: {
  understanding: Understanding;
  intent: IntentMetadata | undefined;
  frustration: FrustrationAssessment;
  fallbackStreak: number;
}) => Preemption | undefined;

export interface TandemBotDeps {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly mainDialog: MainDialog;
  readonly nlu: NluEngine;
  readonly intents: ReadonlyMap<string, IntentMetadata>;
  readonly frustration: FrustrationTracker;
  readonly preemption: PreemptionPolicy;
  readonly defaultTimezone: string;
}

/**
 * One turn: understand the message once, decide whether anything pre-empts the dialogs, run the
 * dialogs, save state. Welcome new members on conversationUpdate.
 */
export class TandemBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: TandemBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.conversationData = deps.conversationState.createProperty<ConversationData>('conversationData');
    this.dialogs = new DialogSet(this.dialogState).add(deps.mainDialog);

    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient?.id) {
          await context.sendActivity(
            `Hi, I'm Tandem, your virtual assistant. ${deps.mainDialog.capabilities()}\nYou can ask for a human at any time.`,
          );
        }
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? '';
    const timezone = context.activity.localTimezone ?? this.deps.defaultTimezone;
    const understanding = this.deps.nlu.understand(text, { timezone });
    const data = await this.conversationData.get(context, { fallbackStreak: 0 });

    const wasFallback = understanding.intent.decision === 'out_of_scope';
    data.fallbackStreak = wasFallback ? data.fallbackStreak + 1 : 0;
    const { state, assessment } = this.deps.frustration.update(data.frustration ?? this.deps.frustration.initial(), {
      text: understanding.text,
      sentiment: understanding.sentiment,
      wasFallback,
    });
    data.frustration = state;

    const top = understanding.intent;
    const intent = top.decision === 'clear' && top.intent ? this.deps.intents.get(top.intent) : undefined;
    const preempt = this.deps.preemption({ understanding, intent, frustration: assessment, fallbackStreak: data.fallbackStreak });
    setTurnSignals(context, { understanding, intent, preempt });

    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(mainDialogId);
  }
}
