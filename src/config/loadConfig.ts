import { envSchema, type Env } from './schema';

export type AppConfig = Readonly<Env>;

/** Thrown when the environment does not satisfy the schema; the message names every bad key. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly { key: string; problem: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.key}: ${i.problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Empty strings count as "unset" so that `KEY=` in a .env file falls back to the default. */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** Validates the environment once and returns a deep-frozen config. The only reader of process.env. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        key: issue.path.map(String).join('.') || '(root)',
        problem: issue.message,
      })),
    );
  }
  return deepFreeze(parsed.data);
}
