import type { ConversationReference } from 'botbuilder';
import type { RedisConnection } from './redisConnection';
import { defaultReferenceTtlSeconds, referenceConversationId } from '../conversationReferences';
import type { KeyRegistry } from '../keys';
import type { ConversationReferenceStore } from '../ports';
import { requireId } from '../validate';
import { TandemError } from '../../errors';
import { runRedis } from './runRedis';

export interface RedisConversationReferenceStoreOptions {
  /** References not saved again for this long expire. Default 90 days. */
  ttlSeconds?: number;
}

/** ConversationReferenceStore in Redis: one JSON string per conversation (`keys.conversationReference`). */
export class RedisConversationReferenceStore implements ConversationReferenceStore {
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: RedisConversationReferenceStoreOptions = {},
  ) {
    this.ttlSeconds = Math.ceil(options.ttlSeconds ?? defaultReferenceTtlSeconds);
  }

  async save(reference: Partial<ConversationReference>): Promise<void> {
    const key = this.keys.conversationReference(referenceConversationId(reference));
    const json = JSON.stringify(reference);
    await runRedis(this.redis, () => this.redis.set(key, json, 'EX', this.ttlSeconds));
  }

  async get(conversationId: string): Promise<Partial<ConversationReference> | undefined> {
    const key = this.keys.conversationReference(requireId(conversationId, 'Conversation id'));
    const json = await runRedis(this.redis, () => this.redis.get(key));
    if (json === null) return undefined;
    try {
      return JSON.parse(json) as Partial<ConversationReference>;
    } catch (error) {
      throw new TandemError('INTERNAL', `Stored conversation reference at ${key} is not JSON`, undefined, { cause: error });
    }
  }

  async delete(conversationId: string): Promise<void> {
    const key = this.keys.conversationReference(requireId(conversationId, 'Conversation id'));
    await runRedis(this.redis, () => this.redis.del(key));
  }
}
