import { TandemError } from '../errors';
import { callbackPromise } from './availability';
import type { CustomerNotice, HandoffCore } from './handoffCore';
import type { QueueEntry } from './handoffStore';
import { describeQueuePlace, estimateWait, shouldNotify } from './queueEta';
import { CallbackReason, HandoffReason, HandoffState } from './vocabulary';

export interface SweepResult {
  readonly requeued: readonly string[];
  readonly timedOut: readonly string[];
  readonly announced: readonly string[];
  /** What the customers concerned must hear (requeues, timeouts, material changes of place or wait). */
  readonly notices: readonly CustomerNotice[];
}

/**
 * The periodic sweep (any process may run it; each action happens once): requeues expired leases,
 * turns waits past the timeout into callbacks, and finds customers whose place or wait changed materially.
 */
export class QueueSweep {
  constructor(private readonly core: HandoffCore) {}

  async sweep(now: number = this.core.now()): Promise<SweepResult> {
    const { store, config } = this.core;
    const notices: CustomerNotice[] = [];
    const requeued = await store.expireLeases(now);
    for (const conversationId of requeued) notices.push(...(await this.core.afterRequeue(conversationId, 'lease_expired')));

    const timedOut: string[] = [];
    for (const entry of await store.listQueue()) {
      // Time spent with an agent does not count: after a requeue the timeout starts again.
      const since = entry.requeuedAt ?? entry.waitingSince;
      if (!since || now - Date.parse(since) < config.queueTimeoutMs) continue;
      const notice = await this.fileCallbackOnce(entry, now);
      if (!notice) continue;
      timedOut.push(entry.conversationId);
      notices.push(notice);
    }

    const announced: string[] = [];
    const agentsOnline = await this.core.agentsOnline();
    const handleTimesMs = await store.recentHandleTimes();
    // Positions moved with every requeue, timeout and claim: judge the queue as it is now.
    for (const entry of await store.listQueue()) {
      if (requeued.includes(entry.conversationId)) continue;
      const estimate = estimateWait({ position: entry.position, agentsOnline, handleTimesMs, defaultHandleSeconds: config.defaultHandleSeconds });
      if (!shouldNotify(entry.announced, estimate, now, { minIntervalSeconds: config.notifyMinIntervalSeconds })) continue;
      const at = new Date(now).toISOString();
      const won = await this.core.safely(
        () => store.markAnnounced(entry.conversationId, entry.announced?.at ?? null, { position: estimate.position, etaSeconds: estimate.etaSeconds, at }),
        'mark announced',
      );
      if (!won) continue;
      announced.push(entry.conversationId);
      notices.push({ conversationId: entry.conversationId, text: `Update: ${describeQueuePlace(estimate)}` });
    }
    return { requeued, timedOut, announced, notices };
  }

  /** The timeout notice when this sweep turned the wait into a callback; undefined when someone else acted first. */
  private async fileCallbackOnce(entry: QueueEntry, now: number): Promise<CustomerNotice | undefined> {
    try {
      const { ticket } = await this.core.store.toCallback({
        conversationId: entry.conversationId,
        channelId: entry.channelId,
        contact: null,
        reason: CallbackReason.timeout,
        expectState: HandoffState.queued,
      });
      this.core.metrics?.handoffs.inc({ reason: HandoffReason.timeout, route: 'callback' });
      await this.core.publish({
        type: 'callback',
        conversationId: entry.conversationId,
        at: new Date(now).toISOString(),
        data: { ticketId: ticket.ticketId, reason: ticket.reason, priority: ticket.priority },
      });
      const promise = callbackPromise(this.core.calendar, now, this.core.routeOptions());
      const how = ticket.contact ? '' : ' We will follow up in this conversation.';
      return { conversationId: entry.conversationId, text: `I'm sorry for the long wait; nobody has been free to take your conversation. ${promise.text}${how}` };
    } catch (error) {
      // Another sweeper, a claim or a cancel got there first.
      if (error instanceof TandemError && error.code === 'HANDOFF_CONFLICT') return undefined;
      throw error;
    }
  }
}
