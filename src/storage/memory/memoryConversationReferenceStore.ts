import type { ConversationReference } from 'botbuilder';
import { defaultReferenceTtlSeconds, referenceConversationId } from '../conversationReferences';
import type { ConversationReferenceStore } from '../ports';
import { requireId } from '../validate';
import type { Clock } from '../../clock';

export interface MemoryConversationReferenceStoreOptions {
  /** References not saved again for this long are forgotten. Default 90 days. */
  ttlSeconds?: number;
  /** Most references held; the least recently saved go first. Default 50,000. */
  maxEntries?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: Clock;
}

/** ConversationReferenceStore in process memory (JSON copies, bounded, with expiry). */
export class MemoryConversationReferenceStore implements ConversationReferenceStore {
  private readonly references = new Map<string, { json: string; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: Clock;

  constructor(options: MemoryConversationReferenceStoreOptions = {}) {
    this.ttlMs = (options.ttlSeconds ?? defaultReferenceTtlSeconds) * 1000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const id = referenceConversationId(reference);
    this.references.delete(id);
    this.references.set(id, { json: JSON.stringify(reference), expiresAt: this.now() + this.ttlMs });
    for (const key of this.references.keys()) {
      if (this.references.size <= this.maxEntries) break;
      this.references.delete(key);
    }
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    requireId(conversationId, 'Conversation id');
    const entry = this.references.get(conversationId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.references.delete(conversationId);
      return undefined;
    }
    return JSON.parse(entry.json) as Partial<ConversationReference>;
  }

  async delete(conversationId: string): Promise<void> {
    requireId(conversationId, 'Conversation id');
    this.references.delete(conversationId);
  }
}
