import { randomUUID } from 'node:crypto';
import http from 'node:http';

export interface LoadResult {
  readonly turns: number;
  readonly errors: number;
  readonly seconds: number;
  readonly turnsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** POSTs an activity to /api/messages with expectReplies and resolves with the HTTP status. */
export function postActivity(agent: http.Agent, port: number, activity: object): Promise<{ status: number; body: string }> {
  return postJson(agent, port, '/api/messages', activity);
}

/** POSTs JSON to 127.0.0.1:`port` over `agent` (keep-alive) and resolves with the status and body. */
export function postJson(agent: http.Agent, port: number, path: string, body: object, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function messageActivity(conversationId: string, text: string, port: number): object {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'bench',
    serviceUrl: `http://127.0.0.1:${port}`,
    conversation: { id: conversationId },
    from: { id: `u-${conversationId}` },
    recipient: { id: 'bot' },
    text,
    deliveryMode: 'expectReplies',
  };
}

/**
 * `conversations` concurrent conversations, each sending `turnsPerConversation` messages one after
 * another (a conversation never has two turns in flight, like a real user).
 */
export async function runLoad(
  port: number,
  options: { conversations: number; turnsPerConversation: number; messages: readonly string[]; label: string },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.conversations });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.conversations }, async (_, c) => {
      const conversationId = `${options.label}-${c}-${randomUUID().slice(0, 8)}`;
      for (let t = 0; t < options.turnsPerConversation; t += 1) {
        const text = options.messages[(c + t) % options.messages.length]!;
        const begin = performance.now();
        const { status } = await postActivity(agent, port, messageActivity(conversationId, text, port));
        latencies.push(performance.now() - begin);
        if (status !== 200) errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    errors,
    seconds,
    turnsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
