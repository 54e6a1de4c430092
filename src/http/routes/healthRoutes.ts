import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../observability/logger';
import type { Metrics } from '../../observability/metrics';

export interface HealthDeps {
  readonly metrics: Metrics;
  /** Rejects with a reason when a dependency (Redis) is not answering. */
  readonly ready: () => Promise<void>;
  readonly logger: Logger;
}

/** How often a failing readiness check is logged at most, so a polling load balancer cannot flood the log. */
const notReadyLogIntervalMs = 10_000;

/**
 * `/healthz` (the process answers), `/readyz` (state is reachable) and `/metrics`. Both checks are
 * anonymous, so they say only which dependency failed; the reason (which names hosts and URLs) goes
 * to the log.
 */
export function registerHealthRoutes(server: Server, deps: HealthDeps): void {
  let lastNotReadyLog = Number.NEGATIVE_INFINITY;
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await deps.ready();
      res.json({ status: 'ready' });
    } catch (error) {
      const now = Date.now();
      if (now - lastNotReadyLog >= notReadyLogIntervalMs) {
        lastNotReadyLog = now;
        deps.logger.warn({ err: error }, 'readiness check failed: state store unreachable');
      }
      res.status(503);
      res.json({ status: 'not_ready', checks: { state: 'unreachable' } });
    }
  });
  server.get('/metrics', async (_req: Request, res: Response) => {
    const body = await deps.metrics.registry.metrics();
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.status(200);
    res.end(body);
  });
}
