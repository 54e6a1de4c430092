import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './redisConnection';
import type { KeyRegistry } from '../keys';
import { lockArguments, lockTimeout } from '../lockOptions';
import type { ConversationLock, LockHandle } from '../ports';
import { LuaScript } from './luaScript';
import { runRedis } from './runRedis';

// Delete the lock only if it still holds our token: after a TTL expiry it may belong to someone else.
const compareAndDelete = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export interface RedisConversationLockOptions {
  /** First pause between attempts while the lock is held elsewhere. Default 10 ms. */
  minPollMs?: number;
  /** Longest pause between attempts. Default 100 ms. */
  maxPollMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * ConversationLock in Redis, across processes: `SET key token NX PX ttl`, polling with a short
 * growing backoff until `waitMs`, then `TandemError('LOCK_TIMEOUT')`. Release deletes the key only
 * if it still holds this holder's token. If Redis is down, acquire and release fail with
 * STATE_UNAVAILABLE (an unreleased lock frees itself after its TTL).
 */
export class RedisConversationLock implements ConversationLock {
  private readonly minPollMs: number;
  private readonly maxPollMs: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: RedisConversationLockOptions = {},
  ) {
    this.minPollMs = options.minPollMs ?? 10;
    this.maxPollMs = options.maxPollMs ?? 100;
  }

  async acquire(conversationId: string, options: { ttlMs: number; waitMs: number }): Promise<LockHandle> {
    const { id, ttlMs, waitMs } = lockArguments(conversationId, options);
    const key = this.keys.lock(id);
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    let pause = this.minPollMs;
    for (;;) {
      const reply = await runRedis(this.redis, () => this.redis.set(key, token, 'PX', ttlMs, 'NX'));
      if (reply === 'OK') return this.handle(key, token);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw lockTimeout(id, waitMs);
      // Jitter keeps several waiters from polling in lockstep.
      await sleep(Math.min(pause + Math.random() * pause, remaining));
      pause = Math.min(pause * 2, this.maxPollMs);
    }
  }

  private handle(key: string, token: string): LockHandle {
    return {
      token,
      release: async () => {
        await runRedis(this.redis, () => compareAndDelete.run(this.redis, [key], [token]));
      },
    };
  }
}
