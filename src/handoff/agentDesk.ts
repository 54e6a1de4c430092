import { TandemError } from '../errors';
import { redactPii } from '../privacy/redactPii';
import { canSeePii, type Agent } from './agents';
import type { ViewLevel } from './conversationAccess';
import { buildContextPack, type ContextPack } from './contextPack';
import type { TranscriptLine } from './transcriptLine';
import type { CustomerNotice, HandoffCore } from './handoffCore';
import type { ClaimResult, HandoffNote, HandoffRecord, QueueEntry } from './handoffStore';
import type { IdempotencyStore } from './idempotency';
import type { ConversationInsightsStore } from './insights';
import { HandoffState, type Disposition, type HandoffReason, type Priority } from './vocabulary';

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

const agentMessageKey = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The agent desk's side of the handoff (the agent API calls it): the queue, claims and leases, messages,
 * notes, release and requeue, the context pack. What the customer must hear comes back as notices.
 */
export class AgentDesk {
  constructor(
    private readonly core: HandoffCore,
    private readonly insights: ConversationInsightsStore,
    private readonly idempotency: IdempotencyStore,
  ) {}

  /** Agent claims a queued conversation; exactly one concurrent claimer wins (others get 409). */
  async claim(conversationId: string, agent: Agent): Promise<ClaimResult & { notices: CustomerNotice[] }> {
    const now = this.core.now();
    const result = await this.core.store.claim(conversationId, agent.id, this.core.config.leaseMs);
    await this.core.safely(() => this.core.heartbeat(agent.id), 'presence heartbeat');
    if (!result.reclaimed) {
      const since = result.record.waitingSince;
      if (since) this.core.metrics?.handoffWait.observe(Math.max(0, now - Date.parse(since)) / 1000);
      await this.core.publish({
        type: 'claimed',
        conversationId,
        at: new Date(now).toISOString(),
        data: { agentId: agent.id, fencingToken: result.fencingToken },
      });
      return { ...result, notices: [{ conversationId, text: `You are now chatting with ${agent.name} from our team.`, agentName: agent.name, kind: 'agent_joined' }] };
    }
    return { ...result, notices: [] };
  }

  /** The console's keep-alive for a claim; also marks the agent online. */
  async renewLease(conversationId: string, agent: Agent, fencingToken: number): Promise<HandoffRecord> {
    const record = await this.core.store.renewLease(conversationId, agent.id, fencingToken, this.core.config.leaseMs);
    await this.core.safely(() => this.core.heartbeat(agent.id), 'presence heartbeat');
    return record;
  }

  /**
   * Sends an agent's message to the customer through the caller's `deliver` (the message is the notice).
   * Only the assigned agent may; with an idempotency key, a retried request is delivered once
   * (`duplicate: true` on repeats), and a failed delivery forgets the key so that a retry goes out.
   */
  async sendAgentMessage(
    conversationId: string,
    agent: Agent,
    message: { readonly text: string; readonly idempotencyKey?: string; readonly fencingToken?: number },
    deliver: (notice: CustomerNotice) => Promise<void>,
  ): Promise<{ delivered: boolean; duplicate: boolean }> {
    const text = this.core.validText(message.text, 'text');
    const key = message.idempotencyKey;
    if (key !== undefined && !agentMessageKey.test(key)) {
      throw new TandemError('UNPROCESSABLE', 'bad idempotency key', 'The idempotency key must be 1-128 letters, digits, . _ : or -.');
    }
    const record = await this.core.store.getRecord(conversationId);
    if (!record) throw new TandemError('HANDOFF_NOT_FOUND', `no handoff record for ${conversationId}`);
    if (record.state !== HandoffState.assigned) throw new TandemError('HANDOFF_CONFLICT', `conversation is ${record.state}`);
    if (record.assignedAgent !== agent.id) throw new TandemError('HANDOFF_NOT_OWNER', 'conversation is assigned to another agent');
    // Renewing with the token proves ownership atomically and keeps an active agent's claim alive.
    await this.core.store.renewLease(conversationId, agent.id, message.fencingToken ?? record.fencingToken, this.core.config.leaseMs);
    if (key !== undefined) {
      const first = await this.idempotency.firstSeen(conversationId, key, this.core.config.messageIdempotencyTtlSeconds);
      if (!first) return { delivered: false, duplicate: true };
    }
    try {
      await deliver({ conversationId, text, agentName: agent.name });
    } catch (error) {
      if (key !== undefined) await this.core.safely(() => this.idempotency.forget(conversationId, key), 'forget idempotency key');
      throw error;
    }
    await this.core.publish({
      type: 'message',
      conversationId,
      at: this.core.isoNow(),
      data: { from: 'agent', text, agentId: agent.id, agentName: agent.name, ...(key !== undefined ? { messageId: key } : {}) },
    });
    return { delivered: true, duplicate: false };
  }

  /** A private note for agents; never shown to the customer. */
  async addNote(conversationId: string, agent: Agent, text: string): Promise<HandoffNote> {
    const note = await this.core.store.addNote(conversationId, agent.id, this.core.validText(text, 'text'));
    await this.core.publish({ type: 'note', conversationId, at: note.at, data: { agentId: agent.id, text: note.text } });
    return note;
  }

  /**
   * Hands the conversation back to the bot. The caller then has the bot ask for CSAT (resolved) or
   * resume with the agent's note (return_to_bot).
   */
  async release(
    conversationId: string,
    agent: Agent,
    input: { readonly disposition: Disposition; readonly note?: string; readonly fencingToken?: number },
  ): Promise<{ record: HandoffRecord; handleMs: number }> {
    const note = input.note === undefined || input.note.trim() === '' ? undefined : this.core.validText(input.note, 'note');
    const result = await this.core.store.release(conversationId, agent.id, {
      disposition: input.disposition,
      ...(note !== undefined ? { note } : {}),
      ...(input.fencingToken !== undefined ? { fencingToken: input.fencingToken } : {}),
    });
    this.core.metrics?.handoffHandle.observe(result.handleMs / 1000);
    await this.core.publish({
      type: 'released',
      conversationId,
      at: this.core.isoNow(),
      data: { agentId: agent.id, disposition: input.disposition, ...(note !== undefined ? { note } : {}) },
    });
    return result;
  }

  /** An agent puts a claimed conversation back in line, at its original place. */
  async requeue(conversationId: string, agent: Agent): Promise<{ record: HandoffRecord; notices: CustomerNotice[] }> {
    const record = await this.core.store.requeue(conversationId, { agentId: agent.id });
    return { record, notices: await this.core.afterRequeue(conversationId, 'agent_requeue', agent.id) };
  }

  /** The agent API's queue, with summaries redacted unless the viewer may see PII. */
  async queue(viewer: Pick<Agent, 'role'>): Promise<QueueItem[]> {
    const entries = await this.core.store.listQueue();
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
    const record = await this.core.store.getRecord(conversationId);
    if (!record) throw new TandemError('HANDOFF_NOT_FOUND', `no handoff record for ${conversationId}`);
    const insights = await this.insights.get(conversationId);
    return buildContextPack({ record, insights, transcript, level, ...paging });
  }

  /** Agent console heartbeat. */
  async heartbeat(agent: Agent): Promise<void> {
    await this.core.heartbeat(agent.id);
  }
}
