import { z } from 'zod';

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

/**
 * Every environment key Tandem reads, with its default. `.env.example` documents each one;
 * test/config/envExample.test.ts keeps the two in step.
 */
export const envSchema = z.object({
  // HTTP
  PORT: intIn(0, 65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  MAX_BODY_BYTES: intIn(1024, 10 * 1024 * 1024).default(256 * 1024),
  SHUTDOWN_GRACE_MS: intIn(0, 120_000).default(10_000),

  // Bot Framework identity; empty app id means anonymous (Emulator, tests).
  MICROSOFT_APP_ID: z.string().default(''),
  MICROSOFT_APP_PASSWORD: z.string().default(''),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().default(''),

  // State
  REDIS_URL: redisUrl.optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'must be 1-32 lowercase letters, digits, _ or -' })
    .default('tandem'),
  DEDUPE_TTL_SECONDS: intIn(1, 7 * 24 * 3600).default(3600),
  CONVERSATION_LOCK_TTL_MS: intIn(100, 120_000).default(15_000),
  CONVERSATION_LOCK_WAIT_MS: intIn(0, 120_000).default(10_000),

  // Observability
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  // Conversation defaults
  DEFAULT_TIMEZONE: timeZone.default('America/New_York'),
  MAX_MESSAGE_CHARS: intIn(100, 1_000_000).default(4000),
});

export type Env = z.infer<typeof envSchema>;
export { bool, intIn, numIn, timeZone };
