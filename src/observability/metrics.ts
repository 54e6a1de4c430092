import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** All metrics live on a per-app registry, so tests can build many apps in one process. */
export function createMetrics(options: { collectDefaults?: boolean } = {}) {
  const registry = new Registry();
  if (options.collectDefaults) collectDefaultMetrics({ register: registry, prefix: 'tandem_' });
  return {
    registry,
    turns: new Counter({
      name: 'tandem_turns_total',
      help: 'Turns processed, by activity type and outcome',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    turnLatency: new Histogram({
      name: 'tandem_turn_duration_seconds',
      help: 'Time to process one inbound activity',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'tandem_errors_total',
      help: 'Errors by registry code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
