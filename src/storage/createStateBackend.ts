import type Redis from 'ioredis';
import type { Logger } from '../observability/logger';
import { createKeyRegistry, type KeyRegistry } from './keys';
import { MemoryConversationLock } from './memory/memoryConversationLock';
import { MemoryConversationReferenceStore } from './memory/memoryConversationReferenceStore';
import { MemoryDedupeStore } from './memory/memoryDedupeStore';
import { MemoryStateStorage } from './memory/memoryStateStorage';
import { MemoryTranscriptStore } from './memory/memoryTranscriptStore';
import type { StateBackend } from './ports';
import { RedisConversationLock } from './redis/redisConversationLock';
import { RedisConversationReferenceStore } from './redis/redisConversationReferenceStore';
import { RedisDedupeStore } from './redis/redisDedupeStore';
import { closeRedisClient, createRedisClient, createSubscriberClient, type RedisClientOptions } from './redis/redisClient';
import { RedisStateStorage } from './redis/redisStateStorage';
import { RedisTranscriptStore } from './redis/redisTranscriptStore';
import { runRedis } from './redis/runRedis';
import type { TranscriptStoreOptions } from './transcriptPaging';

export interface StateBackendOptions {
  /** REDIS_URL; undefined selects the in-memory backend (one process only). */
  redisUrl?: string | undefined;
  /** REDIS_KEY_PREFIX: every Redis key starts with it. */
  keyPrefix: string;
  logger: Logger;
  /** Redis connection tuning (timeouts, reconnect backoff); defaults in `defaultRedisClientOptions`. */
  redisClient?: Partial<RedisClientOptions>;
  /** Transcript paging, cap, order and lifetime; defaults in `defaultTranscriptStoreOptions`. */
  transcripts?: Partial<TranscriptStoreOptions>;
  /** Bot state items expire this long after their last write. Default: never. */
  stateTtlSeconds?: number;
  /** Conversation references expire this long after their last save. Default 90 days. */
  referenceTtlSeconds?: number;
}

/** The in-memory backend. */
export interface MemoryStateBackend extends StateBackend {
  readonly kind: 'memory';
}

/** The Redis backend; other Redis-backed ports share its connection and key registry. */
export interface RedisStateBackend extends StateBackend {
  readonly kind: 'redis';
  /** The shared fail-fast command connection (wrap commands in `runRedis`). */
  readonly redis: Redis;
  readonly keys: KeyRegistry;
  /** Opens a dedicated pub/sub connection; `close()` closes it too. */
  createSubscriber(): Redis;
}

/**
 * Builds every state port, in memory when `redisUrl` is undefined and in Redis otherwise. Nothing
 * connects here: the Redis connection opens on first use, fails fast while Redis is down and heals
 * by itself. `ping()` rejects with an error naming REDIS_URL when Redis does not answer.
 */
export function createStateBackend(options: StateBackendOptions): MemoryStateBackend | RedisStateBackend {
  const { redisUrl, logger } = options;
  const referenceOptions = options.referenceTtlSeconds === undefined ? {} : { ttlSeconds: options.referenceTtlSeconds };
  const stateOptions = options.stateTtlSeconds === undefined ? {} : { ttlSeconds: options.stateTtlSeconds };
  if (redisUrl === undefined || redisUrl === '') {
    const locks = new MemoryConversationLock();
    return {
      kind: 'memory',
      storage: new MemoryStateStorage(stateOptions),
      transcripts: new MemoryTranscriptStore(options.transcripts),
      references: new MemoryConversationReferenceStore(referenceOptions),
      dedupe: new MemoryDedupeStore(),
      locks,
      ping: async () => undefined,
      close: async () => locks.clear(),
    };
  }

  const redis = createRedisClient(redisUrl, logger, options.redisClient);
  const keys = createKeyRegistry(options.keyPrefix);
  const subscribers: Redis[] = [];
  return {
    kind: 'redis',
    redis,
    keys,
    storage: new RedisStateStorage(redis, keys, stateOptions),
    transcripts: new RedisTranscriptStore(redis, keys, options.transcripts),
    references: new RedisConversationReferenceStore(redis, keys, referenceOptions),
    dedupe: new RedisDedupeStore(redis, keys),
    locks: new RedisConversationLock(redis, keys),
    createSubscriber: () => {
      const subscriber = createSubscriberClient(redisUrl, logger, options.redisClient);
      subscribers.push(subscriber);
      return subscriber;
    },
    ping: async () => {
      await runRedis(redis, () => redis.ping());
    },
    close: async () => {
      await Promise.all([redis, ...subscribers.splice(0)].map((client) => closeRedisClient(client)));
    },
  };
}
