import { defaultViewAuditOptions, pageOfViews, type ConversationView, type RecordedView, type ViewAuditLog, type ViewAuditOptions, type ViewAuditPage } from './viewAudit';
import type { Clock } from '../clock';

interface Views {
  nextSeq: number;
  expiresAt: number;
  /** Newest first. */
  items: RecordedView[];
}

export interface MemoryViewAuditOptions extends ViewAuditOptions {
  /** Conversations kept; the least recently viewed are dropped first. */
  readonly maxConversations: number;
  readonly clock: Clock;
}

/** The view audit log in process memory: bounded per conversation and in conversations, expiring like its Redis twin. */
export class MemoryViewAuditLog implements ViewAuditLog {
  // Map order is the order of the latest view: re-inserted on every record, so the first entry is the stalest.
  private readonly byConversation = new Map<string, Views>();
  private readonly options: MemoryViewAuditOptions;

  constructor(options: Partial<MemoryViewAuditOptions> = {}) {
    this.options = { ...defaultViewAuditOptions, maxConversations: 10_000, clock: Date.now, ...options };
  }

  async record(view: ConversationView): Promise<RecordedView> {
    const now = this.options.clock();
    const views = this.live(view.conversationId, now) ?? { nextSeq: 1, expiresAt: 0, items: [] };
    const recorded: RecordedView = { ...view, seq: views.nextSeq };
    views.nextSeq += 1;
    views.items.unshift(recorded);
    views.items.length = Math.min(views.items.length, this.options.maxPerConversation);
    views.expiresAt = now + this.options.ttlSeconds * 1000;
    this.byConversation.delete(view.conversationId);
    this.byConversation.set(view.conversationId, views);
    for (const [id, stale] of this.byConversation) {
      if (this.byConversation.size <= this.options.maxConversations && stale.expiresAt > now) break;
      this.byConversation.delete(id);
    }
    return recorded;
  }

  async list(conversationId: string, options: { readonly limit: number; readonly before?: number }): Promise<ViewAuditPage> {
    return pageOfViews(this.live(conversationId, this.options.clock())?.items ?? [], options.limit, options.before);
  }

  private live(conversationId: string, now: number): Views | undefined {
    const views = this.byConversation.get(conversationId);
    if (views && views.expiresAt <= now) {
      this.byConversation.delete(conversationId);
      return undefined;
    }
    return views;
  }
}
