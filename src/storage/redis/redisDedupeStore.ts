import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './redisConnection';
import type { KeyRegistry } from '../keys';
import { type DedupeBegin, type DedupeStore, DedupeStatus } from '../ports';
import { requireId, requireNumber } from '../validate';
import { LuaScript } from './luaScript';
import { runRedis } from './runRedis';

// The value is "p:<token>" while a turn holds the lease and "d" once the turn is done.
const beginScript = new LuaScript(`
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], 'p:' .. ARGV[1], 'PX', ARGV[2])
  return 'started'
end
if current == 'd' then return 'done' end
return 'in_progress'
`);

const renewScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == 'p:' .. ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`);

const abandonScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == 'p:' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** DedupeStore in Redis: one key per activity, a leased "in progress" mark that becomes "done"; every write expires. */
export class RedisDedupeStore implements DedupeStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
  ) {}

  async begin(key: string, leaseMs: number): Promise<DedupeBegin> {
    requireId(key, 'Dedupe key');
    const lease = Math.ceil(requireNumber(leaseMs, 'Dedupe lease (ms)', 1));
    const token = randomUUID();
    const reply = await runRedis(this.redis, () => beginScript.run(this.redis, [this.keys.dedupe(key)], [token, lease]));
    if (reply === DedupeStatus.started) return { status: DedupeStatus.started, token };
    return { status: reply === DedupeStatus.done ? DedupeStatus.done : DedupeStatus.inProgress };
  }

  async renew(key: string, token: string, leaseMs: number): Promise<boolean> {
    requireId(key, 'Dedupe key');
    const lease = Math.ceil(requireNumber(leaseMs, 'Dedupe lease (ms)', 1));
    const reply = await runRedis(this.redis, () => renewScript.run(this.redis, [this.keys.dedupe(key)], [token, lease]));
    return reply === 1;
  }

  async complete(key: string, ttlSeconds: number): Promise<void> {
    requireId(key, 'Dedupe key');
    const ttl = Math.ceil(requireNumber(ttlSeconds, 'Dedupe TTL (seconds)', 1));
    await runRedis(this.redis, () => this.redis.set(this.keys.dedupe(key), 'd', 'EX', ttl));
  }

  async abandon(key: string, token: string): Promise<void> {
    requireId(key, 'Dedupe key');
    await runRedis(this.redis, () => abandonScript.run(this.redis, [this.keys.dedupe(key)], [token]));
  }
}
