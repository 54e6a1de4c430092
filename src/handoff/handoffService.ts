import type { AppConfig } from '../config';
import { TandemError } from '../errors';
import type { Logger } from '../observability/logger';
import type { EmergencyCategory } from '../nlu/types';
import type { Metrics } from '../observability/metrics';
import { redactPii } from '../privacy/redactPii';
import { canSeePii, type Agent } from './agents';
import { callbackPromise, routeHandoff, urgentCallbackMessage } from './availability';
import type { BusinessCalendar } from './businessCalendar';
import type { ViewLevel } from './conversationAccess';
import { buildContextPack, type ContextPack, type TranscriptLine } from './contextPack';
import type { HandoffEvent, HandoffEventBus } from './events';
import type {
  CallbackContact,
  CallbackTicket,
  ClaimResult,
  HandoffNote,
  HandoffRecord,
  HandoffStore,
  QueueEntry,
} from './handoffStore';
import type { IdempotencyStore } from './idempotency';
import type { ConversationInsightsStore } from './insights';
import type { HandoffDecision } from './policy';
import type { PresenceStore } from './presence';
import { describeQueuePlace, estimateWait, shouldNotify, type WaitEstimate } from './queueEta';
import {
  CallbackReason,
  crisisSkill,
  HandoffReason,
  HandoffState,
  humanOwnedStates,
  Priority,
  type Disposition,
  type HandoffStatus,
} from './vocabulary';

/** How a message reaches the customer on their own channel; the bot layer supplies it. */
export interface UserChannel {
  deliver(conversationId: string, message: UserChannelMessage): Promise<void>;
}

/** A message for the customer; with `agentName` it is a person's (`kind` says whether a chat line or a join notice). */
export interface UserChannelMessage {
  readonly text: string;
  readonly agentName?: string;
  readonly kind?: 'agent_message' | 'agent_joined';
}

export interface HandoffServiceConfig {
  readonly leaseMs: number;
  readonly queueTimeoutMs: number;
  readonly defaultHandleSeconds: number;
  readonly notifyMinIntervalSeconds: number;
  readonly callbackSlaMinutes: number;
  readonly messageIdempotencyTtlSeconds: number;
  /** Longest agent message or note. */
  readonly maxMessageChars: number;
}

export function handoffServiceConfigFrom(config: AppConfig): HandoffServiceConfig {
  return {
    leaseMs: config.HANDOFF_LEASE_SECONDS * 1000,
    queueTimeoutMs: config.HANDOFF_QUEUE_TIMEOUT_SECONDS * 1000,
    defaultHandleSeconds: config.HANDOFF_DEFAULT_HANDLE_SECONDS,
    notifyMinIntervalSeconds: config.HANDOFF_NOTIFY_MIN_INTERVAL_SECONDS,
    callbackSlaMinutes: config.HANDOFF_CALLBACK_SLA_MINUTES,
    messageIdempotencyTtlSeconds: config.HANDOFF_MESSAGE_IDEMPOTENCY_TTL_SECONDS,
    maxMessageChars: 4000,
  };
}

export type HandoffMetrics = Pick<Metrics, 'handoffs' | 'handoffWait' | 'handoffHandle' | 'csat' | 'conversations'>;

export interface HandoffServiceDeps {
  readonly store: HandoffStore;
  readonly bus: HandoffEventBus;
  readonly presence: PresenceStore;
  readonly calendar: BusinessCalendar;
  readonly insights: ConversationInsightsStore;
  readonly idempotency: IdempotencyStore;
  readonly userChannel: UserChannel;
  readonly config: HandoffServiceConfig;
  /** Agent display names for customer-facing text ("You are now chatting with Dana"). */
  readonly agentName?: (agentId: string) => string | undefined;
  readonly metrics?: HandoffMetrics;
  readonly logger?: Logger;
  readonly clock?: () => number;
}

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

/** The agent API's queue item (DESIGN §5). */
export interface QueueItem {
  readonly conversationId: string;
  readonly state: HandoffState;
  readonly priority: Priority;
  readonly reason: HandoffReason;
  readonly reasonCodes: readonly HandoffReason[];
  readonly waitingSince: string | null;
  readonly position: number;
  readonly summary: string;
  readonly channelId: string;
  readonly skill: string | null;
}

export interface SweepResult {
  readonly requeued: readonly string[];
  readonly timedOut: readonly string[];
  readonly announced: readonly string[];
}

/** The reasons an emergency turn brings by itself (the emergency intent is also a policy intent). */
const emergencyTurnReasons: ReadonlySet<HandoffReason> = new Set([HandoffReason.emergency, HandoffReason.policyIntent]);

const agentMessageKey = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Human handoff, composed: the state machine and queue, events, presence, business hours, wait
 * estimates and metrics. The bot and the agent API call this; it knows nothing of botbuilder and
 * reaches the customer only through `UserChannel`.
 */
export class HandoffService {
  private readonly clock: () => number;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  /** The bot decided to hand over: queue the conversation, or route it to a callback. */
  async requestHandoff(conversation: HandoffConversation, decision: HandoffDecision): Promise<HandoffRequestOutcome> {
    const { store } = this.deps;
    const now = this.clock();
    const reasonCodes = decision.reasonCodes.length > 0 ? decision.reasonCodes : [HandoffReason.userRequested];
    const before = await store.getRecord(conversation.conversationId);
    if (before?.state === HandoffState.assigned) {
      return { outcome: 'assigned', customerMessage: "You're already connected with our team.", record: before };
    }
    const agentsOnline = (await this.deps.presence.online()).length;
    const route =
      before?.state === HandoffState.queued
        ? ({ route: 'queue' } as const)
        : routeHandoff({ now, agentsOnline, queueTimeoutExceeded: false }, this.deps.calendar, this.routeOptions());

    if (route.route === 'callback') {
      this.deps.metrics?.handoffs.inc({ reason: reasonCodes[0], route: 'callback' });
      if (!before) this.deps.metrics?.conversations.inc({ outcome: 'escalated' });
      const contact = conversation.contact ?? before?.contact;
      // After emergency guidance the urgent ticket is filed at once; a contact, if given, only adds to it.
      const urgentNow = decision.sendEmergencyGuidance;
      if (!contact && !urgentNow) {
        return { outcome: 'callback', reason: route.reason, needsContact: true, ticket: null, whenText: route.whenText, customerMessage: route.customerMessage };
      }
      const { ticket } = await this.fileCallback(conversation, decision.priority, contact ?? null, route.reason);
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
    const estimate = await this.estimate(position, agentsOnline);
    if (created) {
      this.deps.metrics?.handoffs.inc({ reason: record.reason, route: 'queue' });
      if (!before) this.deps.metrics?.conversations.inc({ outcome: 'escalated' });
      await this.publish({
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
    const now = this.clock();
    let why = reason;
    if (why === undefined) {
      const route = routeHandoff(
        { now, agentsOnline: (await this.deps.presence.online()).length, queueTimeoutExceeded: false },
        this.deps.calendar,
        this.routeOptions(),
      );
      why = route.route === 'callback' ? route.reason : CallbackReason.noAgent;
    }
    const { ticket } = await this.fileCallback(conversation, conversation.priority ?? 'normal', contact, why);
    return { ticket, whenText: callbackPromise(this.deps.calendar, now, this.routeOptions()).text };
  }

  /** Agent claims a queued conversation; exactly one concurrent claimer wins (others get 409). */
  async claim(conversationId: string, agent: Agent): Promise<ClaimResult> {
    const now = this.clock();
    const result = await this.deps.store.claim(conversationId, agent.id, this.deps.config.leaseMs);
    await this.safely(() => this.deps.presence.heartbeat(agent.id), 'presence heartbeat');
    if (!result.reclaimed) {
      const since = result.record.waitingSince;
      if (since) this.deps.metrics?.handoffWait.observe(Math.max(0, now - Date.parse(since)) / 1000);
      await this.publish({
        type: 'claimed',
        conversationId,
        at: new Date(now).toISOString(),
        data: { agentId: agent.id, fencingToken: result.fencingToken },
      });
      await this.safely(
        () => this.deps.userChannel.deliver(conversationId, { text: `You are now chatting with ${agent.name} from our team.`, agentName: agent.name, kind: 'agent_joined' }),
        'deliver join notice',
      );
    }
    return result;
  }

  /** The console's keep-alive for a claim; also marks the agent online. */
  async renewLease(conversationId: string, agent: Agent, fencingToken: number): Promise<HandoffRecord> {
    const record = await this.deps.store.renewLease(conversationId, agent.id, fencingToken, this.deps.config.leaseMs);
    await this.safely(() => this.deps.presence.heartbeat(agent.id), 'presence heartbeat');
    return record;
  }

  /**
   * Sends an agent's message to the customer. Only the assigned agent may; with an idempotency key,
   * a retried request is delivered once (`duplicate: true` on repeats).
   */
  async sendAgentMessage(
    conversationId: string,
    agent: Agent,
    message: { readonly text: string; readonly idempotencyKey?: string; readonly fencingToken?: number },
  ): Promise<{ delivered: boolean; duplicate: boolean }> {
    const text = this.validText(message.text, 'text');
    const key = message.idempotencyKey;
    if (key !== undefined && !agentMessageKey.test(key)) {
      throw new TandemError('UNPROCESSABLE', 'bad idempotency key', 'The idempotency key must be 1-128 letters, digits, . _ : or -.');
    }
    const record = await this.deps.store.getRecord(conversationId);
    if (!record) throw new TandemError('HANDOFF_NOT_FOUND', `no handoff record for ${conversationId}`);
    if (record.state !== HandoffState.assigned) throw new TandemError('HANDOFF_CONFLICT', `conversation is ${record.state}`);
    if (record.assignedAgent !== agent.id) throw new TandemError('HANDOFF_NOT_OWNER', 'conversation is assigned to another agent');
    // Renewing with the token proves ownership atomically and keeps an active agent's claim alive.
    await this.deps.store.renewLease(conversationId, agent.id, message.fencingToken ?? record.fencingToken, this.deps.config.leaseMs);
    if (key !== undefined) {
      const first = await this.deps.idempotency.firstSeen(conversationId, key, this.deps.config.messageIdempotencyTtlSeconds);
      if (!first) return { delivered: false, duplicate: true };
    }
    try {
      await this.deps.userChannel.deliver(conversationId, { text, agentName: agent.name });
    } catch (error) {
      if (key !== undefined) await this.safely(() => this.deps.idempotency.forget(conversationId, key), 'forget idempotency key');
      throw error;
    }
    await this.publish({
      type: 'message',
      conversationId,
      at: new Date(this.clock()).toISOString(),
      data: { from: 'agent', text, agentId: agent.id, agentName: agent.name, ...(key !== undefined ? { messageId: key } : {}) },
    });
    return { delivered: true, duplicate: false };
  }

  /** A customer message while a human owns the chat goes to the agents' side. False when the bot owns it. */
  async forwardUserMessage(conversationId: string, text: string, at?: string): Promise<boolean> {
    if (!(await this.isBotSilenced(conversationId))) return false;
    await this.publish({ type: 'message', conversationId, at: at ?? new Date(this.clock()).toISOString(), data: { from: 'user', text } });
    return true;
  }

  /**
   * Emergency or crisis language while a person owns the chat: the priority becomes urgent (a waiting
   * customer moves up the line), the agents get an `alert` event at once, and the customer is told
   * what changed. Undefined when no person owns the chat (the bot's own emergency handling applies).
   */
  async raiseEmergency(conversationId: string, categories: readonly EmergencyCategory[]): Promise<EmergencyEscalation | undefined> {
    let raised: Awaited<ReturnType<HandoffStore['raisePriority']>>;
    try {
      raised = await this.deps.store.raisePriority(conversationId, Priority.urgent, HandoffReason.emergency);
    } catch (error) {
      if (error instanceof TandemError && (error.code === 'HANDOFF_CONFLICT' || error.code === 'HANDOFF_NOT_FOUND')) return undefined;
      throw error;
    }
    const { record, previousPriority } = raised;
    const now = this.clock();
    const at = new Date(now).toISOString();
    const queued = record.state === HandoffState.queued;
    const position = queued ? ((await this.deps.store.position(conversationId)) ?? 1) : null;
    await this.publish({
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
      const name = record.external ? undefined : record.assignedAgent && this.deps.agentName?.(record.assignedAgent);
      const who = name ? `${name} from our team` : 'the person from our team you are chatting with';
      return { state: record.state, customerMessage: `I've alerted ${who} that this is urgent.` };
    }
    const agentsOnline = (await this.deps.presence.online()).length;
    const estimate = await this.estimate(position, agentsOnline);
    await this.safely(
      () => this.deps.store.markAnnounced(conversationId, record.announced?.at ?? null, { position, etaSeconds: estimate.etaSeconds, at }),
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
    const record = await this.deps.store.getRecord(conversationId);
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

  /** A private note for agents; never shown to the customer. */
  async addNote(conversationId: string, agent: Agent, text: string): Promise<HandoffNote> {
    const note = await this.deps.store.addNote(conversationId, agent.id, this.validText(text, 'text'));
    await this.publish({ type: 'note', conversationId, at: note.at, data: { agentId: agent.id, text: note.text } });
    return note;
  }

  /**
   * Hands the conversation back to the bot. The bot layer listens for `released` (or reads the
   * result) to ask for CSAT (resolved) or resume with the agent's note (return_to_bot).
   */
  async release(
    conversationId: string,
    agent: Agent,
    input: { readonly disposition: Disposition; readonly note?: string; readonly fencingToken?: number },
  ): Promise<{ record: HandoffRecord; handleMs: number }> {
    const note = input.note === undefined || input.note.trim() === '' ? undefined : this.validText(input.note, 'note');
    const result = await this.deps.store.release(conversationId, agent.id, {
      disposition: input.disposition,
      ...(note !== undefined ? { note } : {}),
      ...(input.fencingToken !== undefined ? { fencingToken: input.fencingToken } : {}),
    });
    this.deps.metrics?.handoffHandle.observe(result.handleMs / 1000);
    await this.publish({
      type: 'released',
      conversationId,
      at: new Date(this.clock()).toISOString(),
      data: { agentId: agent.id, disposition: input.disposition, ...(note !== undefined ? { note } : {}) },
    });
    return result;
  }

  /** An agent puts a claimed conversation back in line, at its original place. */
  async requeue(conversationId: string, agent: Agent): Promise<HandoffRecord> {
    const record = await this.deps.store.requeue(conversationId, { agentId: agent.id });
    await this.afterRequeue(conversationId, 'agent_requeue', agent.id);
    return record;
  }

  /** The customer's "cancel": leave the queue or end the chat with the agent. Never throws for a bot-owned chat. */
  async cancelByUser(conversationId: string, options: { expectState?: HandoffState } = {}): Promise<{ cancelled: boolean; customerMessage: string }> {
    let result: Awaited<ReturnType<HandoffStore['cancel']>>;
    try {
      result = await this.deps.store.cancel(conversationId, options);
    } catch (error) {
      if (error instanceof TandemError && (error.code === 'HANDOFF_CONFLICT' || error.code === 'HANDOFF_NOT_FOUND')) {
        return { cancelled: false, customerMessage: "You're not waiting for our team right now. How else can I help?" };
      }
      throw error;
    }
    await this.publish({
      type: 'cancelled',
      conversationId,
      at: new Date(this.clock()).toISOString(),
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
    const record = await this.deps.store.getRecord(conversationId);
    if (record?.state === HandoffState.queued) {
      const position = (await this.deps.store.position(conversationId)) ?? 1;
      const estimate = await this.estimate(position, (await this.deps.presence.online()).length);
      return { state: record.state, position, etaSeconds: estimate.etaSeconds, customerMessage: describeQueuePlace(estimate) };
    }
    if (record?.state === HandoffState.assigned) {
      const name = record.external ? undefined : record.assignedAgent && this.deps.agentName?.(record.assignedAgent);
      const who = name ? `${name} from our team` : 'a person from our team';
      return { state: record.state, position: null, etaSeconds: null, customerMessage: `You're connected with ${who}.` };
    }
    if (record?.state === HandoffState.callback && record.callback?.status === 'open') {
      const promise = callbackPromise(this.deps.calendar, Date.parse(record.callback.createdAt), this.routeOptions());
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
    return this.deps.store.stateOf(conversationId);
  }

  /** True while the bot must stay silent (queued or assigned). */
  async isBotSilenced(conversationId: string): Promise<boolean> {
    return humanOwnedStates.includes(await this.deps.store.stateOf(conversationId));
  }

  /** The agent API's queue, with summaries redacted unless the viewer may see PII. */
  async queue(viewer: Pick<Agent, 'role'>): Promise<QueueItem[]> {
    const entries = await this.deps.store.listQueue();
    const summary = canSeePii(viewer.role) ? (s: string) => s : redactPii;
    return entries.map((e: QueueEntry) => ({
      conversationId: e.conversationId,
      state: e.state,
      priority: e.priority,
      reason: e.reason,
      reasonCodes: [...e.reasonCodes],
      waitingSince: e.waitingSince ?? null,
      position: e.position,
      summary: summary(e.summary),
      channelId: e.channelId,
      skill: e.skill ?? null,
    }));
  }

  /** The DESIGN §5 context pack at one view level. The bot layer supplies the transcript (oldest first). */
  async contextPack(
    conversationId: string,
    level: ViewLevel,
    transcript: readonly TranscriptLine[],
    paging: { readonly page?: number; readonly pageSize?: number } = {},
  ): Promise<ContextPack> {
    const record = await this.deps.store.getRecord(conversationId);
    if (!record) throw new TandemError('HANDOFF_NOT_FOUND', `no handoff record for ${conversationId}`);
    const insights = await this.deps.insights.get(conversationId);
    return buildContextPack({ record, insights, transcript, level, ...paging });
  }

  /** CSAT after a resolved chat (1-5). */
  async recordCsat(conversationId: string, score: number): Promise<HandoffRecord> {
    const record = await this.deps.store.recordCsat(conversationId, score);
    this.deps.metrics?.csat.inc({ score: String(score) });
    return record;
  }

  /** Counts a conversation the bot finished without a human (the bot layer decides when). */
  recordContained(): void {
    this.deps.metrics?.conversations.inc({ outcome: 'contained' });
  }

  /** Agent console heartbeat. */
  async heartbeat(agent: Agent): Promise<void> {
    await this.deps.presence.heartbeat(agent.id);
  }

  /** `handoff.status` from an external hub: accepted → assigned to the hub, completed → bot, failed → back in our queue. */
  async applyExternalStatus(conversationId: string, status: HandoffStatus, hubId = 'hub'): Promise<HandoffRecord | undefined> {
    const hubAgent = `hub:${hubId}`;
    const now = new Date(this.clock()).toISOString();
    const record = await this.deps.store.getRecord(conversationId);
    const heldByHub = record?.state === HandoffState.assigned && record.external && record.assignedAgent === hubAgent;
    if (status === 'accepted') {
      const result = await this.deps.store.markAssignedExternally(conversationId, hubAgent);
      if (!result.reclaimed) await this.publish({ type: 'claimed', conversationId, at: now, data: { agentId: hubAgent, fencingToken: result.fencingToken } });
      return result.record;
    }
    if (!heldByHub) return record;
    if (status === 'completed') {
      const { record: released } = await this.deps.store.release(conversationId, hubAgent, { disposition: 'resolved' });
      await this.publish({ type: 'released', conversationId, at: now, data: { agentId: hubAgent, disposition: 'resolved' } });
      return released;
    }
    const requeued = await this.deps.store.requeue(conversationId, { agentId: hubAgent });
    await this.afterRequeue(conversationId, 'hub_failed', hubAgent);
    return requeued;
  }

  /**
   * The periodic sweeper (any process may run it; each action happens once): requeues expired
   * leases, turns waits past the timeout into callbacks, and tells customers about material changes.
   */
  async sweep(now: number = this.clock()): Promise<SweepResult> {
    const { store, config } = this.deps;
    const requeued = await store.expireLeases(now);
    for (const conversationId of requeued) await this.afterRequeue(conversationId, 'lease_expired');

    const timedOut: string[] = [];
    const queue = await store.listQueue();
    for (const entry of queue) {
      // Time spent with an agent does not count: after a requeue the timeout starts again.
      const since = entry.requeuedAt ?? entry.waitingSince;
      if (!since || now - Date.parse(since) < config.queueTimeoutMs) continue;
      const filed = await this.fileCallbackOnce(entry, now);
      if (filed) timedOut.push(entry.conversationId);
    }

    const announced: string[] = [];
    const agentsOnline = (await this.deps.presence.online()).length;
    const handleTimesMs = await store.recentHandleTimes();
    // Positions moved with every requeue, timeout and claim: judge the queue as it is now.
    for (const entry of await store.listQueue()) {
      if (requeued.includes(entry.conversationId)) continue;
      const estimate = estimateWait({ position: entry.position, agentsOnline, handleTimesMs, defaultHandleSeconds: config.defaultHandleSeconds });
      if (!shouldNotify(entry.announced, estimate, now, { minIntervalSeconds: config.notifyMinIntervalSeconds })) continue;
      const at = new Date(now).toISOString();
      const won = await this.safely(
        () => store.markAnnounced(entry.conversationId, entry.announced?.at ?? null, { position: estimate.position, etaSeconds: estimate.etaSeconds, at }),
        'mark announced',
      );
      if (!won) continue;
      announced.push(entry.conversationId);
      await this.safely(
        () => this.deps.userChannel.deliver(entry.conversationId, { text: `Update: ${describeQueuePlace(estimate)}` }),
        'deliver queue update',
      );
    }
    return { requeued, timedOut, announced };
  }

  private async fileCallbackOnce(entry: QueueEntry, now: number): Promise<boolean> {
    try {
      const { ticket } = await this.deps.store.toCallback({
        conversationId: entry.conversationId,
        channelId: entry.channelId,
        contact: null,
        reason: CallbackReason.timeout,
        expectState: HandoffState.queued,
      });
      this.deps.metrics?.handoffs.inc({ reason: HandoffReason.timeout, route: 'callback' });
      await this.publish({
        type: 'callback',
        conversationId: entry.conversationId,
        at: new Date(now).toISOString(),
        data: { ticketId: ticket.ticketId, reason: ticket.reason, priority: ticket.priority },
      });
      const promise = callbackPromise(this.deps.calendar, now, this.routeOptions());
      const how = ticket.contact ? '' : ' We will follow up in this conversation.';
      await this.safely(
        () =>
          this.deps.userChannel.deliver(entry.conversationId, {
            text: `I'm sorry for the long wait; nobody has been free to take your conversation. ${promise.text}${how}`,
          }),
        'deliver timeout notice',
      );
      return true;
    } catch (error) {
      // Another sweeper, a claim or a cancel got there first.
      if (error instanceof TandemError && error.code === 'HANDOFF_CONFLICT') return false;
      throw error;
    }
  }

  private async afterRequeue(conversationId: string, cause: 'lease_expired' | 'agent_requeue' | 'hub_failed', previousAgent?: string): Promise<void> {
    const now = this.clock();
    const position = await this.deps.store.position(conversationId);
    await this.publish({
      type: 'requeued',
      conversationId,
      at: new Date(now).toISOString(),
      data: { cause, position, ...(previousAgent !== undefined ? { previousAgent } : {}) },
    });
    if (position === null) return;
    const estimate = await this.estimate(position, (await this.deps.presence.online()).length);
    const record = await this.deps.store.getRecord(conversationId);
    await this.safely(
      () =>
        this.deps.store.markAnnounced(conversationId, record?.announced?.at ?? null, {
          position,
          etaSeconds: estimate.etaSeconds,
          at: new Date(now).toISOString(),
        }),
      'mark announced',
    );
    await this.safely(
      () =>
        this.deps.userChannel.deliver(conversationId, {
          text: `Sorry, the person helping you was disconnected. You keep your place: ${describeQueuePlace(estimate)}`,
        }),
      'deliver requeue notice',
    );
  }

  private async fileCallback(
    conversation: Omit<HandoffConversation, 'contact'>,
    priority: Priority,
    contact: CallbackContact | null,
    reason: CallbackReason,
  ): Promise<{ record: HandoffRecord; ticket: CallbackTicket }> {
    const result = await this.deps.store.toCallback({
      conversationId: conversation.conversationId,
      channelId: conversation.channelId,
      contact,
      reason,
      priority,
      summary: conversation.summary,
    });
    await this.publish({
      type: 'callback',
      conversationId: conversation.conversationId,
      at: new Date(this.clock()).toISOString(),
      data: { ticketId: result.ticket.ticketId, reason, priority: result.ticket.priority },
    });
    return result;
  }

  private async estimate(position: number, agentsOnline: number): Promise<WaitEstimate> {
    return estimateWait({
      position,
      agentsOnline,
      handleTimesMs: await this.deps.store.recentHandleTimes(),
      defaultHandleSeconds: this.deps.config.defaultHandleSeconds,
    });
  }

  private routeOptions() {
    return { callbackSlaMinutes: this.deps.config.callbackSlaMinutes };
  }

  private validText(text: unknown, field: string): string {
    const trimmed = typeof text === 'string' ? text.trim() : '';
    const max = this.deps.config.maxMessageChars;
    if (trimmed.length < 1 || trimmed.length > max) {
      throw new TandemError('UNPROCESSABLE', `${field} length ${trimmed.length}`, `${field} must be 1 to ${max} characters.`);
    }
    return trimmed;
  }

  /** Events follow a transition that already happened: a failed publish is logged, not thrown. */
  private async publish(event: HandoffEvent): Promise<void> {
    await this.safely(() => this.deps.bus.publish(event), `publish ${event.type}`);
  }

  private async safely<T>(action: () => Promise<T>, what: string): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      this.deps.logger?.warn({ err: error }, `handoff: ${what} failed`);
      return undefined;
    }
  }
}
