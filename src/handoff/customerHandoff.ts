import { TandemError } from '../errors';
import type { EmergencyCategory } from '../nlu/types';
import { callbackPromise, routeHandoff, urgentCallbackMessage } from './availability';
import type { HandoffCore } from './handoffCore';
import type { CallbackContact } from './callbackContact';
import type { CallbackTicket, HandoffRecord, HandoffStore } from './handoffStore';
import type { HandoffDecision } from './policy';
import { describeQueuePlace } from './queueEta';
import { CallbackReason, crisisSkill, HandoffReason, HandoffState, humanOwnedStates, Priority } from './vocabulary';

/** The conversation as the bot knows it when it asks for a person. */
export interface HandoffConversation {
  readonly conversationId: string;
  readonly channelId: string;
  /** A short, redacted-or-not summary for agents; redacted per viewer in the agent API. */
  readonly summary: string;
  readonly skill?: string;
  /** A validated contact, if the bot already has one (used for callbacks). */
  readonly contact?: CallbackContact;
}

export type HandoffRequestOutcome =
  | {
      readonly outcome: 'queued';
      readonly position: number;
      readonly etaSeconds: number;
      readonly customerMessage: string;
      readonly record: HandoffRecord;
    }
  | {
      readonly outcome: 'callback';
      readonly reason: CallbackReason;
      /** True when no contact is known: ask for one, then call scheduleCallback. */
      readonly needsContact: boolean;
      readonly ticket: CallbackTicket | null;
      readonly whenText: string;
      readonly customerMessage: string;
    }
  | { readonly outcome: 'assigned'; readonly customerMessage: string; readonly record: HandoffRecord };

/** What the customer is told after emergency language raised a chat a person owns to urgent. */
export interface EmergencyEscalation {
  readonly state: HandoffState;
  /** The new place in line and wait, while queued. */
  readonly position?: number;
  readonly etaSeconds?: number;
  readonly customerMessage: string;
}

/** The customer said an emergency alarm was false, while the wait it started was still on. */
export interface EmergencyWithdrawal {
  /** False when a person should still check in (after crisis language); the message then goes to the agents too. */
  readonly waitEnded: boolean;
  readonly customerMessage: string;
}

export interface HandoffStatusAnswer {
  readonly state: HandoffState | 'none';
  readonly position: number | null;
  readonly etaSeconds: number | null;
  readonly customerMessage: string;
}

/** The reasons an emergency turn brings by itself (the emergency intent is also a policy intent). */
const emergencyTurnReasons: ReadonlySet<HandoffReason> = new Set([HandoffReason.emergency, HandoffReason.policyIntent]);

/**
 * The customer's side of the handoff, called by the bot within the customer's own turn: ask for a
 * person, a callback, the place in line, cancel, emergencies. Answers carry what to tell the customer;
 * the bot says it in the turn.
 */
export class CustomerHandoff {
  constructor(private readonly core: HandoffCore) {}

  /** The bot decided to hand over: queue the conversation, or route it to a callback. */
  async requestHandoff(conversation: HandoffConversation, decision: HandoffDecision): Promise<HandoffRequestOutcome> {
    const { store } = this.core;
    const now = this.core.now();
    const reasonCodes = decision.reasonCodes.length > 0 ? decision.reasonCodes : [HandoffReason.userRequested];
    const before = await store.getRecord(conversation.conversationId);
    if (before?.state === HandoffState.assigned) {
      return { outcome: 'assigned', customerMessage: "You're already connected with our team.", record: before };
    }
    const agentsOnline = await this.core.agentsOnline();
    const route =
      before?.state === HandoffState.queued
        ? ({ route: 'queue' } as const)
        : routeHandoff({ now, agentsOnline, queueTimeoutExceeded: false }, this.core.calendar, this.core.routeOptions());

    if (route.route === 'callback') {
      this.core.metrics?.handoffs.inc({ reason: reasonCodes[0], route: 'callback' });
      if (!before) this.core.metrics?.conversations.inc({ outcome: 'escalated' });
      const contact = conversation.contact ?? before?.contact;
      // After emergency guidance the urgent ticket is filed at once; a contact, if given, only adds to it.
      const urgentNow = decision.sendEmergencyGuidance;
      if (!contact && !urgentNow) {
        return { outcome: 'callback', reason: route.reason, needsContact: true, ticket: null, whenText: route.whenText, customerMessage: route.customerMessage };
      }
      const { ticket } = await this.core.fileCallback(conversation, decision.priority, contact ?? null, route.reason);
      const customerMessage = urgentNow ? urgentCallbackMessage(route.reason, route.whenText) : route.customerMessage;
      return { outcome: 'callback', reason: route.reason, needsContact: !contact, ticket, whenText: route.whenText, customerMessage };
    }

    const { record, created } = await store.enqueue({
      conversationId: conversation.conversationId,
      channelId: conversation.channelId,
      priority: decision.priority,
      reasonCodes,
      summary: conversation.summary,
      ...((conversation.skill ?? decision.skill) !== undefined ? { skill: conversation.skill ?? decision.skill } : {}),
      ...(conversation.contact !== undefined ? { contact: conversation.contact } : {}),
    });
    const position = (await store.position(conversation.conversationId)) ?? 1;
    const estimate = await this.core.estimate(position, agentsOnline);
    if (created) {
      this.core.metrics?.handoffs.inc({ reason: record.reason, route: 'queue' });
      if (!before) this.core.metrics?.conversations.inc({ outcome: 'escalated' });
      await this.core.publish({
        type: 'queued',
        conversationId: record.conversationId,
        at: new Date(now).toISOString(),
        data: { priority: record.priority, reason: record.reason, reasonCodes: [...record.reasonCodes], position, channelId: record.channelId },
      });
    }
    await store.markAnnounced(record.conversationId, record.announced?.at ?? null, {
      position,
      etaSeconds: estimate.etaSeconds,
      at: new Date(now).toISOString(),
    });
    const lead = created ? "I'm connecting you with a person from our team. " : "You're still in line for our team. ";
    return {
      outcome: 'queued',
      position,
      etaSeconds: estimate.etaSeconds,
      customerMessage: `${lead}${describeQueuePlace(estimate)} You can type "cancel" to stop waiting.`,
      record,
    };
  }

  /** Files (or updates) a callback ticket once the bot has a validated contact. */
  async scheduleCallback(
    conversation: Omit<HandoffConversation, 'contact'> & { readonly priority?: Priority },
    contact: CallbackContact | null,
    reason?: CallbackReason,
  ): Promise<{ ticket: CallbackTicket; whenText: string }> {
    const now = this.core.now();
    let why = reason;
    if (why === undefined) {
      const route = routeHandoff(
        { now, agentsOnline: await this.core.agentsOnline(), queueTimeoutExceeded: false },
        this.core.calendar,
        this.core.routeOptions(),
      );
      why = route.route === 'callback' ? route.reason : CallbackReason.noAgent;
    }
    const { ticket } = await this.core.fileCallback(conversation, conversation.priority ?? 'normal', contact, why);
    return { ticket, whenText: callbackPromise(this.core.calendar, now, this.core.routeOptions()).text };
  }

  /** A customer message while a human owns the chat (the turn already read that) goes to the agents' side. */
  async forwardUserMessage(conversationId: string, text: string, at?: string): Promise<void> {
    await this.core.publish({ type: 'message', conversationId, at: at ?? this.core.isoNow(), data: { from: 'user', text } });
  }

  /**
   * Emergency or crisis language while a person owns the chat: the priority becomes urgent (a waiting
   * customer moves up the line), the agents get an `alert` event at once, and the customer is told
   * what changed. Undefined when no person owns the chat (the bot's own emergency handling applies).
   */
  async raiseEmergency(conversationId: string, categories: readonly EmergencyCategory[]): Promise<EmergencyEscalation | undefined> {
    let raised: Awaited<ReturnType<HandoffStore['raisePriority']>>;
    try {
      raised = await this.core.store.raisePriority(conversationId, Priority.urgent, HandoffReason.emergency);
    } catch (error) {
      if (error instanceof TandemError && (error.code === 'HANDOFF_CONFLICT' || error.code === 'HANDOFF_NOT_FOUND')) return undefined;
      throw error;
    }
    const { record, previousPriority } = raised;
    const now = this.core.now();
    const at = new Date(now).toISOString();
    const queued = record.state === HandoffState.queued;
    const position = queued ? ((await this.core.store.position(conversationId)) ?? 1) : null;
    await this.core.publish({
      type: 'alert',
      conversationId,
      at,
      data: {
        kind: 'emergency',
        categories: [...categories],
        state: queued ? HandoffState.queued : HandoffState.assigned,
        priority: record.priority,
        previousPriority,
        position,
        ...(record.assignedAgent !== undefined ? { assignedAgent: record.assignedAgent } : {}),
      },
    });
    if (position === null) {
      const name = this.core.assignedAgentName(record);
      const who = name ? `${name} from our team` : 'the person from our team you are chatting with';
      return { state: record.state, customerMessage: `I've alerted ${who} that this is urgent.` };
    }
    const agentsOnline = await this.core.agentsOnline();
    const estimate = await this.core.estimate(position, agentsOnline);
    await this.core.safely(
      () => this.core.store.markAnnounced(conversationId, record.announced?.at ?? null, { position, etaSeconds: estimate.etaSeconds, at }),
      'mark announced',
    );
    const place =
      agentsOnline > 0
        ? describeQueuePlace(estimate)
        : `${position <= 1 ? "You're next in line" : `You're number ${position} in line`}, but nobody from our team is online at this moment, so please don't wait for us.`;
    return { state: record.state, position, etaSeconds: estimate.etaSeconds, customerMessage: `I've marked your request as urgent. ${place}` };
  }

  /**
   * "It wasn't an emergency": a wait that only the emergency started ends (the agents see `cancelled`),
   * and the customer is told. Undefined, changing nothing, when the customer is waiting for other
   * reasons too or a person already has the chat: then the message simply goes to the agent.
   */
  async withdrawEmergency(conversationId: string): Promise<EmergencyWithdrawal | undefined> {
    const record = await this.core.store.getRecord(conversationId);
    const onlyTheEmergency =
      record?.state === HandoffState.queued &&
      record.reason === HandoffReason.emergency &&
      record.reasonCodes.every((r) => emergencyTurnReasons.has(r));
    if (!onlyTheEmergency) return undefined;
    if (record.skill === crisisSkill) {
      // After suicide or self-harm language, "I'm fine" is not taken at its word: a person still checks in.
      return {
        waitEnded: false,
        customerMessage:
          "Thank you for letting me know. Because of what you wrote earlier, someone from our team will still check in with you here. If things feel worse at any point, you can call or text 988 any time.",
      };
    }
    // Atomic against a claim in between: a person who just took the chat keeps it.
    const { cancelled } = await this.cancelByUser(conversationId, { expectState: HandoffState.queued });
    if (!cancelled) return undefined;
    return { waitEnded: true, customerMessage: "OK, I'm glad it's not an emergency. I've taken you out of the urgent line for our team. If anything changes, call 911." };
  }


  /** The customer's "cancel": leave the queue or end the chat with the agent. Never throws for a bot-owned chat. */
  async cancelByUser(conversationId: string, options: { expectState?: HandoffState } = {}): Promise<{ cancelled: boolean; customerMessage: string }> {
    let result: Awaited<ReturnType<HandoffStore['cancel']>>;
    try {
      result = await this.core.store.cancel(conversationId, options);
    } catch (error) {
      if (error instanceof TandemError && (error.code === 'HANDOFF_CONFLICT' || error.code === 'HANDOFF_NOT_FOUND')) {
        return { cancelled: false, customerMessage: "You're not waiting for our team right now. How else can I help?" };
      }
      throw error;
    }
    await this.core.publish({
      type: 'cancelled',
      conversationId,
      at: this.core.isoNow(),
      data: { by: 'user', previousState: result.previousState, ...(result.previousAgent ? { previousAgent: result.previousAgent } : {}) },
    });
    const customerMessage =
      result.previousState === HandoffState.assigned
        ? "OK, I've ended your chat with our team. I'm here if you need anything else."
        : "OK, I've cancelled your request for a person and taken you out of the line. I'm here if you need anything else.";
    return { cancelled: true, customerMessage };
  }

  /** "Where am I in the queue?" */
  async status(conversationId: string): Promise<HandoffStatusAnswer> {
    const record = await this.core.store.getRecord(conversationId);
    if (record?.state === HandoffState.queued) {
      const position = (await this.core.store.position(conversationId)) ?? 1;
      const estimate = await this.core.estimate(position, await this.core.agentsOnline());
      return { state: record.state, position, etaSeconds: estimate.etaSeconds, customerMessage: describeQueuePlace(estimate) };
    }
    if (record?.state === HandoffState.assigned) {
      const name = this.core.assignedAgentName(record);
      const who = name ? `${name} from our team` : 'a person from our team';
      return { state: record.state, position: null, etaSeconds: null, customerMessage: `You're connected with ${who}.` };
    }
    if (record?.state === HandoffState.callback && record.callback?.status === 'open') {
      const promise = callbackPromise(this.core.calendar, Date.parse(record.callback.createdAt), this.core.routeOptions());
      return { state: record.state, position: null, etaSeconds: null, customerMessage: `Your callback request is open. ${promise.text}` };
    }
    return {
      state: record?.state ?? 'none',
      position: null,
      etaSeconds: null,
      customerMessage: "You're not waiting for our team right now.",
    };
  }

  /** The conversation's handoff state; 'bot' when it never went to a person. */
  async stateOf(conversationId: string): Promise<HandoffState> {
    return this.core.store.stateOf(conversationId);
  }

  /** True while the bot must stay silent (queued or assigned). */
  async isBotSilenced(conversationId: string): Promise<boolean> {
    return humanOwnedStates.includes(await this.core.store.stateOf(conversationId));
  }

  /** CSAT after a resolved chat (1-5). */
  async recordCsat(conversationId: string, score: number): Promise<HandoffRecord> {
    const record = await this.core.store.recordCsat(conversationId, score);
    this.core.metrics?.csat.inc({ score: String(score) });
    return record;
  }

  /** Counts a conversation the bot finished without a human (the bot layer decides when). */
  recordContained(): void {
    this.core.metrics?.conversations.inc({ outcome: 'contained' });
  }
}
