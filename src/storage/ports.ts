import type { ConversationReference, Storage, TranscriptStore } from 'botbuilder';

/** Remembers how to reach a conversation, so an agent's reply can be sent proactively later. */
export interface ConversationReferenceStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  delete(conversationId: string): Promise<void>;
}

/** Where an inbound activity stands, as seen by the dedupe store. */
export const DedupeStatus = {
  /** Nobody holds it: the caller now holds it under a lease and must run the turn. */
  started: 'started',
  /** Another turn holds an unexpired lease on it: it is being processed right now. */
  inProgress: 'in_progress',
  /** A turn completed it: every repeat is a duplicate. */
  done: 'done',
} as const;
export type DedupeStatus = (typeof DedupeStatus)[keyof typeof DedupeStatus];

export type DedupeBegin =
  | { status: typeof DedupeStatus.started; token: string }
  | { status: typeof DedupeStatus.inProgress }
  | { status: typeof DedupeStatus.done };

/**
 * Inbound dedupe with an in-progress lease (DESIGN §3 step 2): an activity is *in progress* under a
 * short lease while its turn runs and *done* only once the turn completed, so a channel's retry after
 * a crash (lease expired) is processed and a retry of a finished turn is not.
 */
export interface DedupeStore {
  /** Takes the lease on `key` for `leaseMs` when nobody holds it and it is not done. */
  begin(key: string, leaseMs: number): Promise<DedupeBegin>;
  /** Extends the lease while the turn still runs; false when `token` no longer holds it. */
  renew(key: string, token: string, leaseMs: number): Promise<boolean>;
  /** Marks `key` done for `ttlSeconds` (whoever holds the lease: the turn did complete). */
  complete(key: string, ttlSeconds: number): Promise<void>;
  /** Drops the lease held by `token`, so that the channel's retry of a failed turn is processed. */
  abandon(key: string, token: string): Promise<void>;
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
