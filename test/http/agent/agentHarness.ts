import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { message, post, type Reply } from '../../support/startApp';

export const agentToken = 'dev-agent-token';
export const supervisorToken = 'dev-supervisor-token';
export const clinicianToken = 'dev-clinician-token';

/** An activity the bot sent to the customer's channel (what the Bot Framework connector receives). */
export interface DeliveredActivity {
  readonly conversationId: string;
  readonly replyToId: string | undefined;
  readonly type: string;
  readonly text?: string;
  readonly channelData?: { agent?: { name?: string }; tandem?: { kind?: string } };
  readonly suggestedActions?: { actions: { title: string }[] };
}

/**
 * A stand-in for the customer's channel: records what the bot posts to
 * `/v3/conversations/:id/activities[/:replyToId]` and answers like the connector does.
 */
export class ChannelRecorder {
  readonly received: DeliveredActivity[] = [];
  private readonly waiters = new Set<() => void>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
        // restify patches http.ServerResponse.prototype (its writeHead does not return `this`).
        if (req.method !== 'POST' || !match) {
          res.statusCode = 404;
          res.end();
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Omit<DeliveredActivity, 'conversationId' | 'replyToId'>;
        this.received.push({
          ...body,
          conversationId: decodeURIComponent(match[1] ?? ''),
          replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
        });
        for (const wake of [...this.waiters]) wake();
        res.statusCode = 200;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ id: randomUUID() }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  messagesTo(conversationId: string): DeliveredActivity[] {
    return this.received.filter((a) => a.conversationId === conversationId && a.type === 'message');
  }

  /** Waits until a message to the conversation satisfies `match`. */
  async waitFor(conversationId: string, match: (a: DeliveredActivity) => boolean, timeoutMs = 5000): Promise<DeliveredActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messagesTo(conversationId).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message for ${conversationId}; got ${JSON.stringify(this.messagesTo(conversationId).map((a) => a.text))}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly json: T & { error?: { code: string; message: string } };
}

/** A JSON call to the agent API. */
export async function agentCall<T = Record<string, unknown>>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const token = options.token === undefined ? agentToken : options.token;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : {}) as ApiResponse<T>['json'] };
}

export const conv = (id: string) => `/api/agent/conversations/${encodeURIComponent(id)}`;

/** One Server-Sent Event as parsed by the test client. */
export interface SseEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: { conversationId?: string; type?: string; data?: Record<string, unknown>; agentId?: string };
}

/** A minimal EventSource over node:http, so tests can see comments and cut the connection mid-stream. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  private response: IncomingMessage | undefined;
  private readonly waiters = new Set<() => void>();
  private buffer = '';
  private closed = false;

  private constructor(private readonly req: ReturnType<typeof request>) {}

  /** Opens the stream and resolves once the server says it is subscribed (`ready`), or with the error status. */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } });
    const c = new SseClient(req);
    const answered = new Promise<void>((resolve, reject) => {
      req.on('error', (err) => (c.closed ? resolve() : reject(err)));
      req.on('response', (res) => {
        c.response = res;
        c.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => c.feed(chunk));
        res.on('end', () => {
          c.closed = true;
          c.wake();
        });
        res.on('error', () => undefined);
        resolve();
      });
    });
    req.end();
    await answered;
    if (c.status === 200) await c.waitFor((e) => e.event === 'ready');
    return c;
  }

  /** The error body of a refused stream. */
  async errorBody(): Promise<{ error?: { code: string } }> {
    await this.waitUntil(() => this.closed);
    return JSON.parse(this.buffer || '{}') as { error?: { code: string } };
  }

  of(type: string, conversationId?: string): SseEvent[] {
    return this.events.filter((e) => e.event === type && (conversationId === undefined || e.data.conversationId === conversationId));
  }

  async waitFor(match: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
    let found: SseEvent | undefined;
    await this.waitUntil(() => (found = this.events.find(match)) !== undefined, timeoutMs, () => `no matching SSE event; got ${this.events.map((e) => e.event).join(', ')}`);
    return found!;
  }

  async waitUntil(condition: () => boolean, timeoutMs = 5000, describe: () => string = () => 'condition not met'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(describe());
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 100));
        this.waiters.add(wake);
      });
    }
  }

  close(): void {
    this.closed = true;
    this.req.destroy();
    this.response?.destroy();
  }

  private feed(chunk: string): void {
    if (this.status !== 200) {
      this.buffer += chunk;
      return;
    }
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) this.events.push({ event, ...(id !== undefined ? { id } : {}), data: JSON.parse(data.join('\n')) as SseEvent['data'] });
    }
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** The customer: talks to one Tandem process over POST /api/messages (expectReplies) with a channel recorder as serviceUrl. */
export class Customer {
  readonly conversationId: string;

  constructor(
    private readonly baseUrl: string,
    private readonly serviceUrl: string,
    conversationId?: string,
    private readonly channelId = 'test',
  ) {
    this.conversationId = conversationId ?? `c-${randomUUID()}`;
  }

  activity(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return message(this.conversationId, text, { serviceUrl: this.serviceUrl, channelId: this.channelId, ...extra });
  }

  /** Sends a message and returns the replies that came back in the response body. */
  async say(text: string, extra: Record<string, unknown> = {}, baseUrl = this.baseUrl, headers: Record<string, string> = {}): Promise<Reply[]> {
    const { status, json } = await post(baseUrl, this.activity(text, extra), headers);
    if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(json)}`);
    return json.activities ?? [];
  }

  async texts(text: string, baseUrl = this.baseUrl): Promise<string[]> {
    return (await this.say(text, {}, baseUrl)).filter((a) => a.type === 'message').map((a) => a.text ?? '');
  }

  /** Asks for a person; resolves with the replies (queue status or callback offer). */
  async askForHuman(baseUrl = this.baseUrl): Promise<string[]> {
    return this.texts('I want to talk to a human agent please', baseUrl);
  }
}
