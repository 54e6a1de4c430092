import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../observability/logger';
import type { DirectLineSignal } from '../../storage/directline/directLineSignal';
import { pageLimit, type DirectLineStore } from '../../storage/directline/directLineStore';
import { activitySet } from './directLineActivity';
import { isConversationId } from './directLineChannel';
import type { DirectLineTokens } from './directLineTokens';

export interface DirectLineStreamDeps {
  readonly tokens: DirectLineTokens;
  readonly store: DirectLineStore;
  readonly signal: Pick<DirectLineSignal, 'subscribe'>;
  readonly logger: Logger;
  /** Open streams one conversation may hold (tabs of one customer); default 4. */
  readonly maxSocketsPerConversation?: number;
  /** Open streams one process holds; default 10,000. */
  readonly maxSockets?: number;
  /** Between keep-alive frames and pings (a socket that missed the last pong is dropped); default 15 s. */
  readonly keepAliveMs?: number;
  readonly now?: () => number;
}

const streamPath = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
/** Nothing is read from the page (Direct Line streams are one-way, the page sends empty keep-alives); bigger frames close the socket. */
const maxIncomingFrameBytes = 1024;

interface Stream {
  readonly socket: WebSocket;
  readonly conversationId: string;
  watermark: number;
  alive: boolean;
  /** A push is running; `again` asks it to read once more when it ends. */
  busy: boolean;
  again: boolean;
}

/**
 * Direct Line's WebSocket stream (`streamUrl`): after the upgrade (refused before it completes unless the
 * token is valid for that very conversation, which exists), the page gets every activity past its
 * watermark as `{activities, watermark}` frames, pushed when the history grows (DirectLineSignal) and
 * caught up on every keep-alive tick (an empty frame and a ping), so a lost signal costs one tick.
 */
export class DirectLineStream {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: maxIncomingFrameBytes, perMessageDeflate: false });
  private readonly byConversation = new Map<string, { streams: Set<Stream>; unsubscribe: () => void }>();
  private readonly maxPerConversation: number;
  private readonly maxSockets: number;
  private readonly now: () => number;
  private sockets = 0;
  private readonly ticker: NodeJS.Timeout;

  constructor(private readonly deps: DirectLineStreamDeps) {
    this.maxPerConversation = deps.maxSocketsPerConversation ?? 4;
    this.maxSockets = deps.maxSockets ?? 10_000;
    this.now = deps.now ?? Date.now;
    this.ticker = setInterval(() => this.tick(), deps.keepAliveMs ?? 15_000);
    this.ticker.unref();
  }

  /** The path a page connects to; `streamUrl` in Direct Line's conversation responses. */
  static path(conversationId: string, token: string, watermark?: number): string {
    const query = new URLSearchParams({ t: token, ...(watermark !== undefined ? { watermark: String(watermark) } : {}) });
    return `/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`;
  }

  /** Answers every upgrade request of `server`: the stream path is served, anything else is refused. */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => undefined);
      this.upgrade(req, socket, head).catch((err: unknown) => {
        this.deps.logger.error({ err }, 'direct line stream upgrade failed');
        refuse(socket, 503);
      });
    });
  }

  /** Open streams (all conversations). */
  get size(): number {
    return this.sockets;
  }

  /** Closes every stream (shutdown). */
  close(): void {
    clearInterval(this.ticker);
    for (const { streams } of this.byConversation.values()) for (const stream of streams) stream.socket.close(1001, 'server shutting down');
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = parseUrl(req.url);
    const match = url && streamPath.exec(url.pathname);
    const conversationId = match ? safeDecode(match[1] ?? '') : undefined;
    if (!url || !isConversationId(conversationId)) return refuse(socket, 404);
    const token = url.searchParams.get('t') ?? bearer(req);
    if (!token) return refuse(socket, 401);
    const checked = this.deps.tokens.verify(token);
    if (!checked.ok || checked.claims.conversationId !== conversationId) return refuse(socket, 403);
    const watermarkText = url.searchParams.get('watermark') ?? '0';
    if (!/^\d{1,15}$/.test(watermarkText)) return refuse(socket, 400);
    if (this.sockets >= this.maxSockets) return refuse(socket, 503);
    if ((this.byConversation.get(conversationId)?.streams.size ?? 0) >= this.maxPerConversation) return refuse(socket, 429);
    if (!(await this.deps.store.get(conversationId))) return refuse(socket, 404);
    if (socket.destroyed) return;
    // Checked again: other upgrades of this conversation may have completed while the store answered.
    if ((this.byConversation.get(conversationId)?.streams.size ?? 0) >= this.maxPerConversation) return refuse(socket, 429);
    this.server.handleUpgrade(req, socket, head, (ws) => this.open(ws, conversationId, Number(watermarkText)));
  }

  private open(socket: WebSocket, conversationId: string, watermark: number): void {
    const stream: Stream = { socket, conversationId, watermark, alive: true, busy: false, again: false };
    let entry = this.byConversation.get(conversationId);
    if (!entry) {
      const streams = new Set<Stream>();
      const unsubscribe = this.deps.signal.subscribe(conversationId, () => {
        for (const each of streams) this.push(each);
      });
      this.byConversation.set(conversationId, (entry = { streams, unsubscribe }));
    }
    entry.streams.add(stream);
    this.sockets += 1;
    socket.on('pong', () => (stream.alive = true));
    // DirectLineJS sends empty frames as its own keep-alive; anything else has no business here.
    socket.on('message', (data: Buffer) => {
      if (data.length > 0) socket.close(1008, 'this stream only sends');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => this.forget(stream));
    this.push(stream);
  }

  private forget(stream: Stream): void {
    const entry = this.byConversation.get(stream.conversationId);
    if (!entry?.streams.delete(stream)) return;
    this.sockets -= 1;
    if (entry.streams.size > 0) return;
    entry.unsubscribe();
    this.byConversation.delete(stream.conversationId);
  }

  /** Sends what lies past the stream's watermark; one read at a time per stream, repeated if woken meanwhile. */
  private push(stream: Stream): void {
    if (stream.busy) {
      stream.again = true;
      return;
    }
    stream.busy = true;
    this.drain(stream)
      .catch((err: unknown) => this.deps.logger.warn({ err, conversationId: stream.conversationId }, 'direct line stream could not read the history; retried on the next tick'))
      .finally(() => (stream.busy = false));
  }

  private async drain(stream: Stream): Promise<void> {
    for (;;) {
      stream.again = false;
      if (stream.socket.readyState !== WebSocket.OPEN) return;
      const page = await this.deps.store.list(stream.conversationId, stream.watermark);
      if (!page) {
        stream.socket.close(1000, 'conversation ended');
        return;
      }
      if (page.activities.length > 0 && stream.socket.readyState === WebSocket.OPEN) {
        stream.socket.send(JSON.stringify(activitySet(page, this.now())));
      }
      stream.watermark = Math.max(stream.watermark, page.watermark);
      if (page.activities.length < pageLimit && !stream.again) return;
    }
  }

  private tick(): void {
    for (const { streams } of this.byConversation.values()) {
      for (const stream of streams) {
        if (!stream.alive) {
          stream.socket.terminate();
          continue;
        }
        stream.alive = false;
        stream.socket.ping();
        // Web Chat skips empty frames; they keep proxies from closing a quiet connection.
        stream.socket.send('');
        this.push(stream);
      }
    }
  }
}

function parseUrl(raw: string | undefined): URL | undefined {
  try {
    return raw === undefined ? undefined : new URL(raw, 'http://stream.invalid');
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function bearer(req: IncomingMessage): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** Answers an upgrade request with a plain HTTP error and closes the socket (the upgrade never happens). */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  const reason = STATUS_CODES[status] ?? 'Error';
  const head = `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(reason)}\r\n\r\n`;
  socket.write(head + reason, () => socket.destroy());
}
