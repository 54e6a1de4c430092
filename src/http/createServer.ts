import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import restify, { type Server } from 'restify';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { bodyParser } from './body/bodyParser';
import type { InflightTracker } from './inflight';
import { formatJson } from './jsonFormatter';
import { restifyLogger } from './restifyLogger';
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
  readonly maxJsonDepth: number;
  /** A socket with no traffic for this long is destroyed (Node's default is never). */
  readonly idleSocketTimeoutMs: number;
  readonly ready: () => Promise<void>;
  readonly routes?: readonly RouteModule[];
}

/** Builds the HTTP app without listening, so tests can send real requests on port 0. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({
    name: 'tandem',
    handleUncaughtExceptions: false,
    // pino, not the bunyan logger @types/restify describes; restify calls only the shared methods.
    log: restifyLogger(deps.logger) as unknown as restify.ServerOptions['log'],
    formatters: { 'application/json': formatJson },
  });
  // With no 'timeout' listener, Node destroys a socket that has been idle this long.
  server.server.setTimeout(deps.idleSocketTimeoutMs);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // Not restify's bodyParser: see body/bodyParser.ts for the content codings and limits.
  server.use(bodyParser({ maxBytes: deps.maxBodyBytes, maxJsonDepth: deps.maxJsonDepth }));

  // Routing failures become the same `{error: {code, message}}` bodies as ours.
  server.on('restifyError', (req, res, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    if (status === 413) sendError(res, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${deps.maxBodyBytes} bytes`);
    else if (status === 400) sendError(res, 'BAD_REQUEST');
    else if (status === 404) sendError(res, 'NOT_FOUND');
    else if (status === 405) sendError(res, 'NOT_FOUND', 'Method not allowed on this path');
    else if (status === 415) sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
    else {
      deps.logger.error({ err, statusCode: status, path: req.url?.split('?')[0] }, 'unhandled HTTP error');
      sendError(res, 'INTERNAL');
    }
    return callback();
  });

  // CONNECT (a proxy tunnel) never reaches restify, and Node drops the socket unanswered unless someone answers it.
  server.server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    // The socket has left the HTTP server's hands: once the answer is out, nothing else will close it.
    socket.on('error', () => undefined);
    socket.write('HTTP/1.1 405 Method Not Allowed\r\nallow: GET, POST, PUT\r\nconnection: close\r\ncontent-length: 0\r\n\r\n', () => socket.destroy());
  });

  registerHealthRoutes(server, deps);
  registerMessagesRoute(server, deps);
  for (const register of deps.routes ?? []) register(server);
  return server;
}
