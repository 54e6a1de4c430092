import { RedisBookingStore } from '../domain/redisBookingStore';
import { RedisIntakeStore } from '../domain/redisIntakeStore';
import { RedisRefillTicketStore } from '../domain/redisRefillTicketStore';
import { redisRequestLimiters } from '../createRequestLimiter';
import { RedisDirectLineStore } from '../directline/redisDirectLineStore';
import { SealedDirectLineStore } from '../directline/sealedDirectLineStore';
import { RedisHandoffEventBus } from '../handoff/redisHandoffEventBus';
import { RedisHandoffStore } from '../handoff/redisHandoffStore';
import { RedisIdempotencyStore } from '../handoff/redisIdempotencyStore';
import { RedisInsightsStore } from '../handoff/redisInsightsStore';
import { RedisPresenceStore } from '../handoff/redisPresenceStore';
import { RedisViewAuditLog } from '../handoff/redisViewAuditLog';
import { createKeyRegistry, type KeyRegistry } from '../keys';
import type { StateConfig, StatePorts, StatePortsOptions } from '../statePorts';
import { closeRedisClient, createRedisClient, createSubscriberClient, type RedisTarget } from './redisClient';
import type { RedisConnection } from './redisConnection';
import { RedisConversationLock } from './redisConversationLock';
import { RedisConversationReferenceStore } from './redisConversationReferenceStore';
import { RedisDedupeStore } from './redisDedupeStore';
import { RedisDirectLineSignal } from '../directline/redisDirectLineSignal';
import { RedisStateStorage } from './redisStateStorage';
import { RedisTranscriptStore } from './redisTranscriptStore';
import { runRedis } from './runRedis';

/** The Redis ports, with the connection and key registry they share (for tests and tools). */
export interface RedisStatePorts extends StatePorts {
  readonly kind: 'redis';
  /** The shared fail-fast command connection (wrap commands in `runRedis`). */
  readonly redis: RedisConnection;
  readonly keys: KeyRegistry;
}

/**
 * Every state port in Redis, one server or a cluster, on one shared command connection plus one
 * subscriber connection for handoff events and web chat stream signals. Nothing connects here: the connections open on first
 * use, fail fast while Redis is down and heal by themselves; `close()` closes both.
 */
export function createRedisStatePorts(target: RedisTarget, config: StateConfig, options: StatePortsOptions): RedisStatePorts {
  const { clock, sealer, logger } = options;
  const withClock = clock ? { clock } : {};
  const now = clock ? { now: () => new Date(clock()) } : {};
  const redis = createRedisClient(target, logger, options.redisClient);
  const subscriber = createSubscriberClient(target, logger, options.redisClient);
  const keys = createKeyRegistry(config.REDIS_KEY_PREFIX);
  return {
    kind: 'redis',
    redis,
    keys,
    storage: new RedisStateStorage(redis, keys, { ttlSeconds: config.BOT_STATE_TTL_SECONDS }),
    transcripts: new RedisTranscriptStore(redis, keys, { ttlSeconds: config.TRANSCRIPT_TTL_SECONDS, ...(sealer ? { sealer } : {}) }),
    references: new RedisConversationReferenceStore(redis, keys),
    dedupe: new RedisDedupeStore(redis, keys),
    locks: new RedisConversationLock(redis, keys),
    handoff: {
      store: new RedisHandoffStore(redis, keys, {
        handleHistory: config.HANDOFF_HANDLE_HISTORY,
        callbackTicketTtlMs: config.CALLBACK_TICKET_TTL_SECONDS * 1000,
        ...withClock,
      }),
      bus: new RedisHandoffEventBus(redis, subscriber, keys.handoffEvents, logger),
      presence: new RedisPresenceStore(redis, keys, config.AGENT_PRESENCE_TTL_SECONDS * 1000),
      insights: new RedisInsightsStore(redis, keys, { maxItems: config.HANDOFF_INSIGHTS_MAX_ITEMS, ttlSeconds: config.HANDOFF_INSIGHTS_TTL_SECONDS }),
      idempotency: new RedisIdempotencyStore(redis, keys),
      viewAudit: new RedisViewAuditLog(redis, keys, { ttlSeconds: config.VIEW_AUDIT_TTL_SECONDS }),
    },
    domainStores: {
      bookings: new RedisBookingStore(redis, keys),
      intake: new RedisIntakeStore(redis, keys, now),
      refillTickets: new RedisRefillTicketStore(redis, keys, { ...now, ttlSeconds: config.REFILL_TICKET_TTL_SECONDS }),
    },
    directLine: new SealedDirectLineStore(
      new RedisDirectLineStore(redis, keys, { historyMax: config.DIRECTLINE_HISTORY_MAX, ttlSeconds: config.DIRECTLINE_CONVERSATION_TTL_SECONDS }),
      sealer,
    ),
    directLineSignal: new RedisDirectLineSignal(redis, subscriber, keys.directLineAppended, logger),
    requestLimiters: redisRequestLimiters(redis, keys),
    ping: async () => {
      await runRedis(redis, () => redis.ping());
    },
    close: async () => {
      await Promise.all([redis, subscriber].map((client) => closeRedisClient(client)));
    },
  };
}
