import type { IncomingMessage, Server as NodeServer, ServerResponse } from 'node:http';

/** Counts in-flight turns so shutdown can wait for them to finish. */
export class InflightTracker {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await work();
    } finally {
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves true when idle, or false if `timeoutMs` passes first. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/**
 * Counts the requests that `accept` selects, from arrival until their response is closed, so that a
 * shutdown drains them like turns (agent API calls finish instead of being cut at SIGTERM).
 * Long-lived streams (Server-Sent Events) must not be selected: they never finish by themselves.
 */
export function trackRequests(
  server: Pick<NodeServer, 'on'>,
  tracker: InflightTracker,
  accept: (method: string, url: string) => boolean,
): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!accept(req.method ?? '', req.url ?? '')) return;
    void tracker.track(() => new Promise<void>((resolve) => res.once('close', () => resolve())));
  });
}
