import type { AppConfig } from '../config';
import type { DomainStores } from '../domain/createDomainServices';
import type { HandoffEventBus } from '../handoff/events';
import type { HandoffStore } from '../handoff/handoffStore';
import type { IdempotencyStore } from '../handoff/idempotency';
import type { ConversationInsightsStore } from '../handoff/insights';
import type { PresenceStore } from '../handoff/presence';
import type { ViewAuditLog } from '../handoff/viewAudit';
import type { RequestLimiterFactory } from '../http/rateLimit/requestLimiter';
import type { Logger } from '../observability/logger';
import type { TextSealer } from '../privacy/textSealer';
import type { DirectLineSignal } from './directline/directLineSignal';
import type { DirectLineStore } from './directline/directLineStore';
import type { StateBackend } from './ports';
import type { RedisClientOptions } from './redis/redisClient';

/** The stateful ports of human handoff. */
export interface HandoffPorts {
  readonly store: HandoffStore;
  readonly bus: HandoffEventBus;
  readonly presence: PresenceStore;
  readonly insights: ConversationInsightsStore;
  readonly idempotency: IdempotencyStore;
  /** Who viewed which conversation (DESIGN §7). */
  readonly viewAudit: ViewAuditLog;
}

/** Every stateful port of Tandem, all in memory or all in Redis (one server or a cluster), from `createStatePorts`. */
export interface StatePorts extends StateBackend {
  readonly handoff: HandoffPorts;
  /** Bookings, intake records and refill tickets, for `createDomainServices({ stores })`. */
  readonly domainStores: DomainStores;
  /** Web chat conversations and their history; texts redacted, the words as written sealed when a sealer is given. */
  readonly directLine: DirectLineStore;
  /** Wakes the web chat streams when a history grows: in memory, or Redis pub/sub across processes. */
  readonly directLineSignal: DirectLineSignal;
  /** Rate limits: one budget per process in memory, shared by every process with Redis. */
  readonly requestLimiters: RequestLimiterFactory;
}

/** The settings the state ports read. */
export type StateConfig = Pick<
  AppConfig,
  | 'REDIS_URL'
  | 'REDIS_CLUSTER_NODES'
  | 'REDIS_KEY_PREFIX'
  | 'BOT_STATE_TTL_SECONDS'
  | 'TRANSCRIPT_TTL_SECONDS'
  | 'HANDOFF_HANDLE_HISTORY'
  | 'AGENT_PRESENCE_TTL_SECONDS'
  | 'HANDOFF_INSIGHTS_MAX_ITEMS'
  | 'HANDOFF_INSIGHTS_TTL_SECONDS'
  | 'VIEW_AUDIT_TTL_SECONDS'
  | 'CALLBACK_TICKET_TTL_SECONDS'
  | 'REFILL_TICKET_TTL_SECONDS'
  | 'DIRECTLINE_HISTORY_MAX'
  | 'DIRECTLINE_CONVERSATION_TTL_SECONDS'
>;

export interface StatePortsOptions {
  readonly logger: Logger;
  /** Injected clock (tests): handoff timing, presence, audit and domain records read it. */
  readonly clock?: () => number;
  /** Seals the words as written of transcripts and web chat history. */
  readonly sealer?: TextSealer;
  /** Redis connection tuning; defaults in `defaultRedisClientOptions`. */
  readonly redisClient?: Partial<RedisClientOptions>;
}
