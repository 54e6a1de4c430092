import type Redis from 'ioredis';
import type { KeyRegistry } from '../keys';
import type { DedupeStore } from '../ports';
import { requireId, requireNumber } from '../validate';
import { runRedis } from './runRedis';

/** DedupeStore in Redis: `SET key 1 NX EX ttl`, so exactly one process sees a key first. */
export class RedisDedupeStore implements DedupeStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyRegistry,
  ) {}

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    requireId(key, 'Dedupe key');
    const ttl = Math.ceil(requireNumber(ttlSeconds, 'Dedupe TTL (seconds)', 1));
    const reply = await runRedis(this.redis, () => this.redis.set(this.keys.dedupe(key), '1', 'EX', ttl, 'NX'));
    return reply === 'OK';
  }

  async forget(key: string): Promise<void> {
    requireId(key, 'Dedupe key');
    await runRedis(this.redis, () => this.redis.del(this.keys.dedupe(key)));
  }
}
