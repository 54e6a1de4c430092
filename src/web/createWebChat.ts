import type { AppConfig } from '../config';
import type { RouteModule } from '../http/createServer';
import { createDirectLine, type DirectLine, type DirectLineDeps } from '../http/directline/createDirectLine';
import type { MemoryStateBackend, RedisStateBackend } from '../storage/createStateBackend';
import { createDirectLineStore } from '../storage/directline/createDirectLineStore';
import type { DirectLineStore } from '../storage/directline/directLineStore';
import type { TextSealer } from '../privacy/textSealer';
import { MemoryDirectLineSignal } from '../storage/directline/directLineSignal';
import { RedisDirectLineSignal } from '../storage/directline/redisDirectLineSignal';
import { chatPageRoutes } from './chatPageRoutes';

export interface WebChatDeps extends Omit<DirectLineDeps, 'store' | 'config'> {
  readonly config: AppConfig;
  /** The app's state backend: with Redis, web conversations are shared by every process. */
  readonly backend: Pick<MemoryStateBackend, 'kind'> | Pick<RedisStateBackend, 'kind' | 'redis' | 'keys' | 'createSubscriber'>;
  /** Seals the words as written of the web chat history (see SealedDirectLineStore). */
  readonly sealer?: TextSealer;
}

/**
 * Everything the customer's web chat needs, for the composition root: the Direct Line subset
 * (history and stream signals in Redis when the backend is Redis) and the chat page at `GET /`.
 */
export function createWebChat(deps: WebChatDeps): { routes: RouteModule[]; directLine: DirectLine; store: DirectLineStore } {
  const { backend, config, sealer, ...rest } = deps;
  const store = createDirectLineStore({
    historyMax: config.DIRECTLINE_HISTORY_MAX,
    ttlSeconds: config.DIRECTLINE_CONVERSATION_TTL_SECONDS,
    ...(sealer ? { sealer } : {}),
    ...(backend.kind === 'redis' ? { redis: { client: backend.redis, keys: backend.keys } } : {}),
  });
  const signal =
    backend.kind === 'redis'
      ? new RedisDirectLineSignal(backend.redis, backend.createSubscriber(), backend.keys.directLineAppended, rest.logger)
      : new MemoryDirectLineSignal();
  const directLine = createDirectLine({ ...rest, config, store, signal });
  const tokenLimiter = rest.limits?.chatTokensPerAddress;
  const pageRoutes = chatPageRoutes({ newChatSession: () => directLine.newChatSession(), ...(tokenLimiter ? { tokenLimiter } : {}) });
  // The history as stored (for reads); Direct Line writes through its own view, which wakes the streams.
  return { routes: [...directLine.routes, pageRoutes], directLine, store };
}
