import type { RedisConnection } from '../redis/redisConnection';
import type { IdempotencyStore } from '../../handoff/idempotency';
import type { KeyRegistry } from '../keys';
import { runRedis } from '../redis/runRedis';

/** Idempotency keys as `SET NX EX` under the conversation's hash tag. */
export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
  ) {}

  async firstSeen(conversationId: string, key: string, ttlSeconds: number): Promise<boolean> {
    const reply = await runRedis(this.redis, () =>
      this.redis.set(this.keys.agentMessage(conversationId, key), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX'),
    );
    return reply === 'OK';
  }

  async forget(conversationId: string, key: string): Promise<void> {
    await runRedis(this.redis, () => this.redis.del(this.keys.agentMessage(conversationId, key)));
  }
}
