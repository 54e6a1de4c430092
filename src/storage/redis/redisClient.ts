import Redis, { type RedisOptions } from 'ioredis';
import type { Logger } from '../../observability/logger';

/** Tuning of the Redis connections, each with its default in `defaultRedisClientOptions`. */
export interface RedisClientOptions {
  /** How long one command may wait for its reply before it fails with STATE_UNAVAILABLE. */
  commandTimeoutMs: number;
  /** How long opening a TCP connection (and the first command waiting for it) may take. */
  connectTimeoutMs: number;
  /** The longest pause between two reconnect attempts during an outage (attempts never stop). */
  maxReconnectDelayMs: number;
  /** Shown in `CLIENT LIST`, to tell Tandem's connections apart. */
  connectionName: string;
}

export const defaultRedisClientOptions: RedisClientOptions = {
  commandTimeoutMs: 1000,
  connectTimeoutMs: 1000,
  maxReconnectDelayMs: 1000,
  connectionName: 'tandem',
};

interface ClientMeta {
  /** REDIS_URL without its credentials, safe for logs and error messages. */
  displayUrl: string;
  connectTimeoutMs: number;
}

// Per-client facts the command guard needs; a WeakMap so that nothing outlives its client.
const clientMeta = new WeakMap<Redis, ClientMeta>();

/** The client's REDIS_URL with any username/password masked, for messages. */
export function redisDisplayUrl(redis: Redis): string {
  return clientMeta.get(redis)?.displayUrl ?? 'redis://(unknown)';
}

/** How long a command may wait for a connection that is still being opened. */
export function redisConnectWaitMs(redis: Redis): number {
  return clientMeta.get(redis)?.connectTimeoutMs ?? defaultRedisClientOptions.connectTimeoutMs;
}

/** `url` with credentials replaced by `***`; never throws. */
export function maskRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username) parsed.username = '***';
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'redis://(unparseable REDIS_URL)';
  }
}

function withoutSecrets(message: string, url: string): string {
  let out = message;
  try {
    const { password, username } = new URL(url);
    for (const secret of [password, decodeURIComponent(password), username]) {
      if (secret.length > 0) out = out.split(secret).join('***');
    }
  } catch {
    // An unparseable URL has no credentials we could recognise.
  }
  return out;
}

function baseOptions(options: RedisClientOptions): RedisOptions {
  return {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs,
    connectionName: options.connectionName,
    // Reconnect forever with a short capped backoff, so turns recover when Redis returns.
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), options.maxReconnectDelayMs),
    enableReadyCheck: true,
    // ioredis waits this long for a socket to close after QUIT/disconnect before destroying it (and keeps
    // the process alive meanwhile, even when the socket was already gone); its default is 2000 ms.
    disconnectTimeout: 500,
  };
}

function watchOutages(redis: Redis, url: string, logger: Logger, role: string): void {
  const displayUrl = maskRedisUrl(url);
  let down = false;
  // ioredis emits 'error' on every failed reconnect attempt; log once per outage, not once per attempt.
  redis.on('error', (error: Error & { code?: string }) => {
    if (down) return;
    down = true;
    logger.error(
      { redis: { role, url: displayUrl, code: error.code }, err: { message: withoutSecrets(error.message, url) } },
      `Redis at REDIS_URL=${displayUrl} is unreachable; state operations fail with STATE_UNAVAILABLE and the client keeps reconnecting. Check REDIS_URL and that Redis is running.`,
    );
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ redis: { role, url: displayUrl } }, `Redis at REDIS_URL=${displayUrl} is reachable again`);
  });
}

/**
 * A command connection configured to fail fast and heal by itself: the connection opens lazily on
 * first use, commands never queue while Redis is down (`enableOfflineQueue: false`), each command has
 * a timeout, and reconnects continue with a short backoff. Use `runRedis` around commands to turn
 * failures into `TandemError('STATE_UNAVAILABLE')`. Errors are logged once per outage, naming REDIS_URL
 * without its password.
 */
export function createRedisClient(url: string, logger: Logger, options: Partial<RedisClientOptions> = {}): Redis {
  const resolved = { ...defaultRedisClientOptions, ...options };
  const redis = new Redis(url, {
    ...baseOptions(resolved),
    enableOfflineQueue: false,
    commandTimeout: resolved.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    // A write whose reply was lost must not be replayed after a reconnect: the caller already saw it fail.
    autoResendUnfulfilledCommands: false,
  });
  clientMeta.set(redis, { displayUrl: maskRedisUrl(url), connectTimeoutMs: resolved.connectTimeoutMs });
  watchOutages(redis, url, logger, 'commands');
  return redis;
}

/**
 * A separate connection for pub/sub (a subscribed connection cannot run other commands). It queues
 * SUBSCRIBE calls made while Redis is down and resubscribes after every reconnect.
 */
export function createSubscriberClient(url: string, logger: Logger, options: Partial<RedisClientOptions> = {}): Redis {
  const resolved = { ...defaultRedisClientOptions, connectionName: 'tandem-subscriber', ...options };
  const redis = new Redis(url, {
    ...baseOptions(resolved),
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    autoResubscribe: true,
  });
  clientMeta.set(redis, { displayUrl: maskRedisUrl(url), connectTimeoutMs: resolved.connectTimeoutMs });
  watchOutages(redis, url, logger, 'subscriber');
  return redis;
}

/**
 * Closes a client: when connected, QUIT (so pending replies arrive first) and wait for the socket to
 * end; otherwise stop reconnecting and drop the socket at once. Never throws.
 */
export async function closeRedisClient(redis: Redis, timeoutMs = 1000): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    redis.once('end', resolve);
  });
  // A failed QUIT still needs the socket closed, which the disconnect below does.
  await redis.quit().catch(() => undefined);
  await ended;
  clearTimeout(timer);
  // Read afresh: the status changed while we awaited (TypeScript still narrows it to 'ready').
  if ((redis.status as string) !== 'end') redis.disconnect();
}
