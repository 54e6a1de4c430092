import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { messageActivity, percentile, postActivity } from './load';

export interface OpenLoadResult {
  readonly offeredPerSecond: number;
  readonly turns: number;
  readonly errors: number;
  readonly achievedPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** One simulated customer conversation of an open loop: how it starts and how one turn of it is sent. */
export interface OpenLoopClient<C> {
  /** A new conversation, when every existing one has a turn in flight (its cost counts in that turn's latency). */
  start(): Promise<C>;
  /** Sends the turn with `text`; resolves true when it was answered. */
  turn(conversation: C, text: string): Promise<boolean>;
}

/**
 * Open-loop load: turns arrive at a fixed rate whatever the server does (as customers do), spread
 * over a pool of conversations, each with at most one turn in flight (an arrival for a busy
 * conversation starts a new one). Latency counts from the scheduled arrival, so a server that falls
 * behind pays for the whole backlog (no coordinated omission).
 */
export async function runOpenLoop<C>(
  client: OpenLoopClient<C>,
  options: { ratePerSecond: number; seconds: number; messages: readonly string[]; idle?: C[] },
): Promise<OpenLoadResult> {
  const idle: { conversation: C; turn: number }[] = (options.idle ?? []).map((conversation) => ({ conversation, turn: 0 }));
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.max(1, Math.round(options.ratePerSecond * options.seconds));
  const intervalMs = 1000 / options.ratePerSecond;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];

  const send = async (scheduledAt: number): Promise<void> => {
    let slot = idle.pop();
    try {
      slot ??= { conversation: await client.start(), turn: 0 };
      const text = options.messages[slot.turn % options.messages.length]!;
      slot.turn += 1;
      if (!(await client.turn(slot.conversation, text))) errors += 1;
    } catch {
      errors += 1;
    }
    latencies.push(performance.now() - scheduledAt);
    if (slot) idle.push(slot);
  };

  for (let i = 0; i < total; i += 1) {
    const scheduledAt = started + i * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(scheduledAt));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    offeredPerSecond: options.ratePerSecond,
    turns: latencies.length,
    errors,
    achievedPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** The open loop through POST /api/messages (expectReplies, keep-alive connections). */
export async function runOpenLoad(
  port: number,
  options: { ratePerSecond: number; seconds: number; messages: readonly string[]; label: string },
): Promise<OpenLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  try {
    return await runOpenLoop<string>(
      {
        start: async () => `${options.label}-${randomUUID().slice(0, 12)}`,
        turn: async (conversationId, text) => (await postActivity(agent, port, messageActivity(conversationId, text, port))).status === 200,
      },
      options,
    );
  } finally {
    agent.destroy();
  }
}
