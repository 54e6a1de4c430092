import type { ConversationReference } from 'botbuilder';
import { TandemError } from '../errors';

/** How long a conversation reference is kept after its last save, unless configured otherwise. */
export const defaultReferenceTtlSeconds = 90 * 24 * 3600;

/** The conversation id of a reference; throws BAD_REQUEST when there is none. */
export function referenceConversationId(reference: Partial<ConversationReference>): string {
  const id: unknown = reference?.conversation?.id;
  if (typeof id !== 'string' || id.length === 0) {
    throw new TandemError('BAD_REQUEST', 'Conversation reference has no conversation.id');
  }
  return id;
}
