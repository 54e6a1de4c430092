/** An activity as stored and served by the Direct Line subset: a JSON object (ids are assigned on append). */
export type StoredActivity = Record<string, unknown>;

export interface DirectLineConversation {
  readonly conversationId: string;
  readonly userId: string;
  readonly locale?: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

export interface ActivityPage {
  /** Oldest first, each with its `id`. */
  readonly activities: StoredActivity[];
  /** Pass back as `after` to get only newer activities. */
  readonly watermark: number;
}

export interface DirectLineStoreOptions {
  /** Only the newest this-many activities of a conversation are kept. */
  readonly historyMax: number;
  /** A conversation is forgotten this long after it was created or last appended to. */
  readonly ttlSeconds: number;
}

export interface AppendOptions {
  readonly clientActivityId?: string | undefined;
}

export interface AppendResult {
  readonly id: string;
  readonly watermark: number;
  /** True when the same client activity was already kept (nothing was stored). */
  readonly duplicate: boolean;
}

/** Most activities one poll returns; the client asks again with the new watermark for the rest. */
export const pageLimit = 100;

/** `<conversationId>|0000001`: the Direct Line id of the activity with watermark `seq`. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** The watermark encoded in an activity id of this conversation, or undefined for any other id. */
export function watermarkOf(conversationId: string, id: string): number | undefined {
  const prefix = `${conversationId}|`;
  if (!id.startsWith(prefix)) return undefined;
  const digits = id.slice(prefix.length);
  return /^\d{7,15}$/.test(digits) ? Number(digits) : undefined;
}

/**
 * The history of web chat conversations, shared by every process (memory twin for one process,
 * Redis for many). Appends are atomic and numbered; the history is bounded and expires.
 */
export interface DirectLineStore {
  /** Creates the conversation; false (and no change) when it already exists. */
  create(conversation: DirectLineConversation): Promise<boolean>;
  get(conversationId: string): Promise<DirectLineConversation | undefined>;
  /**
   * Numbers the activity, sets its `id` and stores it; undefined when the conversation does not exist.
   * With a `clientActivityId` (Web Chat's `channelData.clientActivityID`), a re-post of an activity
   * already kept is not stored again: the first one's id comes back with `duplicate: true`.
   */
  append(conversationId: string, activity: StoredActivity, options?: AppendOptions): Promise<AppendResult | undefined>;
  /** Up to `pageLimit` activities with a watermark above `after`; undefined when the conversation does not exist. */
  list(conversationId: string, after: number): Promise<ActivityPage | undefined>;
  /** Replaces a stored activity (keeping its id); false when no such activity is kept. */
  replace(conversationId: string, id: string, activity: StoredActivity): Promise<boolean>;
}
