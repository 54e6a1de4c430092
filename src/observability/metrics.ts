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
    // Human handoff
    handoffs: new Counter({
      name: 'tandem_handoffs_total',
      help: 'Handoffs requested, by headline reason and where they went (queue or callback)',
      labelNames: ['reason', 'route'] as const,
      registers: [registry],
    }),
    handoffWait: new Histogram({
      name: 'tandem_handoff_wait_seconds',
      help: 'Time from joining the queue to an agent claiming the conversation',
      buckets: [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
      registers: [registry],
    }),
    handoffHandle: new Histogram({
      name: 'tandem_handoff_handle_seconds',
      help: 'Time from an agent claiming a conversation to releasing it',
      buckets: [30, 60, 120, 300, 600, 900, 1800, 3600, 7200],
      registers: [registry],
    }),
    csat: new Counter({
      name: 'tandem_csat_total',
      help: 'Customer satisfaction answers after a handoff, by score 1-5',
      labelNames: ['score'] as const,
      registers: [registry],
    }),
    conversations: new Counter({
      name: 'tandem_conversations_total',
      help: 'Conversations by outcome: contained by the bot, or escalated to a human',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
