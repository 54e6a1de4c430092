import { MemoryBookingStore } from '../../domain/scheduling/memoryBookingStore';
import { MemoryIntakeStore } from '../../domain/intake/memoryIntakeStore';
import { MemoryRefillTicketStore } from '../../domain/refills/memoryRefillTicketStore';
import { MemoryHandoffEventBus } from '../../handoff/events';
import { MemoryIdempotencyStore } from '../../handoff/idempotency';
import { MemoryInsightsStore } from '../../handoff/insights';
import { MemoryHandoffStore } from '../../handoff/memoryHandoffStore';
import { MemoryViewAuditLog } from '../../handoff/memoryViewAuditLog';
import { MemoryPresenceStore } from '../../handoff/presence';
import { memoryRequestLimiters } from '../createRequestLimiter';
import { MemoryDirectLineStore } from '../directline/memoryDirectLineStore';
import { SealedDirectLineStore } from '../directline/sealedDirectLineStore';
import type { StateConfig, StatePorts, StatePortsOptions } from '../statePorts';
import { MemoryConversationLock } from './memoryConversationLock';
import { MemoryConversationReferenceStore } from './memoryConversationReferenceStore';
import { MemoryDirectLineSignal } from '../directline/directLineSignal';
import { MemoryDedupeStore } from './memoryDedupeStore';
import { MemoryStateStorage } from './memoryStateStorage';
import { MemoryTranscriptStore } from './memoryTranscriptStore';

export interface MemoryStatePorts extends StatePorts {
  readonly kind: 'memory';
}

/** Every state port in this process's memory: one process only, gone at exit. */
export function createMemoryStatePorts(config: StateConfig, options: StatePortsOptions): MemoryStatePorts {
  const { clock, sealer, logger } = options;
  const withClock = clock ? { clock } : {};
  const now = clock ? { now: () => new Date(clock()) } : {};
  const locks = new MemoryConversationLock();
  return {
    kind: 'memory',
    storage: new MemoryStateStorage({ ttlSeconds: config.BOT_STATE_TTL_SECONDS }),
    transcripts: new MemoryTranscriptStore({ ttlSeconds: config.TRANSCRIPT_TTL_SECONDS, ...(sealer ? { sealer } : {}) }),
    references: new MemoryConversationReferenceStore(),
    dedupe: new MemoryDedupeStore(),
    locks,
    handoff: {
      store: new MemoryHandoffStore({
        handleHistory: config.HANDOFF_HANDLE_HISTORY,
        callbackTicketTtlMs: config.CALLBACK_TICKET_TTL_SECONDS * 1000,
        ...withClock,
      }),
      bus: new MemoryHandoffEventBus((err) => logger.error({ err }, 'handoff event listener failed')),
      presence: new MemoryPresenceStore(config.AGENT_PRESENCE_TTL_SECONDS * 1000, clock),
      insights: new MemoryInsightsStore(config.HANDOFF_INSIGHTS_MAX_ITEMS),
      idempotency: new MemoryIdempotencyStore(clock),
      viewAudit: new MemoryViewAuditLog({ ttlSeconds: config.VIEW_AUDIT_TTL_SECONDS, ...withClock }),
    },
    domainStores: {
      bookings: new MemoryBookingStore(),
      intake: new MemoryIntakeStore(now),
      refillTickets: new MemoryRefillTicketStore({ ...now, ttlSeconds: config.REFILL_TICKET_TTL_SECONDS }),
    },
    directLine: new SealedDirectLineStore(
      new MemoryDirectLineStore({ historyMax: config.DIRECTLINE_HISTORY_MAX, ttlSeconds: config.DIRECTLINE_CONVERSATION_TTL_SECONDS }),
      sealer,
    ),
    directLineSignal: new MemoryDirectLineSignal(),
    requestLimiters: memoryRequestLimiters(),
    ping: async () => undefined,
    close: async () => locks.clear(),
  };
}
