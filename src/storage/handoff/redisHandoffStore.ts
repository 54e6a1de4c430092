import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../redis/redisConnection';
import { z } from 'zod';
import { TandemError, type ErrorCode } from '../../errors';
import {
  assertCsatScore,
  assertEnqueueInput,
  compact,
  defaultCallbackTicketTtlMs,
  defaultRecordRetentionMs,
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
} from '../../handoff/handoffStore';
import {
  CallbackReason,
  CallbackStatus,
  Disposition,
  HandoffReason,
  HandoffState,
  Priority,
  valuesOf,
  type HandoffState as HandoffStateType,
} from '../../handoff/vocabulary';
import type { KeyRegistry } from '../keys';
import type { LuaScript } from '../redis/luaScript';
import { runRedis } from '../redis/runRedis';
import * as scripts from './handoffScripts';
import type { Clock } from '../../clock';

export type RedisHandoffStoreOptions = HandoffStoreOptions;

const contactSchema = z.object({ kind: z.enum(['phone', 'email']), value: z.string(), name: z.string().optional() });
const noteSchema = z.object({ agentId: z.string(), text: z.string(), at: z.string() });
const announcementSchema = z.object({ position: z.number(), etaSeconds: z.number(), at: z.string() });
const stateSchema = z.enum(valuesOf(HandoffState));
const prioritySchema = z.enum(valuesOf(Priority));
const reasonSchema = z.enum(valuesOf(HandoffReason));
const callbackReasonSchema = z.enum(valuesOf(CallbackReason));
const dispositionSchema = z.enum(valuesOf(Disposition));
const callbackStatusSchema = z.enum(valuesOf(CallbackStatus));

type Snapshot = [fields: unknown, notes: unknown, ticket: unknown];

function hashOf(flat: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!Array.isArray(flat)) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) out.set(String(flat[i]), String(flat[i + 1]));
  return out;
}

const isoOf = (ms: string | undefined) => (ms === undefined ? undefined : new Date(Number(ms)).toISOString());
const numberOf = (value: string | undefined) => (value === undefined ? undefined : Number(value));

function ticketOf(flat: unknown): CallbackTicket | undefined {
  const h = hashOf(flat);
  if (h.size === 0) return undefined;
  const contact = h.get('contact');
  return {
    ticketId: h.get('ticketId') ?? '',
    conversationId: h.get('conversationId') ?? '',
    channelId: h.get('channelId') ?? '',
    contact: contact ? contactSchema.parse(JSON.parse(contact)) : null,
    reason: callbackReasonSchema.parse(h.get('reason')),
    priority: prioritySchema.parse(h.get('priority')),
    summary: h.get('summary') ?? '',
    createdAt: h.get('createdAt') ?? '',
    status: callbackStatusSchema.parse(h.get('status')),
  };
}

function recordOf([fields, notes, ticket]: Snapshot): HandoffRecord {
  const h = hashOf(fields);
  const reasonCodes = (h.get('reasonCodes') ?? '').split(',').filter(Boolean).map((r) => reasonSchema.parse(r));
  const contact = h.get('contact');
  const announced = h.get('announced');
  const lastDisposition = h.get('lastDisposition');
  return compact({
    conversationId: h.get('conversationId') ?? '',
    channelId: h.get('channelId') ?? '',
    state: stateSchema.parse(h.get('state')),
    priority: prioritySchema.parse(h.get('priority')),
    reason: reasonCodes[0] ?? HandoffReason.userRequested,
    reasonCodes,
    summary: h.get('summary') ?? '',
    skill: h.get('skill'),
    contact: contact ? contactSchema.parse(JSON.parse(contact)) : undefined,
    waitingSince: isoOf(h.get('waitingSince')),
    requeuedAt: isoOf(h.get('requeuedAt')),
    enqueuedSeq: numberOf(h.get('enqueuedSeq')),
    assignedAgent: h.get('assignedAgent'),
    assignedAt: isoOf(h.get('assignedAt')),
    leaseExpiresAt: isoOf(h.get('leaseExpiresAt')),
    fencingToken: Number(h.get('fencingToken') ?? 0),
    external: h.get('external') === '1',
    notes: (Array.isArray(notes) ? notes : []).map((n) => noteSchema.parse(JSON.parse(String(n)))),
    handledTimes: Number(h.get('handledTimes') ?? 0),
    lastDisposition: lastDisposition ? dispositionSchema.parse(lastDisposition) : undefined,
    lastReleaseNote: h.get('lastReleaseNote'),
    lastAgent: h.get('lastAgent'),
    lastAgentLeftAt: isoOf(h.get('lastAgentLeftAt')),
    csat: numberOf(h.get('csat')),
    callback: ticketOf(ticket),
    announced: announced ? announcementSchema.parse(JSON.parse(announced)) : undefined,
    updatedAt: isoOf(h.get('updatedAt') ?? '0') ?? '',
  });
}

const errorCodes: readonly ErrorCode[] = ['HANDOFF_NOT_FOUND', 'HANDOFF_CONFLICT', 'HANDOFF_NOT_OWNER'];

/**
 * HandoffStore on Redis. Each transition is one Lua script over the conversation's record, the queue
 * and the leases, so it is atomic across processes; nothing is kept in process memory.
 */
export class RedisHandoffStore implements HandoffStore {
  private readonly clock: Clock;
  private readonly handleHistory: number;
  private readonly retentionMs: number;
  private readonly ticketTtlMs: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: RedisHandoffStoreOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.handleHistory = options.handleHistory ?? 50;
    this.retentionMs = options.recordRetentionMs ?? defaultRecordRetentionMs;
    this.ticketTtlMs = options.callbackTicketTtlMs ?? defaultCallbackTicketTtlMs;
  }

  async enqueue(input: EnqueueInput): Promise<{ record: HandoffRecord; created: boolean }> {
    assertEnqueueInput(input);
    const reply = await this.run(scripts.enqueueScript, input.conversationId, this.clock(), [
      input.channelId,
      input.priority,
      input.reasonCodes.join(','),
      input.summary,
      input.skill ?? '',
      input.contact ? JSON.stringify(input.contact) : '',
    ]);
    return { record: recordOf(reply.snapshot), created: reply.extra[0] === '1' };
  }

  async raisePriority(conversationId: string, priority: Priority, reason: HandoffReason): Promise<{ record: HandoffRecord; previousPriority: Priority }> {
    const reply = await this.run(scripts.raisePriorityScript, conversationId, this.clock(), [priority, reason]);
    return { record: recordOf(reply.snapshot), previousPriority: prioritySchema.parse(reply.extra[0]) };
  }

  async claim(conversationId: string, agentId: string, leaseMs: number): Promise<ClaimResult> {
    const reply = await this.run(scripts.claimScript, conversationId, this.clock(), [agentId, Math.ceil(leaseMs)]);
    const record = recordOf(reply.snapshot);
    return { record, fencingToken: record.fencingToken, reclaimed: reply.extra[0] === '1' };
  }

  async renewLease(conversationId: string, agentId: string, fencingToken: number, leaseMs: number): Promise<HandoffRecord> {
    const reply = await this.run(scripts.renewScript, conversationId, this.clock(), [agentId, String(fencingToken), Math.ceil(leaseMs)]);
    return recordOf(reply.snapshot);
  }

  async release(conversationId: string, agentId: string, input: ReleaseInput): Promise<{ record: HandoffRecord; handleMs: number }> {
    const now = this.clock();
    const note: HandoffNote | undefined =
      input.note === undefined ? undefined : { agentId, text: input.note, at: new Date(now).toISOString() };
    const reply = await this.run(scripts.releaseScript, conversationId, now, [
      agentId,
      input.fencingToken === undefined ? '' : String(input.fencingToken),
      input.disposition,
      note ? '1' : '0',
      note?.text ?? '',
      note ? JSON.stringify(note) : '',
      this.handleHistory,
    ]);
    return { record: recordOf(reply.snapshot), handleMs: Number(reply.extra[0]) };
  }

  async requeue(conversationId: string, options: { agentId?: string } = {}): Promise<HandoffRecord> {
    const reply = await this.run(scripts.requeueScript, conversationId, this.clock(), [options.agentId ?? '']);
    return recordOf(reply.snapshot);
  }

  async cancel(conversationId: string, options: { expectState?: HandoffStateType } = {}) {
    const reply = await this.run(scripts.cancelScript, conversationId, this.clock(), [options.expectState ?? '']);
    const [previousState, previousAgent] = reply.extra;
    return {
      record: recordOf(reply.snapshot),
      previousState: stateSchema.parse(previousState) as HandoffStateType,
      ...(previousAgent ? { previousAgent } : {}),
    };
  }

  async toCallback(input: ToCallbackInput): Promise<{ record: HandoffRecord; ticket: CallbackTicket }> {
    const now = this.clock();
    const reply = await this.run(scripts.toCallbackScript, input.conversationId, now, [
      input.channelId,
      input.contact ? JSON.stringify(input.contact) : '',
      input.reason,
      input.priority ?? Priority.normal,
      input.summary ?? '',
      randomUUID(),
      new Date(now).toISOString(),
      input.expectState ?? '',
      this.ticketTtlMs,
    ]);
    const record = recordOf(reply.snapshot);
    if (!record.callback) throw new TandemError('INTERNAL', 'callback transition left no ticket');
    return { record, ticket: record.callback };
  }

  async completeCallback(ticketId: string): Promise<CallbackTicket> {
    const reply = await this.runRaw(scripts.completeCallbackScript, '', this.clock(), [ticketId]);
    const ticket = ticketOf(reply[1]);
    if (!ticket) throw new TandemError('INTERNAL', 'completed ticket vanished');
    return ticket;
  }

  async listCallbacks(options: { status?: CallbackStatus } = {}): Promise<CallbackTicket[]> {
    const reply = await this.runRaw(scripts.listCallbacksScript, '', this.clock(), [this.ticketTtlMs]);
    const tickets = (reply[1] as unknown[]).map(ticketOf).filter((t): t is CallbackTicket => t !== undefined);
    return tickets.filter((t) => options.status === undefined || t.status === options.status);
  }

  async markAssignedExternally(conversationId: string, externalAgentId: string): Promise<ClaimResult> {
    const reply = await this.run(scripts.markExternalScript, conversationId, this.clock(), [externalAgentId]);
    const record = recordOf(reply.snapshot);
    return { record, fencingToken: record.fencingToken, reclaimed: reply.extra[0] === '1' };
  }

  async stateOf(conversationId: string): Promise<HandoffStateType> {
    const state = await runRedis(this.redis, () => this.redis.hget(this.keys.handoffRecord(conversationId), 'state'));
    return state === null ? HandoffState.bot : stateSchema.parse(state);
  }

  async channelOf(conversationId: string): Promise<string | undefined> {
    const channelId = await runRedis(this.redis, () => this.redis.hget(this.keys.handoffRecord(conversationId), 'channelId'));
    return channelId ?? undefined;
  }

  async getRecord(conversationId: string): Promise<HandoffRecord | undefined> {
    const reply = await this.runRaw(scripts.getRecordScript, conversationId, this.clock(), []);
    return reply[0] === 'none' ? undefined : recordOf(reply[1] as Snapshot);
  }

  async listQueue(): Promise<QueueEntry[]> {
    const reply = await this.runRaw(scripts.listQueueScript, '', this.clock(), []);
    return (reply[1] as Snapshot[]).map((snapshot, i) => ({ ...recordOf(snapshot), position: i + 1 }));
  }

  async position(conversationId: string): Promise<number | null> {
    const rank = await runRedis(this.redis, () => this.redis.zrank(this.keys.handoffQueue, conversationId));
    return rank === null ? null : rank + 1;
  }

  async expireLeases(now: number = this.clock()): Promise<string[]> {
    const reply = await this.runRaw(scripts.expireLeasesScript, '', now, []);
    return (reply[1] as unknown[]).map(String);
  }

  async addNote(conversationId: string, agentId: string, text: string): Promise<HandoffNote> {
    const note: HandoffNote = { agentId, text, at: new Date(this.clock()).toISOString() };
    await this.runRaw(scripts.addNoteScript, conversationId, this.clock(), [JSON.stringify(note)]);
    return note;
  }

  async recordCsat(conversationId: string, score: number): Promise<HandoffRecord> {
    assertCsatScore(score);
    const reply = await this.run(scripts.csatScript, conversationId, this.clock(), [score]);
    return recordOf(reply.snapshot);
  }

  async recentHandleTimes(): Promise<number[]> {
    const values = await runRedis(this.redis, () => this.redis.lrange(this.keys.handoffHandleTimes, 0, -1));
    return values.map(Number);
  }

  async markAnnounced(conversationId: string, previousAt: string | null, announcement: QueueAnnouncement): Promise<boolean> {
    const reply = await this.runRaw(scripts.markAnnouncedScript, conversationId, this.clock(), [
      previousAt ?? '',
      JSON.stringify(announcement),
      announcement.at,
    ]);
    return reply[0] === 'ok';
  }

  private async run(script: LuaScript, conversationId: string, now: number, args: ReadonlyArray<string | number>) {
    const reply = await this.runRaw(script, conversationId, now, args);
    return { snapshot: reply[1] as Snapshot, extra: reply.slice(2).map(String) };
  }

  /** Runs a script with the shared layout and turns an {'err', code, detail} reply into a TandemError. */
  private async runRaw(script: LuaScript, conversationId: string, now: number, args: ReadonlyArray<string | number>): Promise<unknown[]> {
    const k = this.keys;
    const reply = await runRedis(this.redis, () =>
      script.run(
        this.redis,
        [
          k.handoffRecord(conversationId),
          k.handoffNotes(conversationId),
          k.handoffQueue,
          k.handoffLeases,
          k.handoffSeq,
          k.handoffCallbacks,
          k.handoffHandleTimes,
        ],
        [k.handoffRecord(''), k.handoffNotes(''), k.handoffCallback(''), now, this.retentionMs, conversationId, ...args],
      ),
    );
    if (!Array.isArray(reply)) throw new TandemError('INTERNAL', 'unexpected handoff script reply');
    if (reply[0] === 'err') {
      const code = errorCodes.find((c) => c === reply[1]) ?? 'INTERNAL';
      throw new TandemError(code, String(reply[2]));
    }
    return reply;
  }
}
