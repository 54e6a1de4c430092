import { z } from 'zod';
import { TandemError } from '../errors';

const slotValue = z.union([z.string().max(1000), z.number(), z.boolean()]);

/** What the bot learned in one turn; every part is optional. Validated before it is stored. */
export const turnInsightSchema = z
  .object({
    at: z.iso.datetime(),
    intent: z.object({ intent: z.string().max(100).nullable(), confidence: z.number().min(0).max(1) }).optional(),
    sentiment: z.object({ score: z.number().min(-1).max(1), frustration: z.number().min(0).max(1) }).optional(),
    frustrationReasons: z.array(z.string().min(1).max(64)).max(32).optional(),
    /** Merged into the slots; a null value removes that slot. */
    slots: z.record(z.string().min(1).max(64), slotValue.nullable()).optional(),
    /** The active form's progress; null when no form is active. */
    form: z
      .object({
        form: z.string().min(1).max(100),
        completed: z.number().int().min(0),
        total: z.number().int().min(0),
        currentField: z.string().max(64).optional(),
      })
      .nullable()
      .optional(),
    /** Domain lookups made this turn (order status, appointment slots…), as short summaries. */
    lookups: z.array(z.object({ kind: z.string().min(1).max(64), summary: z.string().max(1000) })).max(20).optional(),
  })
  .strict();

export type TurnInsight = z.input<typeof turnInsightSchema>;
export type SlotValue = z.infer<typeof slotValue>;
export type FormProgress = NonNullable<z.infer<typeof turnInsightSchema>['form']>;

export interface IntentPoint {
  readonly intent: string | null;
  readonly confidence: number;
  readonly at: string;
}

export interface SentimentPoint {
  readonly score: number;
  readonly frustration: number;
  readonly at: string;
}

export interface LookupRecord {
  readonly kind: string;
  readonly summary: string;
  readonly at: string;
}

/** Everything the agent's context pack shows besides the transcript and the record. */
export interface ConversationInsights {
  readonly intents: readonly IntentPoint[];
  readonly sentiment: readonly SentimentPoint[];
  /** Distinct reasons, least recently seen first. */
  readonly frustrationReasons: readonly string[];
  readonly slots: Readonly<Record<string, SlotValue>>;
  readonly form: FormProgress | null;
  readonly lookups: readonly LookupRecord[];
}

/** Per-turn insights the bot appends and the agent reads; lists are bounded to the newest items. */
export interface ConversationInsightsStore {
  append(conversationId: string, insight: TurnInsight): Promise<void>;
  get(conversationId: string): Promise<ConversationInsights>;
  clear(conversationId: string): Promise<void>;
}

export const emptyInsights: ConversationInsights = Object.freeze({
  intents: [],
  sentiment: [],
  frustrationReasons: [],
  slots: {},
  form: null,
  lookups: [],
});

/** Parses a turn insight, or throws UNPROCESSABLE naming the bad field. */
export function parseTurnInsight(insight: TurnInsight): z.infer<typeof turnInsightSchema> {
  const parsed = turnInsightSchema.safeParse(insight);
  if (!parsed.success) {
    throw new TandemError('UNPROCESSABLE', `bad turn insight: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

interface MutableInsights {
  intents: IntentPoint[];
  sentiment: SentimentPoint[];
  reasons: Map<string, number>;
  slots: Record<string, SlotValue>;
  form: FormProgress | null;
  lookups: LookupRecord[];
}

const keepLast = <T>(items: T[], max: number) => (items.length > max ? items.slice(items.length - max) : items);

/** In-process insights (development, tests). */
export class MemoryInsightsStore implements ConversationInsightsStore {
  private readonly data = new Map<string, MutableInsights>();

  constructor(private readonly maxItems: number) {}

  async append(conversationId: string, insight: TurnInsight): Promise<void> {
    const turn = parseTurnInsight(insight);
    const d: MutableInsights = this.data.get(conversationId) ?? {
      intents: [],
      sentiment: [],
      reasons: new Map(),
      slots: {},
      form: null,
      lookups: [],
    };
    if (turn.intent) d.intents = keepLast([...d.intents, { ...turn.intent, at: turn.at }], this.maxItems);
    if (turn.sentiment) d.sentiment = keepLast([...d.sentiment, { ...turn.sentiment, at: turn.at }], this.maxItems);
    for (const reason of turn.frustrationReasons ?? []) {
      d.reasons.delete(reason);
      d.reasons.set(reason, Date.parse(turn.at));
    }
    while (d.reasons.size > this.maxItems) d.reasons.delete(d.reasons.keys().next().value as string);
    for (const [key, value] of Object.entries(turn.slots ?? {})) {
      if (value === null) delete d.slots[key];
      else d.slots[key] = value;
    }
    if (turn.form !== undefined) d.form = turn.form;
    if (turn.lookups) d.lookups = keepLast([...d.lookups, ...turn.lookups.map((l) => ({ ...l, at: turn.at }))], this.maxItems);
    this.data.set(conversationId, d);
  }

  async get(conversationId: string): Promise<ConversationInsights> {
    const d = this.data.get(conversationId);
    if (!d) return emptyInsights;
    return {
      intents: [...d.intents],
      sentiment: [...d.sentiment],
      frustrationReasons: [...d.reasons.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r),
      slots: { ...d.slots },
      form: d.form,
      lookups: [...d.lookups],
    };
  }

  async clear(conversationId: string): Promise<void> {
    this.data.delete(conversationId);
  }
}
