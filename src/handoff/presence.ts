import type { Clock } from '../clock';

/** Which agents are online, from their consoles' heartbeats. */
export interface PresenceStore {
  /** Marks the agent online for the store's TTL from now. */
  heartbeat(agentId: string): Promise<void>;
  /** Marks the agent offline at once (console closed, agent signed out). */
  offline(agentId: string): Promise<void>;
  /** Agents whose last heartbeat is younger than the TTL, sorted. */
  online(): Promise<string[]>;
}

/** In-process presence with an injected clock. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: Clock = Date.now,
  ) {}

  async heartbeat(agentId: string): Promise<void> {
    this.expiries.set(agentId, this.clock() + this.ttlMs);
  }

  async offline(agentId: string): Promise<void> {
    this.expiries.delete(agentId);
  }

  async online(): Promise<string[]> {
    const now = this.clock();
    for (const [agentId, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(agentId);
    return [...this.expiries.keys()].sort();
  }
}
