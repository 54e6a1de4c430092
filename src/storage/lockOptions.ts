import { TandemError } from '../errors';
import { requireId, requireNumber } from './validate';

/** Validated arguments of `ConversationLock.acquire`; throws BAD_REQUEST on nonsense. */
export function lockArguments(conversationId: unknown, options: unknown): { id: string; ttlMs: number; waitMs: number } {
  const id = requireId(conversationId, 'Conversation id');
  const { ttlMs, waitMs } = (options ?? {}) as { ttlMs?: unknown; waitMs?: unknown };
  return {
    id,
    ttlMs: Math.ceil(requireNumber(ttlMs, 'Lock ttlMs', 1)),
    waitMs: requireNumber(waitMs, 'Lock waitMs', 0),
  };
}

export function lockTimeout(conversationId: string, waitMs: number): TandemError {
  return new TandemError('LOCK_TIMEOUT', `conversation ${conversationId} still locked after ${waitMs} ms`);
}
