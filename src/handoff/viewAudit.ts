import type { ViewLevel } from './conversationAccess';
import type { AgentRole } from './vocabulary';

/** What was looked at; the context pack carries the transcript. */
export const ViewedItem = { contextPack: 'context_pack' } as const;
export type ViewedItem = (typeof ViewedItem)[keyof typeof ViewedItem];

/** One view of a conversation's data by a person (DESIGN §7: who, when, which conversation). */
export interface ConversationView {
  readonly conversationId: string;
  readonly agentId: string;
  readonly role: AgentRole;
  /** ISO 8601. */
  readonly at: string;
  readonly item: ViewedItem;
  readonly level: ViewLevel;
}

/** A recorded view with its place in the conversation's log (increasing, never reused). */
export interface RecordedView extends ConversationView {
  readonly seq: number;
}

export interface ViewAuditPage {
  /** Newest first. */
  readonly items: readonly RecordedView[];
  /** Pass as `before` for the next (older) page; null on the oldest one. */
  readonly nextBefore: number | null;
}

/** Limits shared by every implementation. */
export interface ViewAuditOptions {
  /** Views kept per conversation; the oldest are dropped first. */
  readonly maxPerConversation: number;
  /** A conversation's views are forgotten this long after the latest one. */
  readonly ttlSeconds: number;
}

/** The record of who viewed which conversation. Memory and Redis twins share test/handoff/viewAuditContract.ts. */
export interface ViewAuditLog {
  record(view: ConversationView): Promise<RecordedView>;
  /** Up to `limit` views of one conversation, newest first, older than `before` when given. */
  list(conversationId: string, options: { readonly limit: number; readonly before?: number }): Promise<ViewAuditPage>;
}

export const defaultViewAuditOptions: ViewAuditOptions = { maxPerConversation: 1000, ttlSeconds: 365 * 24 * 3600 };

/** Pages a newest-first list the same way in every implementation. */
export function pageOfViews(newestFirst: readonly RecordedView[], limit: number, before: number | undefined): ViewAuditPage {
  const older = before === undefined ? newestFirst : newestFirst.filter((v) => v.seq < before);
  const items = older.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextBefore: older.length > limit && last ? last.seq : null };
}
