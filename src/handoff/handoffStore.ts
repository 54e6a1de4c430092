import { TandemError } from '../errors';
import type { CallbackContact } from './callbackContact';
import type { CallbackReason, CallbackStatus, Disposition, HandoffReason, HandoffState, Priority } from './vocabulary';
import type { Clock } from '../clock';

/** A private note an agent left on a conversation; never shown to the user. */
export interface HandoffNote {
  readonly agentId: string;
  readonly text: string;
  readonly at: string;
}

/** A promise to contact the customer later. A null contact means "reply in the same conversation". */
export interface CallbackTicket {
  readonly ticketId: string;
  readonly conversationId: string;
  readonly channelId: string;
  readonly contact: CallbackContact | null;
  readonly reason: CallbackReason;
  readonly priority: Priority;
  readonly summary: string;
  readonly createdAt: string;
  readonly status: CallbackStatus;
}

/** What the customer was last told about their place in the queue. */
export interface QueueAnnouncement {
  readonly position: number;
  readonly etaSeconds: number;
  readonly at: string;
}

/** Everything the handoff machinery knows about one conversation. Times are ISO 8601. */
export interface HandoffRecord {
  readonly conversationId: string;
  readonly channelId: string;
  readonly state: HandoffState;
  readonly priority: Priority;
  /** The headline reason, `reasonCodes[0]` of the latest request. */
  readonly reason: HandoffReason;
  readonly reasonCodes: readonly HandoffReason[];
  readonly summary: string;
  readonly skill?: string;
  readonly contact?: CallbackContact;
  /** When the current wait began; kept across a requeue. */
  readonly waitingSince?: string;
  /** When an agent last dropped it back into the queue; the queue timeout counts from here. */
  readonly requeuedAt?: string;
  /** Global enqueue order; with the priority it fixes the place in the queue, and survives a requeue. */
  readonly enqueuedSeq?: number;
  readonly assignedAgent?: string;
  readonly assignedAt?: string;
  /** Absent for external (hub) assignments, which never expire. */
  readonly leaseExpiresAt?: string;
  /** Increases on every claim; stale holders are refused. */
  readonly fencingToken: number;
  /** True when an external hub accepted the conversation (`handoff.status: accepted`). */
  readonly external: boolean;
  readonly notes: readonly HandoffNote[];
  readonly handledTimes: number;
  readonly lastDisposition?: Disposition;
  /** The note of the latest release, for the bot to resume with. */
  readonly lastReleaseNote?: string;
  /** The agent who last held it, kept when it leaves their hands (release or the customer's cancel). */
  readonly lastAgent?: string;
  /** When it left `lastAgent`'s hands. */
  readonly lastAgentLeftAt?: string;
  readonly csat?: number;
  readonly callback?: CallbackTicket;
  readonly announced?: QueueAnnouncement;
  readonly updatedAt: string;
}

/** A queued record with its 1-based place in line. */
export interface QueueEntry extends HandoffRecord {
  readonly position: number;
}

export interface EnqueueInput {
  readonly conversationId: string;
  readonly channelId: string;
  readonly priority: Priority;
  /** Most telling first; must not be empty. */
  readonly reasonCodes: readonly HandoffReason[];
  readonly summary: string;
  readonly skill?: string;
  readonly contact?: CallbackContact;
}

export interface ToCallbackInput {
  readonly conversationId: string;
  readonly channelId: string;
  readonly contact: CallbackContact | null;
  readonly reason: CallbackReason;
  /** Used when the conversation has no record yet (routed to callback without queueing). */
  readonly priority?: Priority;
  readonly summary?: string;
  /** Only move from this state, else HANDOFF_CONFLICT (a sweeper uses 'queued' so two sweeps act once). */
  readonly expectState?: HandoffState;
}

export interface ReleaseInput {
  /** When given it must equal the current token; when omitted, being the assigned agent is enough. */
  readonly fencingToken?: number;
  readonly disposition: Disposition;
  readonly note?: string;
}

export interface ClaimResult {
  readonly record: HandoffRecord;
  readonly fencingToken: number;
  /** True when the claimer already held it (a retried claim): nothing new happened. */
  readonly reclaimed: boolean;
}

/**
 * The handoff state machine and queue. Every method is one atomic transition (across processes for
 * the Redis implementation) and throws TandemError HANDOFF_NOT_FOUND (404), HANDOFF_CONFLICT (409)
 * or HANDOFF_NOT_OWNER (403) without changing anything when the transition is not allowed.
 */
export interface HandoffStore {
  /** bot|closed|callback → queued. Already queued: no change except a raised priority and merged reasons. */
  enqueue(input: EnqueueInput): Promise<{ record: HandoffRecord; created: boolean }>;
  /**
   * queued|assigned → the same state with the priority raised (never lowered) and `reason` as the new
   * headline reason; a queued conversation moves up the line at once. Else HANDOFF_CONFLICT.
   */
  raisePriority(conversationId: string, priority: Priority, reason: HandoffReason): Promise<{ record: HandoffRecord; previousPriority: Priority }>;
  /** queued → assigned; exactly one concurrent claimer wins. The owner re-claiming gets its token back. */
  claim(conversationId: string, agentId: string, leaseMs: number): Promise<ClaimResult>;
  renewLease(conversationId: string, agentId: string, fencingToken: number, leaseMs: number): Promise<HandoffRecord>;
  /** assigned → bot, by the owner only. Records the handle time. */
  release(conversationId: string, agentId: string, input: ReleaseInput): Promise<{ record: HandoffRecord; handleMs: number }>;
  /** assigned → queued at its original place (agent dropped). When agentId is given, only that owner may. */
  requeue(conversationId: string, options?: { agentId?: string }): Promise<HandoffRecord>;
  /** queued|assigned → bot, by the user; with `expectState`, only from that state (else HANDOFF_CONFLICT). */
  cancel(conversationId: string, options?: { expectState?: HandoffState }): Promise<{ record: HandoffRecord; previousState: HandoffState; previousAgent?: string }>;
  /** bot|closed|queued|callback (or no record) → callback with an open ticket; a repeat updates the contact. */
  toCallback(input: ToCallbackInput): Promise<{ record: HandoffRecord; ticket: CallbackTicket }>;
  completeCallback(ticketId: string): Promise<CallbackTicket>;
  listCallbacks(options?: { status?: CallbackStatus }): Promise<CallbackTicket[]>;
  /** queued → assigned to an external hub (no lease). */
  markAssignedExternally(conversationId: string, externalAgentId: string): Promise<ClaimResult>;
  getRecord(conversationId: string): Promise<HandoffRecord | undefined>;
  /** Only the state, in one cheap read (every turn asks it); `bot` when there is no record. */
  stateOf(conversationId: string): Promise<HandoffState>;
  /** Only the channel that started the handed-over conversation, in one cheap read; undefined when there is no record. */
  channelOf(conversationId: string): Promise<string | undefined>;
  /** Queued conversations: urgent > high > normal, then first come first served. */
  listQueue(): Promise<QueueEntry[]>;
  /** 1-based place in the queue, or null when not queued. */
  position(conversationId: string): Promise<number | null>;
  /** Requeues every assignment whose lease ended at or before `now`; returns their ids. */
  expireLeases(now?: number): Promise<string[]>;
  addNote(conversationId: string, agentId: string, text: string): Promise<HandoffNote>;
  /** Score 1..5 (integer), else UNPROCESSABLE. */
  recordCsat(conversationId: string, score: number): Promise<HandoffRecord>;
  /** The most recent handle durations (ms), newest first. */
  recentHandleTimes(): Promise<number[]>;
  /**
   * Records what the customer was told, only if nobody else announced since `previousAt`
   * (null = never). Returns false when another process got there first.
   */
  markAnnounced(conversationId: string, previousAt: string | null, announcement: QueueAnnouncement): Promise<boolean>;
}

export interface HandoffStoreOptions {
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly clock?: Clock;
  /** How many handle durations to keep for the wait estimate. */
  readonly handleHistory?: number;
  /** A callback ticket (with the contact it keeps) is forgotten this long after it was filed (ms). Default 30 days. */
  readonly callbackTicketTtlMs?: number;
  /** How long a record that went back to the bot is kept (ms); 0 keeps it forever. Default 30 days. */
  readonly recordRetentionMs?: number;
}

export const defaultCallbackTicketTtlMs = 30 * 24 * 3600 * 1000;
export const defaultRecordRetentionMs = 30 * 24 * 3600 * 1000;

/** Notes kept per conversation; older ones are dropped. */
export const maxNotesPerConversation = 200;

export const notFound = (conversationId: string) =>
  new TandemError('HANDOFF_NOT_FOUND', `no handoff record for conversation ${conversationId}`);
export const conflict = (detail: string) => new TandemError('HANDOFF_CONFLICT', detail);
export const notOwner = (detail: string) => new TandemError('HANDOFF_NOT_OWNER', detail);

/** Validates a CSAT score the same way in every implementation. */
export function assertCsatScore(score: number): void {
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new TandemError('UNPROCESSABLE', `csat score ${score} out of range`, 'The score must be a whole number from 1 to 5.');
  }
}

/** Validates enqueue input the same way in every implementation. */
export function assertEnqueueInput(input: EnqueueInput): void {
  if (input.reasonCodes.length === 0) {
    throw new TandemError('UNPROCESSABLE', 'enqueue needs at least one reason code', 'A handoff needs a reason.');
  }
}

/** The queue sort key: priority band first, then enqueue order. */
export function queueScore(priorityRankValue: number, seq: number): number {
  return priorityRankValue * 1e12 + seq;
}

/** Drops undefined fields so records compare equal across implementations. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
