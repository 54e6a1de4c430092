import type { RedisConnection } from './redisConnection';
import { TandemError } from '../../errors';
import { redisConnectWaitMs, redisDisplayTarget } from './redisClient';

// Replies that mean "this server cannot serve right now" rather than "this command is wrong".
const unavailableReplies = /^(LOADING|READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|BUSY|NOREPLICAS)\b/;

function unavailable(redis: RedisConnection, reason: string, cause?: unknown): TandemError {
  return new TandemError(
    'STATE_UNAVAILABLE',
    `Redis at ${redisDisplayTarget(redis)} ${reason}`,
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

// One wait per connection, shared by every command that arrives while it opens (not a listener set each).
const openings = new WeakMap<RedisConnection, Promise<boolean>>();

function waitForReady(redis: RedisConnection, timeoutMs: number): Promise<boolean> {
  const pending = openings.get(redis);
  if (pending) return pending;
  const opening = new Promise<boolean>((resolve) => {
    const finish = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('reconnecting', onFailed);
      redis.off('end', onFailed);
      resolve(ready);
    };
    const onReady = () => finish(true);
    // A connection attempt that fails moves the client to 'reconnecting': give up at once rather than wait.
    const onFailed = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    redis.once('ready', onReady);
    redis.once('reconnecting', onFailed);
    redis.once('end', onFailed);
  }).finally(() => openings.delete(redis));
  openings.set(redis, opening);
  return opening;
}

/** Maps an error thrown by an ioredis command to a TandemError (STATE_UNAVAILABLE unless it is a bug). */
export function toStateError(redis: RedisConnection, error: unknown): TandemError {
  if (error instanceof TandemError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'ReplyError' && !unavailableReplies.test(message)) {
    return new TandemError('INTERNAL', `Redis rejected a command: ${message}`, undefined, { cause: error });
  }
  return unavailable(redis, `failed: ${message}`, error);
}

/**
 * Runs Redis commands so that they fail fast instead of hanging: a connection still opening is
 * awaited briefly, a connection that is down fails at once with `TandemError('STATE_UNAVAILABLE')`
 * (the client keeps reconnecting in the background), and command errors are mapped the same way.
 */
export async function runRedis<T>(redis: RedisConnection, commands: () => Promise<T>): Promise<T> {
  if (redis.status !== 'ready') {
    if (redis.status === 'end') throw unavailable(redis, 'connection was closed');
    if (redis.status === 'reconnecting' || redis.status === 'close') {
      throw unavailable(redis, 'is unreachable (reconnecting in the background)');
    }
    // The wait listeners go on before connect() so that a fast failure cannot slip past them.
    const ready = waitForReady(redis, redisConnectWaitMs(redis));
    if (redis.status === 'wait') redis.connect().catch(() => undefined);
    if (!(await ready)) throw unavailable(redis, 'is unreachable');
  }
  try {
    return await commands();
  } catch (error) {
    throw toStateError(redis, error);
  }
}
