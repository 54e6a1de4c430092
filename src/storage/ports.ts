import type { ConversationReference, Storage, TranscriptStore } from 'botbuilder';

/** Remembers how to reach a conversation, so an agent's reply can be sent proactively later. */
export interface ConversationReferenceStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  delete(conversationId: string): Promise<void>;
}

/** Inbound dedupe: a (channel, activity id) key is accepted once per TTL window. */
export interface DedupeStore {
  /** True the first time `key` is seen within `ttlSeconds`; false for every repeat. */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
  /** Forget a key, so that a turn that failed before doing anything can be retried by the channel. */
  forget(key: string): Promise<void>;
}

/** A held lock. `release` only frees the lock if this holder still owns it. */
export interface LockHandle {
  readonly token: string;
  release(): Promise<void>;
}

/** Per-conversation mutual exclusion that holds across processes. */
export interface ConversationLock {
  /** Waits up to `waitMs` for the lock; throws TandemError('LOCK_TIMEOUT') when it cannot get it. */
  acquire(conversationId: string, options: { ttlMs: number; waitMs: number }): Promise<LockHandle>;
}

/** Everything stateful the bot needs, chosen once at start-up by REDIS_URL. */
export interface StateBackend {
  readonly kind: 'memory' | 'redis';
  readonly storage: Storage;
  readonly transcripts: TranscriptStore;
  readonly references: ConversationReferenceStore;
  readonly dedupe: DedupeStore;
  readonly locks: ConversationLock;
  /** Resolves when the backend answers; rejects with a message naming REDIS_URL when it doesn't. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
