/**
 * Tells whoever streams a web chat conversation that its history grew: the memory twin within one
 * process, Redis pub/sub across processes. A signal carries no activity; listeners read the store.
 */
export interface DirectLineSignal {
  /** Announces that `conversationId` has something new; never throws (a lost signal is caught up by the stream's next tick). */
  notify(conversationId: string): void;
  /** Calls `listener` after each notify of `conversationId` (from any process); returns the unsubscribe. */
  subscribe(conversationId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** Listeners per conversation, shared by both twins. */
export class SignalListeners {
  private readonly byConversation = new Map<string, Set<() => void>>();

  add(conversationId: string, listener: () => void): () => void {
    let listeners = this.byConversation.get(conversationId);
    if (!listeners) this.byConversation.set(conversationId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byConversation.delete(conversationId);
    };
  }

  has(conversationId: string): boolean {
    return this.byConversation.has(conversationId);
  }

  fire(conversationId: string): void {
    for (const listener of [...(this.byConversation.get(conversationId) ?? [])]) listener();
  }

  clear(): void {
    this.byConversation.clear();
  }
}

/** The one-process twin. */
export class MemoryDirectLineSignal implements DirectLineSignal {
  private readonly listeners = new SignalListeners();

  notify(conversationId: string): void {
    // After the caller's own work: a listener reading the store must see the append that caused the signal.
    queueMicrotask(() => this.listeners.fire(conversationId));
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    return this.listeners.add(conversationId, listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
