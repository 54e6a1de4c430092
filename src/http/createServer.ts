import restify, { type Server } from 'restify';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { InflightTracker } from './inflight';
import { registerHealthRoutes } from './routes/healthRoutes';
import { registerMessagesRoute, type MessagesRouteDeps } from './routes/messagesRoute';
import { sendError } from './sendError';

/** Adds a group of routes (agent API, Direct Line, pages) to the server. */
export type RouteModule = (server: Server) => void;

export interface ServerDeps extends MessagesRouteDeps {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly inflight: InflightTracker;
  readonly maxBodyBytes: number;
  readonly ready: () => Promise<void>;
  readonly routes?: readonly RouteModule[];
}

/** Builds the HTTP app without listening, so tests can send real requests on port 0. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'tandem', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: deps.maxBodyBytes,
      mapParams: false,
      mapFiles: false,
      rejectUnknown: false,
    }),
  );

  // Body-parser and routing failures become the same `{error: {code, message}}` bodies as ours.
  server.on('restifyError', (req, res, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status === 413) sendError(res, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${deps.maxBodyBytes} bytes`);
    else if (status === 400) sendError(res, 'BAD_JSON', 'Request body is not valid JSON');
    else if (status === 404) sendError(res, 'NOT_FOUND');
    else if (status === 405) sendError(res, 'NOT_FOUND', 'Method not allowed on this path');
    else if (status === 415) sendError(res, 'BAD_REQUEST', 'Unsupported content type; send application/json');
    else {
      deps.logger.error({ err: { message: err.message }, url: req.url }, 'unhandled HTTP error');
      sendError(res, 'INTERNAL');
    }
    return callback();
  });

  registerHealthRoutes(server, deps);
  registerMessagesRoute(server, deps);
  for (const register of deps.routes ?? []) register(server);
  return server;
}
