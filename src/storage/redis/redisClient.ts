import Redis, { Cluster, type RedisOptions } from 'ioredis';
import type { RedisClusterNode } from '../../config/schema';
import type { Logger } from '../../observability/logger';
import type { RedisConnection } from './redisConnection';

/** Where the state lives: one Redis server (REDIS_URL) or the seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisTarget = string | { readonly clusterNodes: readonly RedisClusterNode[] };

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
  /** The setting that points at this Redis, without credentials (`REDIS_URL=…` or `REDIS_CLUSTER_NODES=…`). */
  displayTarget: string;
  connectTimeoutMs: number;
}

// Per-client facts the command guard needs; a WeakMap so that nothing outlives its client.
const clientMeta = new WeakMap<RedisConnection, ClientMeta>();

/** The setting that names the client's Redis, credentials masked, for messages: `REDIS_URL=redis://:***@host:6379`. */
export function redisDisplayTarget(redis: RedisConnection): string {
  return clientMeta.get(redis)?.displayTarget ?? 'REDIS_URL=redis://(unknown)';
}

function displayTarget(target: RedisTarget): string {
  if (typeof target === 'string') return `REDIS_URL=${maskRedisUrl(target)}`;
  return `REDIS_CLUSTER_NODES=${target.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
}

/** How long a command may wait for a connection that is still being opened. */
export function redisConnectWaitMs(redis: RedisConnection): number {
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

function withoutSecrets(message: string, target: RedisTarget): string {
  if (typeof target !== 'string') return message;
  const url = target;
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

function watchOutages(redis: RedisConnection, target: RedisTarget, logger: Logger, role: string): void {
  const shown = displayTarget(target);
  let down = false;
  // ioredis emits 'error' on every failed reconnect attempt; log once per outage, not once per attempt.
  redis.on('error', (error: Error & { code?: string }) => {
    if (down) return;
    down = true;
    logger.error(
      { redis: { role, target: shown, code: error.code }, err: { message: withoutSecrets(error.message, target) } },
      `Redis at ${shown} is unreachable; state operations fail with STATE_UNAVAILABLE and the client keeps reconnecting. Check ${shown.split('=')[0]} and that Redis is running.`,
    );
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ redis: { role, target: shown } }, `Redis at ${shown} is reachable again`);
  });
}

// Per-node settings of a cluster's connections (ioredis sets the offline queue and retries of each node itself).
function clusterNodeOptions(options: RedisOptions): NonNullable<ConstructorParameters<typeof Cluster>[1]>['redisOptions'] {
  const { retryStrategy: _perNodeRetry, enableOfflineQueue: _perNodeQueue, lazyConnect: _lazy, ...rest } = options;
  return rest;
}

function connect(target: RedisTarget, options: RedisOptions): RedisConnection {
  if (typeof target === 'string') return new Redis(target, options);
  return new Cluster([...target.clusterNodes], {
    lazyConnect: options.lazyConnect ?? true,
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    enableReadyCheck: true,
    clusterRetryStrategy: options.retryStrategy ?? null,
    redisOptions: clusterNodeOptions(options),
  });
}

function track(redis: RedisConnection, target: RedisTarget, logger: Logger, role: string, options: RedisClientOptions): RedisConnection {
  clientMeta.set(redis, { displayTarget: displayTarget(target), connectTimeoutMs: options.connectTimeoutMs });
  watchOutages(redis, target, logger, role);
  return redis;
}

/**
 * A command connection configured to fail fast and heal by itself: the connection opens lazily on
 * first use, commands never queue while Redis is down (`enableOfflineQueue: false`), each command has
 * a timeout, and reconnects continue with a short backoff. Use `runRedis` around commands to turn
 * failures into `TandemError('STATE_UNAVAILABLE')`. Errors are logged once per outage, naming the
 * setting (REDIS_URL or REDIS_CLUSTER_NODES) without its password.
 */
export function createRedisClient(target: string, logger: Logger, options?: Partial<RedisClientOptions>): Redis;
export function createRedisClient(target: RedisTarget, logger: Logger, options?: Partial<RedisClientOptions>): RedisConnection;
export function createRedisClient(target: RedisTarget, logger: Logger, options: Partial<RedisClientOptions> = {}): RedisConnection {
  const resolved = { ...defaultRedisClientOptions, ...options };
  const redis = connect(target, {
    ...baseOptions(resolved),
    enableOfflineQueue: false,
    commandTimeout: resolved.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    // A write whose reply was lost must not be replayed after a reconnect: the caller already saw it fail.
    autoResendUnfulfilledCommands: false,
  });
  return track(redis, target, logger, 'commands', resolved);
}

/**
 * A separate connection for pub/sub (a subscribed connection cannot run other commands). It queues
 * SUBSCRIBE calls made while Redis is down and resubscribes after every reconnect. On a cluster,
 * ioredis subscribes on one node; Redis Cluster forwards every PUBLISH to all nodes.
 */
export function createSubscriberClient(target: RedisTarget, logger: Logger, options: Partial<RedisClientOptions> = {}): RedisConnection {
  const resolved = { ...defaultRedisClientOptions, connectionName: 'tandem-subscriber', ...options };
  const redis = connect(target, {
    ...baseOptions(resolved),
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    autoResubscribe: true,
  });
  return track(redis, target, logger, 'subscriber', resolved);
}

/**
 * Closes a client: when connected, QUIT (so pending replies arrive first) and wait for the socket to
 * end; otherwise stop reconnecting and drop the socket at once. Never throws.
 */
export async function closeRedisClient(redis: RedisConnection, timeoutMs = 1000): Promise<void> {
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
