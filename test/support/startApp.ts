import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type App, buildApp } from '../../src/buildApp';
import { loadConfig } from '../../src/config';
import { type Logger, silentLogger } from '../../src/observability/logger';
import { captureLogs } from '../storage/logCapture';

type CapturedLogs = ReturnType<typeof captureLogs>;

export interface RunningApp {
  readonly app: App;
  readonly baseUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Builds the real app from an environment (and optionally a clock and a logger) and listens on a random port. */
export async function startApp(env: NodeJS.ProcessEnv = {}, options: { clock?: () => number; logger?: Logger } = {}): Promise<RunningApp> {
  // A test that brings its own logger (to read what was logged) gets info-level lines in it.
  const app = buildApp(loadConfig({ LOG_LEVEL: options.logger ? 'info' : 'silent', ...env }), { logger: silentLogger, ...options });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const port = (app.server.address() as AddressInfo).port;
  return {
    app,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.close();
    },
  };
}

/** A well-formed message activity asking for the replies in the response body. */
export function message(conversationId: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'tandem' },
    text,
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

export interface Reply {
  type: string;
  text?: string;
  channelData?: Record<string, unknown>;
  suggestedActions?: { actions: { title: string }[] };
}

export async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: { activities?: Reply[]; error?: { code: string; message: string } } }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as never) : {} };
}

/** Sends one message and returns the bot's message texts. */
export async function say(baseUrl: string, conversationId: string, text: string): Promise<string[]> {
  const { status, json } = await post(baseUrl, message(conversationId, text));
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(json)}`);
  return (json.activities ?? []).filter((a) => a.type === 'message').map((a) => a.text ?? '');
}

/**
 * For a describe block that reads what the app logged: starts the real app (memory mode) with a logger
 * that keeps its lines before the block's tests and stops it after them.
 */
export function appWithCapturedLogs(): { readonly logs: CapturedLogs; running(): RunningApp } {
  const logs = captureLogs();
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await startApp({}, { logger: logs.logger });
  });
  afterAll(() => running?.stop());
  return {
    logs,
    running: () => {
      if (!running) throw new Error('the app starts in beforeAll');
      return running;
    },
  };
}
