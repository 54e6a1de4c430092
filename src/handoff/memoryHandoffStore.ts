import { randomUUID } from 'node:crypto';
import type { CallbackContact } from './callbackContact';
import {
  assertCsatScore,
  assertEnqueueInput,
  compact,
  conflict,
  defaultCallbackTicketTtlMs,
  defaultRecordRetentionMs,
  maxNotesPerConversation,
  notFound,
  notOwner,
  queueScore,
  type CallbackTicket,
  type ClaimResult,
  type EnqueueInput,
  type HandoffNote,
  type HandoffRecord,
  type HandoffStore,
  type HandoffStoreOptions,
  type QueueAnnouncement,
  type QueueEntry,
  type ReleaseInput,
  type ToCallbackInput,
} from './handoffStore';
import {
  CallbackStatus,
  HandoffReason,
  HandoffState,
  higherPriority,
  priorityRank,
  type Disposition,
  type Priority,
} from './vocabulary';
import type { Clock } from '../clock';

interface Stored {
  conversationId: string;
  channelId: string;
  state: HandoffState;
  priority: Priority;
  reasonCodes: HandoffReason[];
  summary: string;
  skill?: string;
  contact?: CallbackContact;
  waitingSince?: number;
  requeuedAt?: number;
  enqueuedSeq?: number;
  assignedAgent?: string;
  assignedAt?: number;
  leaseExpiresAt?: number;
  fencingToken: number;
  external: boolean;
  notes: HandoffNote[];
  handledTimes: number;
  lastDisposition?: Disposition;
  lastReleaseNote?: string;
  lastAgent?: string;
  lastAgentLeftAt?: number;
  csat?: number;
  callbackTicketId?: string;
  announced?: QueueAnnouncement;
  updatedAt: number;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** In-process HandoffStore for one process (development, tests). Same contract as the Redis store. */
/** What a conversation forgets when it goes back to the bot (release or cancel). */
const backToBot = {
  state: HandoffState.bot,
  assignedAgent: undefined,
  assignedAt: undefined,
  leaseExpiresAt: undefined,
  waitingSince: undefined,
  requeuedAt: undefined,
  enqueuedSeq: undefined,
  external: false,
  announced: undefined,
} as const satisfies Partial<Stored>;

export class MemoryHandoffStore implements HandoffStore {
  private readonly records = new Map<string, Stored>();
  private readonly tickets = new Map<string, CallbackTicket>();
  private handleTimes: number[] = [];
  private seq = 0;
  private readonly clock: Clock;
  private readonly handleHistory: number;
  private readonly ticketTtlMs: number;
  private readonly retentionMs: number;
  private readonly maxRecords: number;
  private nextSweepAt = 0;

  constructor(options: HandoffStoreOptions & { readonly maxRecords?: number } = {}) {
    this.clock = options.clock ?? Date.now;
    this.handleHistory = options.handleHistory ?? 50;
    this.ticketTtlMs = options.callbackTicketTtlMs ?? defaultCallbackTicketTtlMs;
    this.retentionMs = options.recordRetentionMs ?? defaultRecordRetentionMs;
    this.maxRecords = options.maxRecords ?? 50_000;
  }

  /**
   * Forgets what its Redis twin lets expire: tickets past their lifetime (with a record still waiting
   * for one), records back with the bot past the retention, and beyond `maxRecords` the stalest of those.
   */
  private forgetExpired(now: number): void {
    // A sweep walks every record: at most once a minute, or when the cap is passed.
    if (now < this.nextSweepAt && this.records.size <= this.maxRecords) return;
    this.nextSweepAt = now + 60_000;
    for (const [ticketId, ticket] of this.tickets) {
      if (Date.parse(ticket.createdAt) + this.ticketTtlMs > now) continue;
      this.tickets.delete(ticketId);
      const stored = this.records.get(ticket.conversationId);
      if (stored?.state === HandoffState.callback && stored.callbackTicketId === ticketId) this.records.delete(ticket.conversationId);
    }
    const idle = [...this.records.values()]
      .filter((r) => r.state === HandoffState.bot || r.state === HandoffState.closed)
      .sort((a, b) => a.updatedAt - b.updatedAt);
    let excess = this.records.size - this.maxRecords;
    for (const stored of idle) {
      const expired = this.retentionMs > 0 && stored.updatedAt + this.retentionMs <= now;
      if (!expired && excess <= 0) break;
      this.records.delete(stored.conversationId);
      excess -= 1;
    }
  }

  async enqueue(input: EnqueueInput): Promise<{ record: HandoffRecord; created: boolean }> {
    assertEnqueueInput(input);
    const now = this.clock();
    this.forgetExpired(now);
    const existing = this.records.get(input.conversationId);
    if (existing?.state === HandoffState.assigned) throw conflict('conversation is already assigned to an agent');
    if (existing?.state === HandoffState.queued) {
      existing.priority = higherPriority(existing.priority, input.priority);
      for (const code of input.reasonCodes) if (!existing.reasonCodes.includes(code)) existing.reasonCodes.push(code);
      existing.updatedAt = now;
      return { record: this.toRecord(existing), created: false };
    }
    this.seq += 1;
    const stored: Stored = {
      ...(existing ?? { notes: [], handledTimes: 0, fencingToken: 0, external: false }),
      conversationId: input.conversationId,
      channelId: input.channelId,
      state: HandoffState.queued,
      priority: input.priority,
      reasonCodes: [...input.reasonCodes],
      summary: input.summary,
      skill: input.skill,
      contact: input.contact ?? existing?.contact,
      waitingSince: now,
      requeuedAt: undefined,
      enqueuedSeq: this.seq,
      assignedAgent: undefined,
      assignedAt: undefined,
      leaseExpiresAt: undefined,
      external: false,
      announced: undefined,
      updatedAt: now,
    };
    this.records.set(input.conversationId, stored);
    return { record: this.toRecord(stored), created: true };
  }

  async raisePriority(conversationId: string, priority: Priority, reason: HandoffReason): Promise<{ record: HandoffRecord; previousPriority: Priority }> {
    const stored = this.mustGet(conversationId);
    if (stored.state !== HandoffState.queued && stored.state !== HandoffState.assigned) {
      throw conflict(`cannot raise the priority of a conversation in state ${stored.state}`);
    }
    const previousPriority = stored.priority;
    stored.priority = higherPriority(previousPriority, priority);
    stored.reasonCodes = [reason, ...stored.reasonCodes.filter((code) => code !== reason)];
    stored.updatedAt = this.clock();
    return { record: this.toRecord(stored), previousPriority };
  }

  async claim(conversationId: string, agentId: string, leaseMs: number): Promise<ClaimResult> {
    const now = this.clock();
    const stored = this.mustGet(conversationId);
    if (stored.state === HandoffState.assigned) {
      if (stored.assignedAgent !== agentId || stored.external) throw conflict('conversation is already claimed by another agent');
      stored.leaseExpiresAt = now + leaseMs;
      stored.updatedAt = now;
      return { record: this.toRecord(stored), fencingToken: stored.fencingToken, reclaimed: true };
    }
    if (stored.state !== HandoffState.queued) throw conflict(`cannot claim a conversation in state ${stored.state}`);
    stored.state = HandoffState.assigned;
    stored.assignedAgent = agentId;
    stored.assignedAt = now;
    stored.leaseExpiresAt = now + leaseMs;
    stored.fencingToken += 1;
    stored.external = false;
    stored.updatedAt = now;
    return { record: this.toRecord(stored), fencingToken: stored.fencingToken, reclaimed: false };
  }

  async renewLease(conversationId: string, agentId: string, fencingToken: number, leaseMs: number): Promise<HandoffRecord> {
    const now = this.clock();
    const stored = this.mustOwn(conversationId, agentId, fencingToken);
    if (stored.external) throw conflict('external assignments have no lease');
    stored.leaseExpiresAt = now + leaseMs;
    stored.updatedAt = now;
    return this.toRecord(stored);
  }

  async release(conversationId: string, agentId: string, input: ReleaseInput): Promise<{ record: HandoffRecord; handleMs: number }> {
    const now = this.clock();
    const stored = this.mustOwn(conversationId, agentId, input.fencingToken);
    const handleMs = Math.max(0, now - (stored.assignedAt ?? now));
    if (!stored.external) {
      this.handleTimes.unshift(handleMs);
      this.handleTimes = this.handleTimes.slice(0, this.handleHistory);
    }
    if (input.note !== undefined) this.pushNote(stored, { agentId, text: input.note, at: new Date(now).toISOString() });
    Object.assign(stored, backToBot, {
      lastAgent: agentId,
      lastAgentLeftAt: now,
      handledTimes: stored.handledTimes + 1,
      lastDisposition: input.disposition,
      lastReleaseNote: input.note,
      updatedAt: now,
    } satisfies Partial<Stored>);
    return { record: this.toRecord(stored), handleMs };
  }

  async requeue(conversationId: string, options: { agentId?: string } = {}): Promise<HandoffRecord> {
    const stored = this.mustGet(conversationId);
    if (stored.state !== HandoffState.assigned) throw conflict(`cannot requeue a conversation in state ${stored.state}`);
    if (options.agentId !== undefined && stored.assignedAgent !== options.agentId) throw notOwner('only the assigned agent may requeue');
    this.requeueStored(stored, this.clock());
    return this.toRecord(stored);
  }

  async cancel(conversationId: string, options: { expectState?: HandoffState } = {}) {
    const stored = this.mustGet(conversationId);
    const previousState = stored.state;
    const previousAgent = stored.assignedAgent;
    if (previousState !== HandoffState.queued && previousState !== HandoffState.assigned) {
      throw conflict(`cannot cancel a conversation in state ${previousState}`);
    }
    if (options.expectState !== undefined && previousState !== options.expectState) {
      throw conflict(`conversation is ${previousState}, not ${options.expectState}`);
    }
    const now = this.clock();
    Object.assign(stored, backToBot, {
      ...(previousAgent !== undefined ? { lastAgent: previousAgent, lastAgentLeftAt: now } : {}),
      updatedAt: now,
    } satisfies Partial<Stored>);
    return { record: this.toRecord(stored), previousState, ...(previousAgent !== undefined ? { previousAgent } : {}) };
  }

  async toCallback(input: ToCallbackInput): Promise<{ record: HandoffRecord; ticket: CallbackTicket }> {
    const now = this.clock();
    this.forgetExpired(now);
    const existing = this.records.get(input.conversationId);
    if (existing?.state === HandoffState.assigned) throw conflict('conversation is assigned to an agent');
    if (input.expectState !== undefined && (existing?.state ?? HandoffState.bot) !== input.expectState) {
      throw conflict(`conversation is ${existing?.state ?? 'unknown'}, not ${input.expectState}`);
    }
    if (existing?.state === HandoffState.callback && existing.callbackTicketId) {
      const ticket = this.tickets.get(existing.callbackTicketId);
      if (ticket && ticket.status === CallbackStatus.open) {
        const updated: CallbackTicket = { ...ticket, contact: input.contact ?? ticket.contact };
        this.tickets.set(ticket.ticketId, updated);
        if (input.contact) existing.contact = input.contact;
        existing.updatedAt = now;
        return { record: this.toRecord(existing), ticket: updated };
      }
    }
    const stored: Stored = existing ?? {
      conversationId: input.conversationId,
      channelId: input.channelId,
      state: HandoffState.bot,
      priority: input.priority ?? 'normal',
      reasonCodes: [input.reason],
      summary: input.summary ?? '',
      fencingToken: 0,
      external: false,
      notes: [],
      handledTimes: 0,
      updatedAt: now,
    };
    if (!stored.reasonCodes.includes(input.reason)) stored.reasonCodes.push(input.reason);
    const contact = input.contact ?? stored.contact ?? null;
    const ticket: CallbackTicket = {
      ticketId: randomUUID(),
      conversationId: stored.conversationId,
      channelId: stored.channelId,
      contact,
      reason: input.reason,
      priority: stored.priority,
      summary: stored.summary,
      createdAt: new Date(now).toISOString(),
      status: CallbackStatus.open,
    };
    this.tickets.set(ticket.ticketId, ticket);
    Object.assign(stored, {
      state: HandoffState.callback,
      contact: contact ?? undefined,
      callbackTicketId: ticket.ticketId,
      waitingSince: undefined,
      requeuedAt: undefined,
      enqueuedSeq: undefined,
      announced: undefined,
      updatedAt: now,
    } satisfies Partial<Stored>);
    this.records.set(stored.conversationId, stored);
    return { record: this.toRecord(stored), ticket };
  }

  async completeCallback(ticketId: string): Promise<CallbackTicket> {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) throw notFound(`ticket ${ticketId}`);
    const done: CallbackTicket = { ...ticket, status: CallbackStatus.done };
    this.tickets.set(ticketId, done);
    const stored = this.records.get(ticket.conversationId);
    if (stored?.state === HandoffState.callback && stored.callbackTicketId === ticketId) {
      stored.state = HandoffState.bot;
      stored.updatedAt = this.clock();
    }
    return done;
  }

  async listCallbacks(options: { status?: CallbackStatus } = {}): Promise<CallbackTicket[]> {
    const now = this.clock();
    this.forgetExpired(now);
    return [...this.tickets.values()]
      .filter((t) => Date.parse(t.createdAt) + this.ticketTtlMs > now)
      .filter((t) => options.status === undefined || t.status === options.status)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async markAssignedExternally(conversationId: string, externalAgentId: string): Promise<ClaimResult> {
    const now = this.clock();
    const stored = this.mustGet(conversationId);
    if (stored.state === HandoffState.assigned && stored.external && stored.assignedAgent === externalAgentId) {
      return { record: this.toRecord(stored), fencingToken: stored.fencingToken, reclaimed: true };
    }
    if (stored.state !== HandoffState.queued) throw conflict(`cannot hand a conversation in state ${stored.state} to a hub`);
    Object.assign(stored, {
      state: HandoffState.assigned,
      assignedAgent: externalAgentId,
      assignedAt: now,
      leaseExpiresAt: undefined,
      fencingToken: stored.fencingToken + 1,
      external: true,
      updatedAt: now,
    } satisfies Partial<Stored>);
    return { record: this.toRecord(stored), fencingToken: stored.fencingToken, reclaimed: false };
  }

  async stateOf(conversationId: string): Promise<HandoffState> {
    this.forgetExpired(this.clock());
    return this.records.get(conversationId)?.state ?? HandoffState.bot;
  }

  async channelOf(conversationId: string): Promise<string | undefined> {
    this.forgetExpired(this.clock());
    return this.records.get(conversationId)?.channelId;
  }

  async getRecord(conversationId: string): Promise<HandoffRecord | undefined> {
    this.forgetExpired(this.clock());
    const stored = this.records.get(conversationId);
    return stored ? this.toRecord(stored) : undefined;
  }

  async listQueue(): Promise<QueueEntry[]> {
    return this.queued().map((stored, i) => ({ ...this.toRecord(stored), position: i + 1 }));
  }

  async position(conversationId: string): Promise<number | null> {
    const index = this.queued().findIndex((s) => s.conversationId === conversationId);
    return index < 0 ? null : index + 1;
  }

  async expireLeases(now: number = this.clock()): Promise<string[]> {
    const expired = [...this.records.values()].filter(
      (s) => s.state === HandoffState.assigned && s.leaseExpiresAt !== undefined && s.leaseExpiresAt <= now,
    );
    for (const stored of expired) this.requeueStored(stored, now);
    return expired.map((s) => s.conversationId);
  }

  async addNote(conversationId: string, agentId: string, text: string): Promise<HandoffNote> {
    const stored = this.mustGet(conversationId);
    const note: HandoffNote = { agentId, text, at: new Date(this.clock()).toISOString() };
    this.pushNote(stored, note);
    return note;
  }

  async recordCsat(conversationId: string, score: number): Promise<HandoffRecord> {
    assertCsatScore(score);
    const stored = this.mustGet(conversationId);
    stored.csat = score;
    stored.updatedAt = this.clock();
    return this.toRecord(stored);
  }

  async recentHandleTimes(): Promise<number[]> {
    return [...this.handleTimes];
  }

  async markAnnounced(conversationId: string, previousAt: string | null, announcement: QueueAnnouncement): Promise<boolean> {
    const stored = this.mustGet(conversationId);
    if (stored.state !== HandoffState.queued) return false;
    if ((stored.announced?.at ?? null) !== previousAt) return false;
    stored.announced = announcement;
    return true;
  }

  private queued(): Stored[] {
    return [...this.records.values()]
      .filter((s) => s.state === HandoffState.queued)
      .sort((a, b) => queueScore(priorityRank[a.priority], a.enqueuedSeq ?? 0) - queueScore(priorityRank[b.priority], b.enqueuedSeq ?? 0));
  }

  private requeueStored(stored: Stored, now: number): void {
    if (!stored.reasonCodes.includes(HandoffReason.agentRequeue)) stored.reasonCodes.push(HandoffReason.agentRequeue);
    Object.assign(stored, {
      state: HandoffState.queued,
      assignedAgent: undefined,
      assignedAt: undefined,
      leaseExpiresAt: undefined,
      external: false,
      requeuedAt: now,
      updatedAt: now,
    } satisfies Partial<Stored>);
  }

  private pushNote(stored: Stored, note: HandoffNote): void {
    stored.notes.push(note);
    if (stored.notes.length > maxNotesPerConversation) stored.notes.splice(0, stored.notes.length - maxNotesPerConversation);
  }

  private mustGet(conversationId: string): Stored {
    const stored = this.records.get(conversationId);
    if (!stored) throw notFound(conversationId);
    return stored;
  }

  private mustOwn(conversationId: string, agentId: string, fencingToken: number | undefined): Stored {
    const stored = this.mustGet(conversationId);
    if (stored.state !== HandoffState.assigned) throw conflict(`conversation is ${stored.state}, not assigned`);
    if (stored.assignedAgent !== agentId) throw notOwner('conversation is assigned to another agent');
    if (fencingToken !== undefined && fencingToken !== stored.fencingToken) throw notOwner('stale fencing token');
    return stored;
  }

  private toRecord(s: Stored): HandoffRecord {
    const ticket = s.callbackTicketId ? this.tickets.get(s.callbackTicketId) : undefined;
    return compact({
      conversationId: s.conversationId,
      channelId: s.channelId,
      state: s.state,
      priority: s.priority,
      reason: s.reasonCodes[0] ?? HandoffReason.userRequested,
      reasonCodes: [...s.reasonCodes],
      summary: s.summary,
      skill: s.skill,
      contact: s.contact,
      waitingSince: iso(s.waitingSince),
      requeuedAt: iso(s.requeuedAt),
      enqueuedSeq: s.enqueuedSeq,
      assignedAgent: s.assignedAgent,
      assignedAt: iso(s.assignedAt),
      leaseExpiresAt: iso(s.leaseExpiresAt),
      fencingToken: s.fencingToken,
      external: s.external,
      notes: s.notes.map((n) => ({ ...n })),
      handledTimes: s.handledTimes,
      lastDisposition: s.lastDisposition,
      lastReleaseNote: s.lastReleaseNote,
      lastAgent: s.lastAgent,
      lastAgentLeftAt: iso(s.lastAgentLeftAt),
      csat: s.csat,
      callback: ticket,
      announced: s.announced,
      updatedAt: new Date(s.updatedAt).toISOString(),
    });
  }
}
