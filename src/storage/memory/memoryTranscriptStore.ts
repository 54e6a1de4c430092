import type { Activity, PagedResult, TranscriptInfo, TranscriptStore } from 'botbuilder';
import { SerialByKey } from '../serialByKey';
import {
  defaultTranscriptStoreOptions,
  isAfterCursor,
  listToken,
  pageActivities,
  parseListToken,
  parseStoredActivity,
  storedActivity,
  type TranscriptEntry,
  type TranscriptStoreOptions,
} from '../transcriptPaging';
import { requireId } from '../validate';
import type { Clock } from '../../clock';

export interface MemoryTranscriptStoreOptions extends TranscriptStoreOptions {
  /** Most conversations kept (over all channels); the earliest created are dropped first. Default 10,000. */
  maxConversations: number;
  /** Clock, for tests. Default `Date.now`. */
  now: Clock;
}

interface Conversation {
  created: number;
  /** Forgotten at this time (ms); renewed by every activity. */
  expiresAt: number;
  nextSeq: number;
  entries: Array<{ seq: number; json: string }>;
  /** Ids of the user's activities logged (oldest first), so a channel's retry is logged once. */
  inboundIds: Set<string>;
}

/**
 * botbuilder TranscriptStore in process memory, bounded (conversations and activities per
 * conversation) and expiring like its Redis twin. It stores a PII-redacted copy of every activity
 * (`redactActivity`), in call order, at most `maxActivitiesPerConversation` per conversation, and
 * pages with sequence-number continuation tokens.
 */
export class MemoryTranscriptStore implements TranscriptStore {
  private readonly channels = new Map<string, Map<string, Conversation>>();
  // Every conversation as [channelId, conversationId], in creation order, for eviction.
  private readonly created = new Map<string, [string, string]>();
  private readonly options: MemoryTranscriptStoreOptions;
  private readonly serial = new SerialByKey();

  constructor(options: Partial<MemoryTranscriptStoreOptions> = {}) {
    this.options = { ...defaultTranscriptStoreOptions, maxConversations: 10_000, now: Date.now, ...options };
  }

  async logActivity(activity: Activity): Promise<void> {
    const stored = storedActivity(activity, this.options.sealer);
    const append = async () => {
      const channel = this.channels.get(stored.channelId) ?? new Map<string, Conversation>();
      this.channels.set(stored.channelId, channel);
      let conversation = this.live(stored.channelId, stored.conversationId);
      if (!conversation) {
        conversation = { created: stored.at, expiresAt: Infinity, nextSeq: 1, entries: [], inboundIds: new Set() };
        channel.set(stored.conversationId, conversation);
        this.created.set(`${stored.channelId}\n${stored.conversationId}`, [stored.channelId, stored.conversationId]);
        this.evictBeyondLimit();
      }
      if (stored.inboundId !== '' && conversation.inboundIds.has(stored.inboundId)) return;
      conversation.expiresAt = this.options.ttlSeconds > 0 ? this.options.now() + this.options.ttlSeconds * 1000 : Infinity;
      conversation.entries.push({ seq: conversation.nextSeq++, json: stored.json });
      const excess = conversation.entries.length - this.options.maxActivitiesPerConversation;
      if (excess > 0) conversation.entries.splice(0, excess);
      if (stored.inboundId !== '') {
        conversation.inboundIds.add(stored.inboundId);
        for (const oldest of conversation.inboundIds) {
          if (conversation.inboundIds.size <= this.options.maxActivitiesPerConversation) break;
          conversation.inboundIds.delete(oldest);
        }
      }
    };
    if (!this.options.preserveOrder) return append();
    return this.serial.run(`${stored.channelId}\n${stored.conversationId}`, append);
  }

  async getTranscriptActivities(
    channelId: string,
    conversationId: string,
    continuationToken?: string,
    startDate?: Date,
  ): Promise<PagedResult<Activity>> {
    requireId(channelId, 'channelId');
    requireId(conversationId, 'conversationId');
    const fetchAfter = async (afterSeq: number, count: number): Promise<TranscriptEntry[]> => {
      const entries = this.live(channelId, conversationId)?.entries ?? [];
      const first = entries[0];
      if (!first) return [];
      // Sequence numbers are contiguous within the kept window, so the position is arithmetic.
      const start = Math.max(0, afterSeq - first.seq + 1);
      return entries.slice(start, start + count).map((e) => ({ seq: e.seq, activity: parseStoredActivity(e.json) }));
    };
    return pageActivities(fetchAfter, continuationToken, this.options.pageSize, startDate);
  }

  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    requireId(channelId, 'channelId');
    const cursor = parseListToken(continuationToken);
    const now = this.options.now();
    const all = [...(this.channels.get(channelId)?.entries() ?? [])]
      .filter(([, conversation]) => conversation.expiresAt > now)
      .map(([id, conversation]) => ({ id, created: conversation.created }))
      .filter((info) => isAfterCursor(info, cursor))
      .sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const items = all.slice(0, this.options.pageSize).map((info) => ({ channelId, id: info.id, created: new Date(info.created) }));
    const last = items[items.length - 1];
    return { items, continuationToken: all.length > this.options.pageSize && last ? listToken(last) : '' };
  }

  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    requireId(channelId, 'channelId');
    requireId(conversationId, 'conversationId');
    this.channels.get(channelId)?.delete(conversationId);
    this.created.delete(`${channelId}\n${conversationId}`);
  }

  private live(channelId: string, conversationId: string): Conversation | undefined {
    const conversation = this.channels.get(channelId)?.get(conversationId);
    if (!conversation || conversation.expiresAt > this.options.now()) return conversation;
    this.channels.get(channelId)?.delete(conversationId);
    this.created.delete(`${channelId}\n${conversationId}`);
    return undefined;
  }

  /** Drops the earliest-created conversations beyond the cap, and expired ones met on the way. */
  private evictBeyondLimit(): void {
    const now = this.options.now();
    for (const [key, [channelId, conversationId]] of this.created) {
      const expired = (this.channels.get(channelId)?.get(conversationId)?.expiresAt ?? 0) <= now;
      if (this.created.size <= this.options.maxConversations && !expired) break;
      this.created.delete(key);
      this.channels.get(channelId)?.delete(conversationId);
    }
  }
}
