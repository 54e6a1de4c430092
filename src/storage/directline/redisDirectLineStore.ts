import type { RedisConnection } from '../redis/redisConnection';
import type { KeyRegistry } from '../keys';
import { LuaScript } from '../redis/luaScript';
import { runRedis } from '../redis/runRedis';
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

// Layout: a hash (u = user id, l = locale, c = created at, s = last sequence number) and a sorted set
// whose members are `<seq>:<activity JSON without id>` scored by seq. The seq prefix keeps two
// identical activities distinct; ids are rebuilt from the seq on read.
const createScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'u', ARGV[1], 'l', ARGV[2], 'c', ARGV[3], 's', 0)
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
`);

// KEYS[3] maps client activity ids to their seq (a re-post returns {seq, 1}); it is dropped whole when it
// outgrows the history, since a re-post only ever follows its original closely.
const appendScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0} end
if ARGV[4] ~= '' then
  local kept = redis.call('HGET', KEYS[3], ARGV[4])
  if kept then return {tonumber(kept), 1} end
end
local seq = redis.call('HINCRBY', KEYS[1], 's', 1)
redis.call('ZADD', KEYS[2], seq, seq .. ':' .. ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[2]) + 1))
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
if ARGV[4] ~= '' then
  if redis.call('HLEN', KEYS[3]) >= tonumber(ARGV[2]) then redis.call('DEL', KEYS[3]) end
  redis.call('HSET', KEYS[3], ARGV[4], seq)
end
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ARGV[3]) end
return {seq, 0}
`);

const listScript = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local seq = redis.call('HGET', KEYS[1], 's')
local items = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, ARGV[2])
return {seq, items}
`);

const replaceScript = new LuaScript(`
local found = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
if #found == 0 then return 0 end
redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1] .. ':' .. ARGV[2])
return 1
`);

function withoutId(activity: StoredActivity): string {
  const { id: _id, ...rest } = activity;
  return JSON.stringify(rest);
}

/**
 * Direct Line history in Redis (`keys.directLineMeta` / `keys.directLineLog`, one hash slot per
 * conversation), so any process can accept a post or answer a poll. Each operation is one Lua script.
 */
export class RedisDirectLineStore implements DirectLineStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    private readonly options: DirectLineStoreOptions,
  ) {}

  async create(conversation: DirectLineConversation): Promise<boolean> {
    const { conversationId, userId, locale, createdAt } = conversation;
    const created = await runRedis(this.redis, () =>
      createScript.run(this.redis, this.conversationKeys(conversationId), [userId, locale ?? '', createdAt, this.options.ttlSeconds]),
    );
    return created === 1;
  }

  async get(conversationId: string): Promise<DirectLineConversation | undefined> {
    const [userId, locale, createdAt] = await runRedis(this.redis, () =>
      this.redis.hmget(this.keys.directLineMeta(conversationId), 'u', 'l', 'c'),
    );
    if (typeof userId !== 'string' || typeof createdAt !== 'string') return undefined;
    return { conversationId, userId, createdAt, ...(locale ? { locale } : {}) };
  }

  async append(conversationId: string, activity: StoredActivity, options: AppendOptions = {}): Promise<AppendResult | undefined> {
    const reply = await runRedis(this.redis, () =>
      appendScript.run(this.redis, [...this.conversationKeys(conversationId), this.keys.directLineClientIds(conversationId)], [
        withoutId(activity),
        this.options.historyMax,
        this.options.ttlSeconds,
        options.clientActivityId ?? '',
      ]),
    );
    const [seq, duplicate] = reply as [number, number];
    if (typeof seq !== 'number' || seq < 0) return undefined;
    return { id: activityId(conversationId, seq), watermark: seq, duplicate: duplicate === 1 };
  }

  async list(conversationId: string, after: number): Promise<ActivityPage | undefined> {
    const from = Math.max(0, Math.floor(after));
    const reply = await runRedis(this.redis, () =>
      listScript.run(this.redis, this.conversationKeys(conversationId), [from, pageLimit]),
    );
    if (!Array.isArray(reply)) return undefined;
    const [seqText, members] = reply as [string | null, string[]];
    const seq = Number(seqText ?? 0);
    const activities = members.map((member) => {
      const colon = member.indexOf(':');
      const watermark = Number(member.slice(0, colon));
      return { watermark, activity: { ...(JSON.parse(member.slice(colon + 1)) as StoredActivity), id: activityId(conversationId, watermark) } };
    });
    const last = activities.at(-1);
    return { activities: activities.map((item) => item.activity), watermark: last ? last.watermark : Math.min(from, seq) };
  }

  async replace(conversationId: string, id: string, activity: StoredActivity): Promise<boolean> {
    const watermark = watermarkOf(conversationId, id);
    if (watermark === undefined) return false;
    const replaced = await runRedis(this.redis, () =>
      replaceScript.run(this.redis, [this.keys.directLineLog(conversationId)], [watermark, withoutId(activity)]),
    );
    return replaced === 1;
  }

  private conversationKeys(conversationId: string): string[] {
    return [this.keys.directLineMeta(conversationId), this.keys.directLineLog(conversationId)];
  }
}
