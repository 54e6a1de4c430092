import { randomUUID } from 'node:crypto';
import { lockArguments, lockTimeout } from '../lockOptions';
import type { ConversationLock, LockHandle } from '../ports';

interface Holder {
  token: string;
  expiry: NodeJS.Timeout;
}

interface Waiter {
  ttlMs: number;
  grant: (handle: LockHandle) => void;
  giveUp: NodeJS.Timeout;
}

/**
 * ConversationLock in process memory: an async mutex per conversation. Waiters are served in
 * arrival order; a holder that never releases loses the lock after its TTL (as a crashed process
 * would in Redis), and a release by anyone but the current holder does nothing.
 */
export class MemoryConversationLock implements ConversationLock {
  private readonly holders = new Map<string, Holder>();
  private readonly queues = new Map<string, Waiter[]>();

  acquire(conversationId: string, options: { ttlMs: number; waitMs: number }): Promise<LockHandle> {
    let args: ReturnType<typeof lockArguments>;
    try {
      args = lockArguments(conversationId, options);
    } catch (error) {
      return Promise.reject(error);
    }
    const { id, ttlMs, waitMs } = args;
    if (!this.holders.has(id)) return Promise.resolve(this.grant(id, ttlMs));
    if (waitMs <= 0) return Promise.reject(lockTimeout(id, waitMs));
    return new Promise<LockHandle>((resolve, reject) => {
      const waiter: Waiter = {
        ttlMs,
        grant: resolve,
        giveUp: setTimeout(() => {
          this.removeWaiter(id, waiter);
          reject(lockTimeout(id, waitMs));
        }, waitMs),
      };
      const queue = this.queues.get(id) ?? [];
      queue.push(waiter);
      this.queues.set(id, queue);
    });
  }

  /** Frees every lock and timer; pending waiters keep waiting until their own timeout. */
  clear(): void {
    for (const holder of this.holders.values()) clearTimeout(holder.expiry);
    this.holders.clear();
  }

  private grant(id: string, ttlMs: number): LockHandle {
    const token = randomUUID();
    const expiry = setTimeout(() => this.free(id, token), ttlMs);
    // A forgotten lock must not keep the process alive.
    expiry.unref();
    this.holders.set(id, { token, expiry });
    return { token, release: async () => this.free(id, token) };
  }

  private free(id: string, token: string): void {
    const holder = this.holders.get(id);
    if (!holder || holder.token !== token) return;
    clearTimeout(holder.expiry);
    this.holders.delete(id);
    const queue = this.queues.get(id);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.queues.delete(id);
    if (next) {
      clearTimeout(next.giveUp);
      next.grant(this.grant(id, next.ttlMs));
    }
  }

  private removeWaiter(id: string, waiter: Waiter): void {
    const queue = this.queues.get(id);
    if (!queue) return;
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(id);
  }
}
