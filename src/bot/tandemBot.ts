import {
  ActivityHandler,
  MessageFactory,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { type DialogState, DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import { IntentRole, type IntentMetadata } from '../../intents/schema';
import { mainDialogId, type MainDialog } from '../../dialogs/mainDialog';
import { wasUnderstoodAfterAll } from '../../dialogs/interruptions/turnRequests';
import { setTopicMemory, type TopicMemory } from '../../dialogs/topicMemory';
import { type ClauseIntent, setTurnSignals, takeInsights, type Preemption } from '../../dialogs/turnSignals';
import type { TurnInsight } from '../handoff/insights';
import type { HandoffDecision } from '../handoff/policy';
import { HandoffProtocol } from '../handoff/vocabulary';
import { readRequests } from '../nlu/requests/readRequests';
import type { EmergencyResult, FrustrationAssessment, FrustrationState, NluEngine, SentimentResult, Understanding } from '../nlu/types';
import { isTimeZone } from '../time/isTimeZone';
import { parseCsat } from './csat';
import { isWayBack } from './humanSide';
import { getSafetyScreening } from './safetyScreening';
import type { DateClock } from '../clock';

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
  /** Set when an agent resolved the chat and we asked for a 1-5 rating. */
  awaitingCsat?: boolean;
  /** The order and appointment the conversation is about, for "cancel it" / "move it" in later tasks. */
  topic?: TopicMemory;
  /** Set once the welcome was sent: a conversation is welcomed once, however many members join. */
  welcomed?: boolean;
}

/** Where the bot's per-turn observations go, for the agent's context pack and for CSAT. */
export interface ConversationRecorder {
  appendInsight(conversationId: string, insight: TurnInsight): Promise<void>;
  recordCsat(conversationId: string, score: number): Promise<void>;
}

/** What the bot decided must happen before any dialog runs this turn. */
export type PreemptionPolicy = (input: {
  understanding: Understanding;
  intent: IntentMetadata | undefined;
  frustration: FrustrationAssessment;
  fallbackStreak: number;
  /** A task dialog is waiting for this message as its answer. */
  inTask: boolean;
}) => { decision: HandoffDecision; preempt?: Preemption };

export interface TandemBotDeps {
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly mainDialog: MainDialog;
  readonly nlu: NluEngine;
  readonly intents: ReadonlyMap<string, IntentMetadata>;
  readonly frustration: FrustrationTracker;
  readonly preemption: PreemptionPolicy;
  readonly recorder: ConversationRecorder;
  readonly defaultTimezone: string;
  /** The clock relative dates ("tomorrow", "monday") are read against; the dialogs and domain services share it. Default: system clock. */
  readonly now?: DateClock;
  /** Handles `handoff.status` events from an external hub (Bot Framework handoff protocol). */
  readonly onHandoffStatus?: (context: TurnContext, bot: TandemBot) => Promise<void>;
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
      const someoneElse = (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id);
      const data = someoneElse ? await this.conversationData.get(context, { fallbackStreak: 0 }) : undefined;
      if (data && !data.welcomed) {
        data.welcomed = true;
        await context.sendActivity(
          `Hi, I'm Tandem, your virtual assistant. ${deps.mainDialog.capabilities()}You can ask for a human at any time.`,
        );
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      if (deps.onHandoffStatus && context.activity.name === HandoffProtocol.statusEvent) await deps.onHandoffStatus(context, this);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  /** After an agent resolved the chat: ask for a one-question rating (proactive turn). */
  async askForCsat(context: TurnContext, agentName: string | undefined): Promise<void> {
    const data = await this.conversationData.get(context, { fallbackStreak: 0 });
    data.awaitingCsat = true;
    const who = agentName ? `your chat with ${agentName}` : 'your chat with our team';
    await context.sendActivity(
      MessageFactory.suggestedActions(['1', '2', '3', '4', '5'], `How would you rate ${who}? Tap 1 (poor) to 5 (excellent).`),
    );
    await this.deps.conversationState.saveChanges(context, false);
  }

  /**
   * After an agent handed the chat back: the bot resumes. When the agent's note names a task the bot
   * can do ("wants to book an appointment"), that task starts at once; otherwise a task left half-done
   * when the person took over (a form, a booking) is offered again where it was.
   */
  async resumeAfterHandback(context: TurnContext, note: string | undefined, agentName: string | undefined): Promise<void> {
    const who = agentName ?? 'Our team';
    await context.sendActivity(`${who} handed you back to me, Tandem, the virtual assistant.`);
    const understanding = note ? this.understand(context, note) : undefined;
    const top = understanding?.intent;
    const intent = top?.decision === 'clear' && top.intent ? this.deps.intents.get(top.intent) : undefined;
    const dc = await this.dialogs.createContext(context);
    if (understanding && intent && !intent.escalate) {
      setTurnSignals(context, { understanding, intent, preempt: undefined, decision: undefined });
      await dc.cancelAllDialogs();
      await dc.beginDialog(mainDialogId);
    } else if (dc.activeDialog) {
      await dc.repromptDialog();
    } else {
      await context.sendActivity('How else can I help you today?');
    }
    await this.deps.conversationState.saveChanges(context, false);
  }

  /** After a false alarm ended the wait: a task the emergency interrupted is offered again where it was. */
  private async offerInterruptedTask(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog) await dc.repromptDialog();
    else await context.sendActivity('What can I help you with?');
  }

  /** `screening` is the safety step's result for this same text, when it is the user's message. */
  private understand(context: TurnContext, text: string, screening?: EmergencyResult): Understanding {
    const claimed = context.activity.localTimezone;
    const timezone = claimed && isTimeZone(claimed) ? claimed : this.deps.defaultTimezone;
    return this.deps.nlu.understand(text, { timezone, now: this.now(), ...(screening ? { emergency: screening } : {}) });
  }

  /**
   * Reads the message clause by clause. Two requests or more are handed to the dialogs one by one; a
   * single request beside pleasantries ("thanks. also where is my order…") is what the message is about.
   */
  private understandRequests(
    context: TurnContext,
    whole: Understanding,
  ): { understanding: Understanding; requests?: readonly ClauseIntent[] } {
    // A message that calls for a person (a complaint, a dispute) is read whole: the person reads all of it.
    const wholeIntent = whole.intent.decision === 'clear' && whole.intent.intent ? this.deps.intents.get(whole.intent.intent) : undefined;
    if (whole.language !== 'en' || wholeIntent?.escalate) return { understanding: whole };
    // Safety reads the whole message once; a clause is read for its intent and entities only.
    const read = readRequests(whole.text, (clause) => this.understand(context, clause, whole.emergency), (name) => this.deps.intents.get(name));
    const requests = (read?.requests ?? []).flatMap((r) => {
      const intent = this.deps.intents.get(r.prediction.intent);
      // A person is called for by what the whole message says, never by a piece of it ("…is that right?").
      const escalatesAlone = intent?.escalate === true && whole.intent.intent !== intent.name;
      return intent && !escalatesAlone ? [{ text: r.text, entities: r.entities, intent }] : [];
    });
    if (requests.length > 1) return { understanding: whole, requests };
    const only = read?.requests[0];
    const wholeRole = wholeIntent?.role;
    const aboutPleasantries = wholeRole === undefined || wholeRole === IntentRole.social || wholeRole === IntentRole.help;
    if (only && read.setAside > 0 && aboutPleasantries) return { understanding: { ...whole, intent: only.prediction } };
    return { understanding: whole };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    if (isWayBack(context)) return this.offerInterruptedTask(context);
    const text = context.activity.text ?? '';
    const conversationId = context.activity.conversation.id;
    const data = await this.conversationData.get(context, { fallbackStreak: 0 });
    if (data.awaitingCsat) {
      data.awaitingCsat = false;
      const score = parseCsat(text);
      if (score !== undefined) {
        await this.deps.recorder.recordCsat(conversationId, score);
        await context.sendActivity(score >= 4 ? 'Thank you for the feedback!' : "Thank you. I'm sorry it wasn't better; we'll use your feedback.");
        return;
      }
    }
    const { understanding, requests } = this.understandRequests(context, this.understand(context, text, getSafetyScreening(context)));
    data.topic ??= {};
    setTopicMemory(context, data.topic);
    const dc = await this.dialogs.createContext(context);
    // An answer to a task's question is never a fallback, whatever the classifier made of it.
    const inTask = dc.activeDialog !== undefined;

    const wasFallback = !inTask && understanding.intent.decision === 'out_of_scope' && !requests;
    data.fallbackStreak = wasFallback ? data.fallbackStreak + 1 : 0;
    const { state, assessment } = this.deps.frustration.update(data.frustration ?? this.deps.frustration.initial(), {
      text: understanding.text,
      sentiment: understanding.sentiment,
      wasFallback,
    });
    data.frustration = state;

    const top = understanding.intent;
    const intent = top.decision === 'clear' && top.intent ? this.deps.intents.get(top.intent) : undefined;
    const { decision, preempt } = this.deps.preemption({
      understanding,
      intent,
      frustration: assessment,
      fallbackStreak: data.fallbackStreak,
      inTask,
    });
    setTurnSignals(context, { understanding, intent, preempt, decision, ...(requests ? { requests } : {}) });

    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(mainDialogId);
    // The knowledge base answered what the classifier turned away: not a misunderstanding after all.
    if (wasFallback && wasUnderstoodAfterAll(context)) data.fallbackStreak = 0;

    const learned = takeInsights(context);
    await this.deps.recorder.appendInsight(conversationId, {
      at: this.now().toISOString(),
      intent: { intent: top.intent, confidence: top.confidence },
      sentiment: { score: understanding.sentiment.average, frustration: assessment.score },
      frustrationReasons: [...assessment.reasons],
      ...(learned.length > 0 ? mergeInsights(learned) : {}),
    });
  }
}

function mergeInsights(learned: ReturnType<typeof takeInsights>): Pick<TurnInsight, 'slots' | 'lookups' | 'form'> {
  const slots: Record<string, string | number | boolean | null> = {};
  const lookups: { kind: string; summary: string }[] = [];
  let form: TurnInsight['form'];
  for (const insight of learned) {
    Object.assign(slots, insight.slots ?? {});
    lookups.push(...(insight.lookups ?? []));
    if (insight.form !== undefined) form = insight.form;
  }
  return {
    ...(Object.keys(slots).length > 0 ? { slots } : {}),
    ...(lookups.length > 0 ? { lookups: lookups.slice(0, 20) } : {}),
    ...(form !== undefined ? { form } : {}),
  };
}
