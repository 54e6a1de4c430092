import type { ServerResponse } from 'node:http';
import { canSeePii, type Agent } from '../../handoff/agents';
import type { HandoffEvent, HandoffEventBus } from '../../handoff/events';
import type { Logger } from '../../observability/logger';
import { redactPii } from '../../privacy/redactPii';

export interface AgentEventStreamsOptions {
  /** A comment line is written this often so proxies keep the connection open. */
  readonly keepAliveMs: number;
  /** The agent's presence is renewed this often while the stream is open. */
  readonly presenceMs: number;
  /** A client this far behind (bytes buffered) is disconnected; its EventSource reconnects. */
  readonly maxBufferedBytes?: number;
}

export interface AgentEventStreamsDeps {
  readonly bus: Pick<HandoffEventBus, 'subscribe' | 'ready'>;
  /** Marks the agent online (presence); failures are logged, never fatal to the stream. */
  readonly heartbeat: (agent: Agent) => Promise<void>;
  readonly logger?: Logger;
}

interface OpenStream {
  readonly agentId: string;
  close(): void;
}

/** Message and note text as this viewer may see it. */
function forViewer(event: HandoffEvent, agent: Agent): HandoffEvent {
  if (canSeePii(agent.role)) return event;
  if (event.type === 'message' || event.type === 'note') return { ...event, data: { ...event.data, text: redactPii(event.data.text) } } as HandoffEvent;
  return event;
}

/**
 * `GET /api/agent/events`: Server-Sent Events for agent consoles. Each stream subscribes to the
 * handoff event bus (which, on Redis, carries every process's events), sends a keep-alive comment
 * periodically, counts as the agent's presence, and unsubscribes when the client goes away.
 */
export class AgentEventStreams {
  private readonly open = new Set<OpenStream>();

  constructor(
    private readonly deps: AgentEventStreamsDeps,
    private readonly options: AgentEventStreamsOptions,
  ) {}

  /** Streams currently open in this process. */
  get size(): number {
    return this.open.size;
  }

  async serve(res: ServerResponse, agent: Agent): Promise<void> {
    const { bus, heartbeat, logger } = this.deps;
    const maxBuffered = this.options.maxBufferedBytes ?? 1024 * 1024;
    let nextId = 0;
    let closed = false;
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe: () => void = () => undefined;

    const stream: OpenStream = {
      agentId: agent.id,
      close: () => {
        if (closed) return;
        closed = true;
        for (const timer of timers) clearInterval(timer);
        unsubscribe();
        this.open.delete(stream);
        if (!res.writableEnded) res.end();
      },
    };
    const write = (chunk: string) => {
      if (closed || res.destroyed) return stream.close();
      res.write(chunk);
      if (res.writableLength > maxBuffered) {
        logger?.warn({ agentId: agent.id, buffered: res.writableLength }, 'agent event stream too far behind; closing it');
        stream.close();
      }
    };
    const send = (type: string, data: unknown) => write(`id: ${(nextId += 1)}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    const markOnline = () => heartbeat(agent).catch((err: unknown) => logger?.warn({ err }, 'agent presence heartbeat failed'));

    this.open.add(stream);
    res.once('close', stream.close);
    res.once('error', stream.close);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    write('retry: 3000\n: connected\n\n');

    unsubscribe = bus.subscribe((event) => send(event.type, forViewer(event, agent)));
    timers.push(setInterval(() => write(': keep-alive\n\n'), this.options.keepAliveMs));
    timers.push(setInterval(() => void markOnline(), this.options.presenceMs));
    for (const timer of timers) timer.unref();
    await markOnline();
    try {
      await bus.ready();
    } catch (err) {
      logger?.warn({ err }, 'agent event stream: subscription not ready');
    }
    // Tells the console that events published from now on will arrive.
    send('ready', { agentId: agent.id });
  }

  /** Ends every open stream (shutdown). */
  closeAll(): void {
    for (const stream of [...this.open]) stream.close();
  }
}
