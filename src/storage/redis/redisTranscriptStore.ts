import type { Activity, PagedResult, TranscriptInfo, TranscriptStore } from 'botbuilder';
import type { RedisConnection } from './redisConnection';
import type { KeyRegistry } from '../keys';
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
import { LuaScript } from './luaScript';
import { runRedis } from './runRedis';

// Entries are "<seq>|<activity json>". The counter, the list and the ids of the user's activities in it
// share the conversation's hash slot. A user activity whose id is already there (a channel's retry) is not
// appended again: the script answers 0.
const append = new LuaScript(`
local id = ARGV[4]
if id ~= '' and redis.call('ZSCORE', KEYS[3], id) then return 0 end
local seq = redis.call('INCR', KEYS[2])
redis.call('RPUSH', KEYS[1], seq .. '|' .. ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
if id ~= '' then
  redis.call('ZADD', KEYS[3], seq, id)
  redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -tonumber(ARGV[2]) - 1)
end
local ttl = tonumber(ARGV[3])
if ttl > 0 then
  redis.call('EXPIRE', KEYS[1], ttl)
  redis.call('EXPIRE', KEYS[2], ttl)
  if id ~= '' then redis.call('EXPIRE', KEYS[3], ttl) end
end
return seq
`);

// Sequence numbers are contiguous within the kept window, so the start index is arithmetic.
const rangeAfter = new LuaScript(`
local first = redis.call('LINDEX', KEYS[1], 0)
if not first then return {} end
local firstSeq = tonumber(string.match(first, '^(%d+)|'))
local start = tonumber(ARGV[1]) - firstSeq + 1
if start < 0 then start = 0 end
return redis.call('LRANGE', KEYS[1], start, start + tonumber(ARGV[2]) - 1)
`);

export type RedisTranscriptStoreOptions = TranscriptStoreOptions;

function parseEntry(raw: string): TranscriptEntry {
  const bar = raw.indexOf('|');
  return { seq: Number(raw.slice(0, bar)), activity: parseStoredActivity(raw.slice(bar + 1)) };
}

/**
 * botbuilder TranscriptStore in Redis: a capped list per conversation (`keys.transcript`) of
 * PII-redacted activities, appended atomically with a sequence number by a Lua script, plus a sorted
 * set per channel (`keys.transcriptIndex`) for `listTranscripts`. Failures surface as
 * `TandemError('STATE_UNAVAILABLE')`.
 */
export class RedisTranscriptStore implements TranscriptStore {
  private readonly options: RedisTranscriptStoreOptions;
  private readonly serial = new SerialByKey();

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: Partial<RedisTranscriptStoreOptions> = {},
  ) {
    this.options = { ...defaultTranscriptStoreOptions, ...options };
  }

  async logActivity(activity: Activity): Promise<void> {
    const stored = storedActivity(activity, this.options.sealer);
    const { channelId, conversationId } = stored;
    const write = () =>
      runRedis(this.redis, async () => {
        // The index lives in another slot, so it cannot join the script; NX keeps the first time seen.
        await this.redis.zadd(this.keys.transcriptIndex(channelId), 'NX', stored.at, conversationId);
        // The index outlives its newest transcript by no more than one lifetime; listing skips expired ones.
        if (this.options.ttlSeconds > 0) await this.redis.expire(this.keys.transcriptIndex(channelId), this.options.ttlSeconds);
        await append.run(
          this.redis,
          [this.keys.transcript(channelId, conversationId), this.keys.transcriptSeq(channelId, conversationId), this.keys.transcriptIds(channelId, conversationId)],
          [stored.json, this.options.maxActivitiesPerConversation, this.options.ttlSeconds, stored.inboundId],
        );
      });
    if (!this.options.preserveOrder) return write();
    return this.serial.run(`${channelId}\n${conversationId}`, write);
  }

  async getTranscriptActivities(
    channelId: string,
    conversationId: string,
    continuationToken?: string,
    startDate?: Date,
  ): Promise<PagedResult<Activity>> {
    const key = this.keys.transcript(requireId(channelId, 'channelId'), requireId(conversationId, 'conversationId'));
    const fetchAfter = async (afterSeq: number, count: number): Promise<TranscriptEntry[]> => {
      const raw = await runRedis(this.redis, () => rangeAfter.run(this.redis, [key], [afterSeq, count]));
      return (Array.isArray(raw) ? raw : []).filter((r): r is string => typeof r === 'string').map(parseEntry);
    };
    return pageActivities(fetchAfter, continuationToken, this.options.pageSize, startDate);
  }

  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    const index = this.keys.transcriptIndex(requireId(channelId, 'channelId'));
    const cursor = parseListToken(continuationToken);
    const { pageSize } = this.options;
    let start = 0;
    if (cursor) {
      const rank = await runRedis(this.redis, () => this.redis.zrank(index, cursor.id));
      // A deleted cursor conversation: restart at its creation time and skip what came before it.
      start = rank !== null ? rank + 1 : await runRedis(this.redis, () => this.redis.zcount(index, '-inf', `(${cursor.created}`));
    }
    const found: TranscriptInfo[] = [];
    for (;;) {
      const flat = await runRedis(this.redis, () => this.redis.zrange(index, start, String(start + pageSize), 'WITHSCORES'));
      const candidates: Array<{ id: string; created: number }> = [];
      for (let i = 0; i + 1 < flat.length; i += 2) candidates.push({ id: flat[i] ?? '', created: Number(flat[i + 1]) });
      const fresh = candidates.filter((c) => isAfterCursor(c, cursor));
      // Transcripts that expired by TTL leave their index entry behind; drop those as we meet them.
      const alive = await runRedis(this.redis, () =>
        Promise.all(fresh.map((c) => this.redis.exists(this.keys.transcript(channelId, c.id)))),
      );
      const gone = fresh.filter((_c, i) => alive[i] === 0).map((c) => c.id);
      if (gone.length > 0) await runRedis(this.redis, () => this.redis.zrem(index, ...gone));
      for (const [i, c] of fresh.entries()) {
        if (alive[i] !== 0) found.push({ channelId, id: c.id, created: new Date(c.created) });
      }
      if (found.length > pageSize || candidates.length < pageSize + 1) break;
      start += candidates.length - gone.length;
    }
    const items = found.slice(0, pageSize);
    const last = items[items.length - 1];
    return { items, continuationToken: found.length > pageSize && last ? listToken(last) : '' };
  }

  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    requireId(channelId, 'channelId');
    requireId(conversationId, 'conversationId');
    await runRedis(this.redis, () =>
      Promise.all([
        this.redis.del(this.keys.transcript(channelId, conversationId)),
        this.redis.del(this.keys.transcriptSeq(channelId, conversationId)),
        this.redis.del(this.keys.transcriptIds(channelId, conversationId)),
        this.redis.zrem(this.keys.transcriptIndex(channelId), conversationId),
      ]),
    );
  }
}
