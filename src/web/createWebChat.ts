import type { AppConfig } from '../config';
import type { RouteModule } from '../http/createServer';
import { createDirectLine, type DirectLine, type DirectLineDeps } from '../http/directline/createDirectLine';
import type { DirectLineStore } from '../storage/directline/directLineStore';
import { chatPageRoutes } from './chatPageRoutes';

export interface WebChatDeps extends Omit<DirectLineDeps, 'config'> {
  readonly config: AppConfig;
  /** From the state ports: with Redis, web conversations are shared by every process. */
  readonly store: DirectLineStore;
}

/**
 * Everything the customer's web chat needs, for the composition root: the Direct Line subset
 * over the given store and stream signal, and the chat page at `GET /`.
 */
export function createWebChat(deps: WebChatDeps): { routes: RouteModule[]; directLine: DirectLine; store: DirectLineStore } {
  const { config, store, ...rest } = deps;
  const directLine = createDirectLine({ ...rest, config, store });
  const tokenLimiter = rest.limits?.chatTokensPerAddress;
  const pageRoutes = chatPageRoutes({ newChatSession: () => directLine.newChatSession(), ...(tokenLimiter ? { tokenLimiter } : {}) });
  // The history as stored (for reads); Direct Line writes through its own view, which wakes the streams.
  return { routes: [...directLine.routes, pageRoutes], directLine, store };
}
