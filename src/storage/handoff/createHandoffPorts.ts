import type { AppConfig } from '../../config';
import { MemoryHandoffEventBus, type HandoffEventBus } from '../../handoff/events';
import type { HandoffStore } from '../../handoff/handoffStore';
import { MemoryIdempotencyStore, type IdempotencyStore } from '../../handoff/idempotency';
import { MemoryInsightsStore, type ConversationInsightsStore } from '../../handoff/insights';
import { MemoryHandoffStore } from '../../handoff/memoryHandoffStore';
import { MemoryPresenceStore, type PresenceStore } from '../../handoff/presence';
import { MemoryViewAuditLog } from '../../handoff/memoryViewAuditLog';
import type { ViewAuditLog } from '../../handoff/viewAudit';
import type { Logger } from '../../observability/logger';
import type { MemoryStateBackend, RedisStateBackend } from '../createStateBackend';
import { RedisHandoffEventBus } from './redisHandoffEventBus';
import { RedisHandoffStore } from './redisHandoffStore';
import { RedisIdempotencyStore } from './redisIdempotencyStore';
import { RedisInsightsStore } from './redisInsightsStore';
import { RedisPresenceStore } from './redisPresenceStore';
import { RedisViewAuditLog } from './redisViewAuditLog';

/** The stateful ports of human handoff, all memory or all Redis, matching the state backend. */
export interface HandoffPorts {
  readonly store: HandoffStore;
  readonly bus: HandoffEventBus;
  readonly presence: PresenceStore;
  readonly insights: ConversationInsightsStore;
  readonly idempotency: IdempotencyStore;
  /** Who viewed which conversation (DESIGN §7). */
  readonly viewAudit: ViewAuditLog;
}

type HandoffConfig = Pick<
  AppConfig,
  'HANDOFF_HANDLE_HISTORY' | 'AGENT_PRESENCE_TTL_SECONDS' | 'HANDOFF_INSIGHTS_MAX_ITEMS' | 'HANDOFF_INSIGHTS_TTL_SECONDS' | 'VIEW_AUDIT_TTL_SECONDS' | 'CALLBACK_TICKET_TTL_SECONDS'
>;

/**
 * Builds the handoff ports next to the state backend: in memory for the memory backend, and on the
 * backend's Redis connection (plus one subscriber connection for events) for the Redis backend.
 * The backend's `close()` closes those connections.
 */
export function createHandoffPorts(
  backend: MemoryStateBackend | RedisStateBackend,
  config: HandoffConfig,
  options: { logger?: Logger; clock?: () => number } = {},
): HandoffPorts {
  const { logger, clock } = options;
  const presenceTtlMs = config.AGENT_PRESENCE_TTL_SECONDS * 1000;
  const auditOptions = { ttlSeconds: config.VIEW_AUDIT_TTL_SECONDS };
  const storeOptions = { handleHistory: config.HANDOFF_HANDLE_HISTORY, callbackTicketTtlMs: config.CALLBACK_TICKET_TTL_SECONDS * 1000 };
  if (backend.kind === 'memory') {
    return {
      store: new MemoryHandoffStore({ ...storeOptions, ...(clock ? { clock } : {}) }),
      bus: new MemoryHandoffEventBus((err) => logger?.error({ err }, 'handoff event listener failed')),
      presence: new MemoryPresenceStore(presenceTtlMs, clock),
      insights: new MemoryInsightsStore(config.HANDOFF_INSIGHTS_MAX_ITEMS),
      idempotency: new MemoryIdempotencyStore(clock),
      viewAudit: new MemoryViewAuditLog({ ...auditOptions, ...(clock ? { clock } : {}) }),
    };
  }
  const { redis, keys } = backend;
  return {
    store: new RedisHandoffStore(redis, keys, { ...storeOptions, ...(clock ? { clock } : {}) }),
    bus: new RedisHandoffEventBus(redis, backend.createSubscriber(), keys.handoffEvents, logger),
    presence: new RedisPresenceStore(redis, keys, presenceTtlMs),
    insights: new RedisInsightsStore(redis, keys, {
      maxItems: config.HANDOFF_INSIGHTS_MAX_ITEMS,
      ttlSeconds: config.HANDOFF_INSIGHTS_TTL_SECONDS,
    }),
    idempotency: new RedisIdempotencyStore(redis, keys),
    viewAudit: new RedisViewAuditLog(redis, keys, auditOptions),
  };
}
