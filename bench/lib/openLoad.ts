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

/**
 * Open-loop load: turns arrive at a fixed rate whatever the server does (as customers do), spread
 * over a pool of conversations, each with at most one turn in flight (an arrival for a busy
 * conversation starts a new one). Latency counts from the scheduled arrival, so a server that falls
 * behind pays for the whole backlog (no coordinated omission).
 */
export async function runOpenLoad(
  port: number,
  options: { ratePerSecond: number; seconds: number; messages: readonly string[]; label: string },
): Promise<OpenLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const idle: { id: string; turn: number }[] = [];
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.max(1, Math.round(options.ratePerSecond * options.seconds));
  const intervalMs = 1000 / options.ratePerSecond;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];

  const send = async (scheduledAt: number): Promise<void> => {
    const conversation = idle.pop() ?? { id: `${options.label}-${randomUUID().slice(0, 12)}`, turn: 0 };
    const text = options.messages[conversation.turn % options.messages.length]!;
    conversation.turn += 1;
    try {
      const { status } = await postActivity(agent, port, messageActivity(conversation.id, text, port));
      if (status !== 200) errors += 1;
    } catch {
      errors += 1;
    }
    latencies.push(performance.now() - scheduledAt);
    idle.push(conversation);
  };

  for (let i = 0; i < total; i += 1) {
    const scheduledAt = started + i * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(scheduledAt));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
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
