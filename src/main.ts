import { buildApp } from './buildApp';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './observability/logger';

/** Start-up: config → deps → server → listen; SIGTERM stops accepting, drains turns, closes Redis. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every key and its default.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const started = performance.now();
  const app = buildApp(config, { logger, collectDefaultMetrics: true });
  try {
    await app.backend.ping();
  } catch (error) {
    // Keep serving: /readyz reports not ready and turns recover by themselves when Redis returns.
    logger.error({ err: error }, 'state backend not reachable at start-up');
  }

  app.server.listen(config.PORT, config.HOST, () => {
    const address = app.server.address();
    logger.info(
      { port: address.port, state: app.backend.kind, startupMs: Math.round(performance.now() - started) },
      `Tandem listening on http://localhost:${address.port} (POST /api/messages)`,
    );
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inflight: app.inflight.size }, 'shutting down');
    const closed = new Promise<void>((resolve) => app.server.close(() => resolve()));
    const drained = await app.inflight.drain(config.SHUTDOWN_GRACE_MS);
    if (!drained) logger.warn({ inflight: app.inflight.size }, 'grace period over with turns still running');
    await app.close();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();
