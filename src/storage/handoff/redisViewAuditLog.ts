import type { RedisConnection } from '../redis/redisConnection';
import { z } from 'zod';
import { ViewLevel } from '../../handoff/conversationAccess';
import {
  defaultViewAuditOptions,
  ViewedItem,
  type ConversationView,
  type RecordedView,
  type ViewAuditLog,
  type ViewAuditOptions,
  type ViewAuditPage,
} from '../../handoff/viewAudit';
import { AgentRole, valuesOf } from '../../handoff/vocabulary';
import type { KeyRegistry } from '../keys';
import { LuaScript } from '../redis/luaScript';
import { runRedis } from '../redis/runRedis';

// KEYS: 1 views zset, 2 sequence counter. ARGV: 1 view JSON without its seq, 2 most kept, 3 ttl seconds.
// The member carries its own seq, so two identical views stay two members.
const recordView = new LuaScript(`
local seq = redis.call('INCR', KEYS[2])
local member = string.sub(ARGV[1], 1, -2) .. ',"seq":' .. seq .. '}'
redis.call('ZADD', KEYS[1], seq, member)
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[2]) - 1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return seq
`);

const recordedViewSchema = z.object({
  conversationId: z.string(),
  agentId: z.string(),
  role: z.enum(valuesOf(AgentRole)),
  at: z.string(),
  item: z.enum(valuesOf(ViewedItem)),
  level: z.enum(valuesOf(ViewLevel)),
  seq: z.number().int(),
});

/** The view audit log on Redis: one capped, expiring sorted set per conversation, written by one script. */
export class RedisViewAuditLog implements ViewAuditLog {
  private readonly options: ViewAuditOptions;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    options: Partial<ViewAuditOptions> = {},
  ) {
    this.options = { ...defaultViewAuditOptions, ...options };
  }

  async record(view: ConversationView): Promise<RecordedView> {
    const { conversationId, agentId, role, at, item, level } = view;
    const json = JSON.stringify({ conversationId, agentId, role, at, item, level });
    const seq = await runRedis(this.redis, () =>
      recordView.run(
        this.redis,
        [this.keys.viewAudit(conversationId), this.keys.viewAuditSeq(conversationId)],
        [json, this.options.maxPerConversation, this.options.ttlSeconds],
      ),
    );
    return { conversationId, agentId, role, at, item, level, seq: Number(seq) };
  }

  async list(conversationId: string, options: { readonly limit: number; readonly before?: number }): Promise<ViewAuditPage> {
    const max = options.before === undefined ? '+inf' : `(${options.before}`;
    const raw = await runRedis(this.redis, () =>
      this.redis.zrevrangebyscore(this.keys.viewAudit(conversationId), max, '-inf', 'LIMIT', 0, options.limit + 1),
    );
    const views = raw.map((member) => recordedViewSchema.parse(JSON.parse(member)));
    const items = views.slice(0, options.limit);
    const last = items[items.length - 1];
    return { items, nextBefore: views.length > options.limit && last ? last.seq : null };
  }
}
