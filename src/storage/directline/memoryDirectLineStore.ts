import {
  activityId,
  pageLimit,
  watermarkOf,
  type ActivityPage,
  type AppendOptions,
  type AppendResult,
  type DirectLineConversation,
  type DirectLineStore,
  type DirectLineStoreOptions,
  type StoredActivity,
} from './directLineStore';
import type { Clock } from '../../clock';

interface Entry {
  conversation: DirectLineConversation;
  seq: number;
  log: { watermark: number; json: string; clientActivityId?: string | undefined }[];
  expiresAt: number;
}

export interface MemoryDirectLineStoreOptions extends DirectLineStoreOptions {
  /** Oldest conversations are dropped beyond this many, so a flood of new chats cannot exhaust memory. */
  readonly maxConversations?: number;
  readonly now?: Clock;
}

/** The one-process twin of RedisDirectLineStore, with the same numbering, bounds and expiry. */
export class MemoryDirectLineStore implements DirectLineStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: Clock;
  private readonly maxConversations: number;

  constructor(private readonly options: MemoryDirectLineStoreOptions) {
    this.now = options.now ?? Date.now;
    this.maxConversations = options.maxConversations ?? 10_000;
  }

  async create(conversation: DirectLineConversation): Promise<boolean> {
    if (this.live(conversation.conversationId)) return false;
    this.entries.delete(conversation.conversationId);
    this.entries.set(conversation.conversationId, { conversation: { ...conversation }, seq: 0, log: [], expiresAt: this.expiry() });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxConversations) break;
      this.entries.delete(oldest);
    }
    return true;
  }

  async get(conversationId: string): Promise<DirectLineConversation | undefined> {
    const entry = this.live(conversationId);
    return entry ? { ...entry.conversation } : undefined;
  }

  async append(conversationId: string, activity: StoredActivity, options: AppendOptions = {}): Promise<AppendResult | undefined> {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const { clientActivityId } = options;
    const kept = clientActivityId === undefined ? undefined : entry.log.find((item) => item.clientActivityId === clientActivityId);
    if (kept) return { id: activityId(conversationId, kept.watermark), watermark: kept.watermark, duplicate: true };
    entry.seq += 1;
    const id = activityId(conversationId, entry.seq);
    entry.log.push({ watermark: entry.seq, json: JSON.stringify({ ...activity, id }), clientActivityId });
    if (entry.log.length > this.options.historyMax) entry.log.splice(0, entry.log.length - this.options.historyMax);
    entry.expiresAt = this.expiry();
    return { id, watermark: entry.seq, duplicate: false };
  }

  async list(conversationId: string, after: number): Promise<ActivityPage | undefined> {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const page = entry.log.filter((item) => item.watermark > after).slice(0, pageLimit);
    const last = page.at(-1);
    return {
      activities: page.map((item) => JSON.parse(item.json) as StoredActivity),
      watermark: last ? last.watermark : Math.min(Math.max(after, 0), entry.seq),
    };
  }

  async replace(conversationId: string, id: string, activity: StoredActivity): Promise<boolean> {
    const entry = this.live(conversationId);
    const watermark = watermarkOf(conversationId, id);
    const item = entry && watermark !== undefined ? entry.log.find((candidate) => candidate.watermark === watermark) : undefined;
    if (!item) return false;
    item.json = JSON.stringify({ ...activity, id });
    return true;
  }

  private live(conversationId: string): Entry | undefined {
    const entry = this.entries.get(conversationId);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(conversationId);
      return undefined;
    }
    return entry;
  }

  private expiry(): number {
    return this.now() + this.options.ttlSeconds * 1000;
  }
}
