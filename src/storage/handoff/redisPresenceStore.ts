import type { RedisConnection } from '../redis/redisConnection';
import type { PresenceStore } from '../../handoff/presence';
import type { KeyRegistry } from '../keys';
import { LuaScript } from '../redis/luaScript';
import { runRedis } from '../redis/runRedis';

// Expiry runs on the Redis clock (PX), so processes with skewed clocks agree on who is online.
const heartbeatScript = new LuaScript(`
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`);

const onlineScript = new LuaScript(`
local out = {}
for _, agent in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. agent) == 1 then table.insert(out, agent) else redis.call('SREM', KEYS[1], agent) end
end
return out
`);

/** Presence on Redis: one TTL key per agent, plus an index set pruned as keys expire. */
export class RedisPresenceStore implements PresenceStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    private readonly ttlMs: number,
  ) {}

  async heartbeat(agentId: string): Promise<void> {
    await runRedis(this.redis, () =>
      heartbeatScript.run(this.redis, [this.keys.agentPresence(agentId), this.keys.agentPresenceIndex], [agentId, Math.ceil(this.ttlMs)]),
    );
  }

  async offline(agentId: string): Promise<void> {
    await runRedis(this.redis, () =>
      this.redis.multi().del(this.keys.agentPresence(agentId)).srem(this.keys.agentPresenceIndex, agentId).exec(),
    );
  }

  async online(): Promise<string[]> {
    const reply = await runRedis(this.redis, () =>
      onlineScript.run(this.redis, [this.keys.agentPresenceIndex], [this.keys.agentPresence('')]),
    );
    return (reply as unknown[]).map(String).sort();
  }
}
