import type { Request, Response, Server } from 'restify';
import type { Metrics } from '../../observability/metrics';

export interface HealthDeps {
  readonly metrics: Metrics;
  /** Rejects with a reason when a dependency (Redis) is not answering. */
  readonly ready: () => Promise<void>;
}

export function registerHealthRoutes(server: Server, deps: HealthDeps): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await deps.ready();
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503);
      res.json({ status: 'not_ready', reason: (error as Error).message });
    }
  });
  server.get('/metrics', async (_req: Request, res: Response) => {
    const body = await deps.metrics.registry.metrics();
    res.setHeader('content-type', deps.metrics.registry.contentType);
    res.status(200);
    res.end(body);
  });
}
