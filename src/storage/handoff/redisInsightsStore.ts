import type { RedisConnection } from '../redis/redisConnection';
import { z } from 'zod';
import {
  emptyInsights,
  parseTurnInsight,
  type ConversationInsights,
  type ConversationInsightsStore,
  type FormProgress,
  type IntentPoint,
  type LookupRecord,
  type SentimentPoint,
  type SlotValue,
  type TurnInsight,
} from '../../handoff/insights';
import type { KeyRegistry } from '../keys';
import { runRedis } from '../redis/runRedis';

const parts = ['intents', 'sentiment', 'reasons', 'slots', 'form', 'lookups'] as const;
type Part = (typeof parts)[number];

const intentPoint = z.object({ intent: z.string().nullable(), confidence: z.number(), at: z.string() });
const sentimentPoint = z.object({ score: z.number(), frustration: z.number(), at: z.string() });
const lookupRecord = z.object({ kind: z.string(), summary: z.string(), at: z.string() });
const formProgress = z.object({ form: z.string(), completed: z.number(), total: z.number(), currentField: z.string().optional() });
const slotValue = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Insights on Redis, under the conversation's hash tag: capped lists for intents, sentiment and
 * lookups, a sorted set of frustration reasons by last sighting, a hash of slots and the form's
 * progress. Every append refreshes the retention TTL of all of them.
 */
export class RedisInsightsStore implements ConversationInsightsStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: KeyRegistry,
    private readonly options: { maxItems: number; ttlSeconds: number },
  ) {}

  async append(conversationId: string, insight: TurnInsight): Promise<void> {
    const turn = parseTurnInsight(insight);
    const key = (part: Part) => this.keys.insights(conversationId, part);
    const max = this.options.maxItems;
    const tx = this.redis.multi();
    if (turn.intent) tx.rpush(key('intents'), JSON.stringify({ ...turn.intent, at: turn.at })).ltrim(key('intents'), -max, -1);
    if (turn.sentiment) tx.rpush(key('sentiment'), JSON.stringify({ ...turn.sentiment, at: turn.at })).ltrim(key('sentiment'), -max, -1);
    for (const reason of turn.frustrationReasons ?? []) tx.zadd(key('reasons'), Date.parse(turn.at), reason);
    if (turn.frustrationReasons?.length) tx.zremrangebyrank(key('reasons'), 0, -max - 1);
    for (const [slot, value] of Object.entries(turn.slots ?? {})) {
      if (value === null) tx.hdel(key('slots'), slot);
      else tx.hset(key('slots'), slot, JSON.stringify(value));
    }
    if (turn.form === null) tx.del(key('form'));
    else if (turn.form !== undefined) tx.set(key('form'), JSON.stringify(turn.form));
    for (const lookup of turn.lookups ?? []) tx.rpush(key('lookups'), JSON.stringify({ ...lookup, at: turn.at }));
    if (turn.lookups?.length) tx.ltrim(key('lookups'), -max, -1);
    for (const part of parts) tx.expire(key(part), this.options.ttlSeconds);
    await runRedis(this.redis, () => tx.exec());
  }

  async get(conversationId: string): Promise<ConversationInsights> {
    const key = (part: Part) => this.keys.insights(conversationId, part);
    const replies = await runRedis(this.redis, () =>
      this.redis
        .multi()
        .lrange(key('intents'), 0, -1)
        .lrange(key('sentiment'), 0, -1)
        .zrange(key('reasons'), '0', '-1')
        .hgetall(key('slots'))
        .get(key('form'))
        .lrange(key('lookups'), 0, -1)
        .exec(),
    );
    if (!replies) return emptyInsights;
    const [intents, sentiment, reasons, slots, form, lookups] = replies.map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    const list = <T>(value: unknown, schema: z.ZodType<T>): T[] => (value as string[]).map((item) => schema.parse(JSON.parse(item)));
    return {
      intents: list<IntentPoint>(intents, intentPoint),
      sentiment: list<SentimentPoint>(sentiment, sentimentPoint),
      frustrationReasons: (reasons as string[]).map(String),
      slots: Object.fromEntries(
        Object.entries(slots as Record<string, string>).map(([k, v]) => [k, slotValue.parse(JSON.parse(v)) as SlotValue]),
      ),
      form: typeof form === 'string' ? (formProgress.parse(JSON.parse(form)) as FormProgress) : null,
      lookups: list<LookupRecord>(lookups, lookupRecord),
    };
  }

  async clear(conversationId: string): Promise<void> {
    await runRedis(this.redis, () => this.redis.del(...parts.map((p) => this.keys.insights(conversationId, p))));
  }
}
