import { z } from 'zod';
import { decodeEncryptionKey } from './encryptionKey';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const numIn = (min: number, max: number) => z.coerce.number().min(min).max(max);

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as America/New_York' },
);

const redisUrl = z
  .string()
  .regex(/^rediss?:\/\/[^\s]+$/, { message: 'must look like redis://host:port[/db] or rediss://…' });

/** A Redis Cluster seed node; the client discovers the other masters and replicas from it. */
export interface RedisClusterNode {
  readonly host: string;
  readonly port: number;
}

// `host:port,host:port` (as Spring Boot's spring.data.redis.cluster.nodes); IPv6 hosts go in brackets.
const redisClusterNodes = z.string().transform((text, ctx): RedisClusterNode[] => {
  const nodes: RedisClusterNode[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(part);
    const port = Number(m?.[2]);
    if (!m || port < 1 || port > 65535) {
      ctx.addIssue({ code: 'custom', message: `node "${part}" must look like host:port, e.g. REDIS_CLUSTER_NODES=10.0.0.1:7000,10.0.0.2:7000` });
      return z.NEVER;
    }
    nodes.push({ host: (m[1] ?? '').replace(/^\[|\]$/g, ''), port });
  }
  return nodes;
});

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** One opening window: the weekdays it applies to (0 = Sunday) and minutes since local midnight. */
export interface BusinessHoursRule {
  readonly days: readonly number[];
  readonly startMinute: number;
  readonly endMinute: number;
}

function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 24 * 60 ? minutes : null;
}

/** Parses `mon-fri 08:00-18:00; sat 09:00-13:00` (or `24/7`); returns an error message on bad input. */
function parseBusinessHours(text: string): BusinessHoursRule[] | string {
  const spec = text.trim().toLowerCase();
  if (spec === '24/7' || spec === 'always') return [{ days: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 24 * 60 }];
  const rules: BusinessHoursRule[] = [];
  for (const part of spec.split(/[;,]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(part);
    const first = m ? weekdays.indexOf(m[1] as (typeof weekdays)[number]) : -1;
    const last = m ? weekdays.indexOf((m[2] ?? m[1]) as (typeof weekdays)[number]) : -1;
    const start = m ? parseClock(m[3] ?? '') : null;
    const end = m ? parseClock(m[4] ?? '') : null;
    if (first < 0 || last < 0 || start === null || end === null) {
      return `BUSINESS_HOURS part "${part}" must look like "mon-fri 08:00-18:00" (days sun..sat, 24-hour times), or be "24/7"`;
    }
    if (end <= start) return `BUSINESS_HOURS part "${part}" must end after it starts (overnight windows are not supported)`;
    const days: number[] = [];
    for (let d = first; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === last) break;
    }
    rules.push({ days, startMinute: start, endMinute: end });
  }
  return rules.length > 0 ? rules : 'BUSINESS_HOURS must name at least one window, e.g. "mon-fri 08:00-18:00"';
}

const businessHours = z.string().transform((text, ctx) => {
  const parsed = parseBusinessHours(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const isoDateList = z.string().transform((text, ctx) => {
  const dates = text.split(',').map((d) => d.trim()).filter(Boolean);
  for (const date of dates) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
    if (!valid) {
      ctx.addIssue({ code: 'custom', message: `BUSINESS_HOLIDAYS entry "${date}" must be an ISO date such as 2025-12-25` });
      return z.NEVER;
    }
  }
  return dates;
});

export const llmProviders = ['none', 'openai', 'azure-openai', 'ollama'] as const;
export type LlmProvider = (typeof llmProviders)[number];

interface LlmSettings {
  LLM_PROVIDER: LlmProvider;
  LLM_API_KEY?: string;
  LLM_BASE_URL?: string;
  AZURE_OPENAI_API_INSTANCE_NAME?: string;
  AZURE_OPENAI_API_DEPLOYMENT_NAME?: string;
}

/** A provider that needs credentials fails start-up naming the missing key. */
function checkLlmSettings(env: LlmSettings, ctx: z.RefinementCtx): void {
  const need = (key: keyof LlmSettings, why: string) => {
    if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `is required when ${why}` });
  };
  if (env.LLM_PROVIDER === 'openai') need('LLM_API_KEY', 'LLM_PROVIDER=openai');
  if (env.LLM_PROVIDER === 'azure-openai') {
    need('LLM_API_KEY', 'LLM_PROVIDER=azure-openai');
    need('AZURE_OPENAI_API_DEPLOYMENT_NAME', 'LLM_PROVIDER=azure-openai');
    if (!env.LLM_BASE_URL) need('AZURE_OPENAI_API_INSTANCE_NAME', 'LLM_PROVIDER=azure-openai and LLM_BASE_URL is unset');
  }
}

/** One Redis or one Redis Cluster: both set would leave it unclear where the state lives. */
function checkRedisTarget(env: { REDIS_URL?: string | undefined; REDIS_CLUSTER_NODES?: readonly RedisClusterNode[] | undefined }, ctx: z.RefinementCtx): void {
  if (env.REDIS_URL !== undefined && env.REDIS_CLUSTER_NODES !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'cannot be set together with REDIS_URL: set REDIS_URL for one Redis, or REDIS_CLUSTER_NODES for a Redis Cluster' });
  }
}

/**
 * Every environment key Tandem reads, with its default. `.env.example` documents each one;
 * test/config/envExample.test.ts keeps the two in step.
 */
export const envSchema = z.object({
  // HTTP
  PORT: intIn(0, 65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  MAX_BODY_BYTES: intIn(1024, 10 * 1024 * 1024).default(256 * 1024),
  MAX_JSON_DEPTH: intIn(8, 1000).default(64),
  HTTP_IDLE_SOCKET_TIMEOUT_SECONDS: intIn(30, 86_400).default(600),
  SHUTDOWN_GRACE_MS: intIn(0, 120_000).default(10_000),

  // Bot Framework identity; empty app id means anonymous (Emulator, tests).
  MICROSOFT_APP_ID: z.string().default(''),
  MICROSOFT_APP_PASSWORD: z.string().default(''),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().default(''),

  // State
  REDIS_URL: redisUrl.optional(),
  REDIS_CLUSTER_NODES: redisClusterNodes.optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'must be 1-32 lowercase letters, digits, _ or -' })
    .default('tandem'),
  DEDUPE_TTL_SECONDS: intIn(1, 7 * 24 * 3600).default(3600),
  DEDUPE_LEASE_MS: intIn(500, 600_000).default(10_000),
  BOT_STATE_TTL_SECONDS: intIn(60, 365 * 24 * 3600).default(7 * 24 * 3600),
  TRANSCRIPT_TTL_SECONDS: intIn(60, 365 * 24 * 3600).default(30 * 24 * 3600),
  // Seals the words as written next to each redacted transcript line, for supervisors, clinicians and the handling agent.
  TRANSCRIPT_ENCRYPTION_KEY: z
    .string()
    .refine((key) => decodeEncryptionKey(key) !== undefined, {
      message: 'must be 32 random bytes as base64 (openssl rand -base64 32) or as 64 hex digits',
    })
    .optional(),
  CONVERSATION_LOCK_TTL_MS: intIn(100, 120_000).default(15_000),
  CONVERSATION_LOCK_WAIT_MS: intIn(0, 120_000).default(10_000),

  // Observability
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // Conversation defaults
  DEFAULT_TIMEZONE: timeZone.default('America/New_York'),
  MAX_MESSAGE_CHARS: intIn(100, 1_000_000).default(4000),

  // Human handoff policy
  HANDOFF_FRUSTRATION_THRESHOLD: numIn(0, 1).default(0.7),
  HANDOFF_FRUSTRATION_THRESHOLD_HEALTHCARE: numIn(0, 1).default(0.55),
  HANDOFF_FRUSTRATION_THRESHOLD_LEGAL: numIn(0, 1).default(0.6),
  HANDOFF_FALLBACKS_BEFORE_OFFER: intIn(1, 20).default(3),
  HANDOFF_FIELD_FAILURES: intIn(1, 20).default(3),

  // Human handoff queue
  HANDOFF_LEASE_SECONDS: intIn(5, 3600).default(90),
  HANDOFF_QUEUE_TIMEOUT_SECONDS: intIn(30, 7 * 24 * 3600).default(900),
  HANDOFF_DEFAULT_HANDLE_SECONDS: intIn(10, 24 * 3600).default(300),
  HANDOFF_HANDLE_HISTORY: intIn(1, 10_000).default(50),
  HANDOFF_NOTIFY_MIN_INTERVAL_SECONDS: intIn(0, 3600).default(60),
  HANDOFF_CALLBACK_SLA_MINUTES: intIn(0, 7 * 24 * 60).default(60),
  CALLBACK_TICKET_TTL_SECONDS: intIn(3600, 365 * 24 * 3600).default(30 * 24 * 3600),
  HANDOFF_MESSAGE_IDEMPOTENCY_TTL_SECONDS: intIn(60, 30 * 24 * 3600).default(24 * 3600),
  HANDOFF_INSIGHTS_MAX_ITEMS: intIn(1, 1000).default(50),
  HANDOFF_INSIGHTS_TTL_SECONDS: intIn(60, 365 * 24 * 3600).default(7 * 24 * 3600),
  AGENT_PRESENCE_TTL_SECONDS: intIn(5, 3600).default(45),
  HANDOFF_SWEEP_INTERVAL_SECONDS: intIn(1, 3600).default(5),

  // Handoff hubs allowed to send handoff.status on /api/messages (DESIGN §5); none by default.
  HANDOFF_HUB_TOKEN: z.string().min(32, { message: 'must be at least 32 characters (e.g. openssl rand -base64 48)' }).optional(),
  HANDOFF_HUB_APP_IDS: z
    .string()
    .transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean))
    .prefault(''),

  // Rate limits of the anonymous endpoints, per minute (shared by every process through Redis when REDIS_URL is set).
  RATE_LIMIT_CHAT_TOKENS_PER_MINUTE: intIn(1, 1_000_000).default(30),
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: intIn(1, 1_000_000).default(20),
  RATE_LIMIT_TOKEN_REFRESHES_PER_MINUTE: intIn(1, 1_000_000).default(10),
  RATE_LIMIT_ACTIVITIES_PER_MINUTE: intIn(1, 1_000_000).default(120),
  RATE_LIMIT_MESSAGES_PER_MINUTE: intIn(1, 1_000_000).default(1200),

  // Agent API (src/http/agent)
  AGENT_RATE_LIMIT_PER_SECOND: numIn(0.1, 100_000).default(20),
  AGENT_RATE_LIMIT_BURST: intIn(1, 100_000).default(60),
  AGENT_SSE_HEARTBEAT_SECONDS: intIn(1, 300).default(15),
  AGENT_READ_AFTER_RELEASE_SECONDS: intIn(0, 24 * 3600).default(300),
  VIEW_AUDIT_TTL_SECONDS: intIn(3600, 10 * 365 * 24 * 3600).default(365 * 24 * 3600),

  // Business hours (callback routing)
  BUSINESS_HOURS: businessHours.prefault('24/7'),
  BUSINESS_TIMEZONE: timeZone.default('America/New_York'),
  BUSINESS_HOLIDAYS: isoDateList.prefault(''),

  // Prescription refill requests (dialogs/refills): the care team's promised answer, and the tickets' lifetime.
  REFILL_REPLY_BUSINESS_DAYS: intIn(1, 30).default(2),
  REFILL_TICKET_TTL_SECONDS: intIn(24 * 3600, 365 * 24 * 3600).default(30 * 24 * 3600),

  // Direct Line subset for the web chat page (src/http/directline).
  DIRECTLINE_SECRET: z.string().min(32, { message: 'must be at least 32 characters (e.g. openssl rand -base64 48)' }).optional(),
  DIRECTLINE_TOKEN_TTL_SECONDS: intIn(900, 24 * 3600).default(1800),
  DIRECTLINE_CONVERSATION_TTL_SECONDS: intIn(300, 30 * 24 * 3600).default(24 * 3600),
  DIRECTLINE_HISTORY_MAX: intIn(10, 10_000).default(500),
  DIRECTLINE_MAX_ACTIVITY_BYTES: intIn(1024, 1024 * 1024).default(32 * 1024),

  // Agent directory: a JSON array in AGENTS_JSON, or a path to a JSON file in AGENTS_FILE.
  AGENTS_JSON: z.string().optional(),
  AGENTS_FILE: z.string().optional(),

  // Optional LLM (src/llm). "none" = retrieval-only answers and extractive summaries, no network.
  LLM_PROVIDER: z.enum(llmProviders).default('none'),
  LLM_MODEL: z.string().default(''),
  LLM_API_KEY: z.string().optional(),
  LLM_BASE_URL: z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'must be an http(s) URL such as http://127.0.0.1:11434' }).optional(),
  LLM_TIMEOUT_MS: intIn(100, 120_000).default(8000),
  AZURE_OPENAI_API_INSTANCE_NAME: z.string().optional(),
  AZURE_OPENAI_API_DEPLOYMENT_NAME: z.string().optional(),
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),
})
  .superRefine(checkLlmSettings)
  .superRefine(checkRedisTarget);

export type Env = z.infer<typeof envSchema>;
export { bool, intIn, numIn, timeZone };
