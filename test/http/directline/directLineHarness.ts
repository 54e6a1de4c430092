import type { AddressInfo } from 'node:net';
import { ActivityHandler, MessageFactory, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter, type TandemAdapter } from '../../../src/bot/createAdapter';
import { loadConfig } from '../../../src/config';
import { createServer, type RouteModule } from '../../../src/http/createServer';
import { createDirectLine, type DirectLine, type DirectLineDeps } from '../../../src/http/directline/createDirectLine';
import type { DirectLineSignal } from '../../../src/storage/directline/directLineSignal';
import { InflightTracker } from '../../../src/http/inflight';
import { noRateLimits } from '../../../src/http/rateLimit/rateLimits';
import { silentLogger } from '../../../src/observability/logger';
import { createMetrics } from '../../../src/observability/metrics';
import type { DirectLineStore } from '../../../src/storage/directline/directLineStore';
import { MemoryDirectLineStore } from '../../../src/storage/directline/memoryDirectLineStore';

export const testSecret = 'test-directline-secret-0123456789abcdef';

/** A tiny bot: welcomes new members, echoes messages, answers "agent" like a proactive agent reply would. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity('Welcome! Ask me anything.');
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text === 'rate us') {
        await context.sendActivity(MessageFactory.suggestedActions(['1', '5'], 'How did we do?'));
      } else if (text === 'event please') {
        await context.sendActivity({ type: 'event', name: 'handoff.initiate', value: { reason: 'test' } });
        await context.sendActivity('event sent');
      } else {
        await context.sendActivity(`Echo: ${text}`);
      }
      await next();
    });
  }
}

export interface DirectLineTestServer {
  readonly url: string;
  readonly adapter: TandemAdapter;
  readonly directLine: DirectLine;
  readonly store: DirectLineStore;
  close(): Promise<void>;
}

/** A real Tandem HTTP server (restify + CloudAdapter) with the Direct Line routes, on port 0. */
export async function startDirectLineServer(
  options: {
    store?: DirectLineStore;
    /** Share one with another server to stand for Redis pub/sub between processes. */
    signal?: DirectLineSignal;
    streamOptions?: DirectLineDeps['streamOptions'];
    env?: Record<string, string>;
    bot?: { run(context: TurnContext): Promise<void> };
    /** More route modules (the chat page) built from the Direct Line instance. */
    extraRoutes?: (directLine: DirectLine) => RouteModule[];
  } = {},
): Promise<DirectLineTestServer> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DIRECTLINE_SECRET: testSecret,
    DIRECTLINE_MAX_ACTIVITY_BYTES: '2048',
    MAX_BODY_BYTES: '8192',
    ...options.env,
  });
  const metrics = createMetrics();
  const inflight = new InflightTracker();
  const adapter = createAdapter(config, silentLogger, metrics);
  const bot = options.bot ?? new EchoBot();
  const store = options.store ?? new MemoryDirectLineStore({ historyMax: 500, ttlSeconds: 3600 });
  const directLine = createDirectLine({
    config,
    adapter,
    bot,
    store,
    logger: silentLogger,
    metrics,
    inflight,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.streamOptions ? { streamOptions: options.streamOptions } : {}),
  });
  const server: Server = createServer({
    adapter,
    bot,
    logger: silentLogger,
    metrics,
    inflight,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxJsonDepth: config.MAX_JSON_DEPTH,
    idleSocketTimeoutMs: 600_000,
    channelTrust: { hubAppIds: [], channelOf: async () => undefined },
    limits: noRateLimits,
    ready: async () => undefined,
    routes: [...directLine.routes, ...(options.extraRoutes?.(directLine) ?? [])],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adapter,
    directLine,
    store,
    close: async () => {
      await directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Reply {
  status: number;
  body: unknown;
}

/** fetch with a JSON body and an optional bearer credential. */
export async function call(
  url: string,
  init: { method?: string; auth?: string; body?: unknown; rawBody?: string } = {},
): Promise<Reply & { json: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (init.auth !== undefined) headers.authorization = `Bearer ${init.auth}`;
  let body: string | undefined;
  if (init.rawBody !== undefined || init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = init.rawBody ?? JSON.stringify(init.body);
  }
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  const parsed: unknown = text.length > 0 ? JSON.parse(text) : undefined;
  return { status: response.status, body: parsed, json: (parsed ?? {}) as Record<string, unknown> };
}
