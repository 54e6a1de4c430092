import type { AppConfig } from '../config';
import { TandemError } from '../errors';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { describeQueuePlace, estimateWait, type WaitEstimate } from './queueEta';
import type { BusinessCalendar } from './businessCalendar';
import type { HandoffEvent, HandoffEventBus } from './events';
import type { CallbackContact } from './callbackContact';
import type { CallbackTicket, HandoffRecord, HandoffStore } from './handoffStore';
import type { PresenceStore } from './presence';
import type { CallbackReason, Priority } from './vocabulary';
import type { Clock } from '../clock';

/**
 * Something the customer must be told on their own channel after a transition. The handoff services
 * return notices; the bot layer sends them, in the customer's turn or proactively.
 */
export interface CustomerNotice {
  readonly conversationId: string;
  readonly text: string;
  /** Set when the words are a person's (`kind` says whether a chat line or a join notice). */
  readonly agentName?: string;
  readonly kind?: 'agent_message' | 'agent_joined';
}

export interface HandoffConfig {
  readonly leaseMs: number;
  readonly queueTimeoutMs: number;
  readonly defaultHandleSeconds: number;
  readonly notifyMinIntervalSeconds: number;
  readonly callbackSlaMinutes: number;
  readonly messageIdempotencyTtlSeconds: number;
  /** Longest agent message or note. */
  readonly maxMessageChars: number;
}

export function handoffConfigFrom(config: AppConfig): HandoffConfig {
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

export interface HandoffCoreDeps {
  readonly store: HandoffStore;
  readonly bus: HandoffEventBus;
  readonly presence: PresenceStore;
  readonly calendar: BusinessCalendar;
  readonly config: HandoffConfig;
  /** Agent display names for customer-facing text ("You are now chatting with Dana"). */
  readonly agentName?: (agentId: string) => string | undefined;
  readonly metrics?: HandoffMetrics;
  readonly logger?: Logger;
  readonly clock?: Clock;
}

/** Why a conversation went back in line; the `requeued` event carries it. */
export type RequeueCause = 'lease_expired' | 'agent_requeue' | 'hub_failed';

/**
 * What every caller of the handoff (customer, agent desk, hub, sweeper) shares: the store, events,
 * the clock, wait estimates and the steps more than one caller takes.
 */
export class HandoffCore {
  readonly store: HandoffStore;
  readonly config: HandoffConfig;
  readonly calendar: BusinessCalendar;
  readonly metrics: HandoffMetrics | undefined;
  readonly now: Clock;

  constructor(private readonly deps: HandoffCoreDeps) {
    this.store = deps.store;
    this.config = deps.config;
    this.calendar = deps.calendar;
    this.metrics = deps.metrics;
    this.now = deps.clock ?? Date.now;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  async agentsOnline(): Promise<number> {
    return (await this.deps.presence.online()).length;
  }

  heartbeat(agentId: string): Promise<void> {
    return this.deps.presence.heartbeat(agentId);
  }

  async estimate(position: number, agentsOnline: number): Promise<WaitEstimate> {
    return estimateWait({
      position,
      agentsOnline,
      handleTimesMs: await this.store.recentHandleTimes(),
      defaultHandleSeconds: this.config.defaultHandleSeconds,
    });
  }

  routeOptions(): { callbackSlaMinutes: number } {
    return { callbackSlaMinutes: this.config.callbackSlaMinutes };
  }

  /** The name the customer may see for whoever holds the record; none for an external hub. */
  assignedAgentName(record: HandoffRecord): string | undefined {
    if (record.external || !record.assignedAgent) return undefined;
    return this.deps.agentName?.(record.assignedAgent);
  }

  validText(text: unknown, field: string): string {
    const trimmed = typeof text === 'string' ? text.trim() : '';
    const max = this.config.maxMessageChars;
    if (trimmed.length < 1 || trimmed.length > max) {
      throw new TandemError('UNPROCESSABLE', `${field} length ${trimmed.length}`, `${field} must be 1 to ${max} characters.`);
    }
    return trimmed;
  }

  async fileCallback(
    conversation: { readonly conversationId: string; readonly channelId: string; readonly summary: string },
    priority: Priority,
    contact: CallbackContact | null,
    reason: CallbackReason,
  ): Promise<{ record: HandoffRecord; ticket: CallbackTicket }> {
    const result = await this.store.toCallback({
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
      at: this.isoNow(),
      data: { ticketId: result.ticket.ticketId, reason, priority: result.ticket.priority },
    });
    return result;
  }

  /** After a conversation went back in line: tells the agents, records the announced place, and returns the customer's notice. */
  async afterRequeue(conversationId: string, cause: RequeueCause, previousAgent?: string): Promise<CustomerNotice[]> {
    const at = this.isoNow();
    const position = await this.store.position(conversationId);
    await this.publish({
      type: 'requeued',
      conversationId,
      at,
      data: { cause, position, ...(previousAgent !== undefined ? { previousAgent } : {}) },
    });
    if (position === null) return [];
    const estimate = await this.estimate(position, await this.agentsOnline());
    const record = await this.store.getRecord(conversationId);
    await this.safely(
      () => this.store.markAnnounced(conversationId, record?.announced?.at ?? null, { position, etaSeconds: estimate.etaSeconds, at }),
      'mark announced',
    );
    return [{ conversationId, text: `Sorry, the person helping you was disconnected. You keep your place: ${describeQueuePlace(estimate)}` }];
  }

  /** Events follow a transition that already happened: a failed publish is logged, not thrown. */
  async publish(event: HandoffEvent): Promise<void> {
    await this.safely(() => this.deps.bus.publish(event), `publish ${event.type}`);
  }

  async safely<T>(action: () => Promise<T>, what: string): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      this.deps.logger?.warn({ err: error }, `handoff: ${what} failed`);
      return undefined;
    }
  }
}
