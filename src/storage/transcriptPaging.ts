import type { Activity, PagedResult, TranscriptInfo } from 'botbuilder';
import { TandemError } from '../errors';
import { redactActivity } from '../privacy/redactPii';
import type { TextSealer } from '../privacy/textSealer';
import { attachSealedText, sealedTextField } from './sealedText';
import { requireId } from './validate';

/** Options shared by the transcript stores, each with its default in `defaultTranscriptStoreOptions`. */
export interface TranscriptStoreOptions {
  /** Activities per page of `getTranscriptActivities` and `listTranscripts`. */
  pageSize: number;
  /** Most activities kept per conversation; the oldest are dropped first. */
  maxActivitiesPerConversation: number;
  /**
   * Store the activities of one conversation strictly in the order `logActivity` was called, even
   * though botbuilder's TranscriptLoggerMiddleware does not await one call before the next.
   */
  preserveOrder: boolean;
  /** A conversation's transcript is forgotten this long after its last activity (TRANSCRIPT_TTL_SECONDS); 0 = kept until deleted. */
  ttlSeconds: number;
  /** Seals a message's words as written when redaction changed them; without it only the redacted copy is kept. */
  sealer?: TextSealer;
}

export const defaultTranscriptStoreOptions: TranscriptStoreOptions = {
  pageSize: 20,
  maxActivitiesPerConversation: 2000,
  preserveOrder: true,
  ttlSeconds: 0,
};

/** One stored activity with its per-conversation sequence number (the continuation token). */
export interface TranscriptEntry {
  seq: number;
  activity: Activity;
}

/** Reads up to `count` entries with a sequence number greater than `afterSeq`, in order. */
export type FetchEntriesAfter = (afterSeq: number, count: number) => Promise<TranscriptEntry[]>;

const dateFields = ['timestamp', 'localTimestamp', 'expiration'] as const;

/**
 * The redacted, JSON-serialised copy that is stored for an activity (validated first). When redaction
 * changed the text and a sealer is given, the text as written is stored sealed beside it.
 */
export function storedActivity(
  activity: Partial<Activity>,
  sealer?: TextSealer,
): { channelId: string; conversationId: string; json: string; at: number; inboundId: string } {
  if (activity === null || typeof activity !== 'object') throw new TandemError('BAD_REQUEST', 'activity is required');
  const channelId = requireId(activity.channelId, 'activity.channelId');
  const conversationId = requireId(activity.conversation?.id, 'activity.conversation.id');
  const redacted: Partial<Activity> & { [sealedTextField]?: string } = redactActivity(activity);
  if (redacted.timestamp === undefined) redacted.timestamp = new Date();
  if (sealer && typeof activity.text === 'string' && redacted.text !== activity.text) {
    redacted[sealedTextField] = sealer.seal(activity.text, conversationId);
  }
  // A user's activity carries the channel's id, which its retries repeat: it is logged once per id ('' = no id).
  const inboundId = activity.from?.role === 'user' && typeof activity.id === 'string' ? activity.id : '';
  return { channelId, conversationId, json: JSON.stringify(redacted), at: activityTime(redacted), inboundId };
}

/** Parses a stored activity, turning its date fields back into Dates as botbuilder types them; a sealed text goes aside (sealedTextOf). */
export function parseStoredActivity(json: string): Activity {
  const activity = JSON.parse(json) as Record<string, unknown>;
  for (const field of dateFields) {
    const value = activity[field];
    if (typeof value === 'string') activity[field] = new Date(value);
  }
  const sealed = activity[sealedTextField];
  delete activity[sealedTextField];
  if (typeof sealed === 'string') attachSealedText(activity as unknown as Activity, sealed);
  return activity as unknown as Activity;
}

/** Milliseconds since the epoch of an activity's timestamp (0 when it has none). */
export function activityTime(activity: Partial<Activity>): number {
  const value: unknown = activity.timestamp;
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(time) ? time : 0;
}

/** The sequence number in an activity continuation token ('' or undefined = from the start). */
export function parseActivityToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  if (!/^\d{1,15}$/.test(token)) throw new TandemError('BAD_REQUEST', 'Invalid transcript continuation token');
  return Number(token);
}

/**
 * One page of activities after `continuationToken`, keeping only those at or after `startDate`.
 * The returned token is '' when there is nothing more.
 */
export async function pageActivities(
  fetchAfter: FetchEntriesAfter,
  continuationToken: string | undefined,
  pageSize: number,
  startDate?: Date,
): Promise<PagedResult<Activity>> {
  const since = startDate instanceof Date ? startDate.getTime() : undefined;
  const matched: TranscriptEntry[] = [];
  let after = parseActivityToken(continuationToken);
  for (;;) {
    const chunk = await fetchAfter(after, pageSize + 1);
    for (const entry of chunk) if (since === undefined || activityTime(entry.activity) >= since) matched.push(entry);
    const last = chunk[chunk.length - 1];
    if (matched.length > pageSize || chunk.length < pageSize + 1 || !last) break;
    after = last.seq;
  }
  const items = matched.slice(0, pageSize);
  const lastItem = items[items.length - 1];
  return {
    items: items.map((entry) => entry.activity),
    continuationToken: matched.length > pageSize && lastItem ? String(lastItem.seq) : '',
  };
}

/** A listTranscripts position: conversations are ordered by creation time, then id. */
export interface TranscriptListCursor {
  created: number;
  id: string;
}

export function listToken(info: TranscriptInfo): string {
  return `${info.created.getTime()}:${info.id}`;
}

export function parseListToken(token: string | undefined): TranscriptListCursor | undefined {
  if (token === undefined || token === '') return undefined;
  const match = /^(\d{1,15}):([\s\S]+)$/.exec(token);
  if (!match?.[1] || !match[2]) throw new TandemError('BAD_REQUEST', 'Invalid transcript list continuation token');
  return { created: Number(match[1]), id: match[2] };
}

/** True when `info` comes after `cursor` in listing order. */
export function isAfterCursor(info: { created: number; id: string }, cursor: TranscriptListCursor | undefined): boolean {
  if (!cursor) return true;
  return info.created > cursor.created || (info.created === cursor.created && info.id > cursor.id);
}
