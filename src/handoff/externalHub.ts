import type { CustomerNotice, HandoffCore } from './handoffCore';
import type { HandoffRecord } from './handoffStore';
import { HandoffState, type HandoffStatus } from './vocabulary';

/** What a hub's status did: the record after it (none when the conversation is unknown), and what the customer must hear. */
export interface ExternalStatusResult {
  readonly record: HandoffRecord | undefined;
  readonly notices: readonly CustomerNotice[];
}

/** The external hub's side of the handoff (Bot Framework `handoff.status`). */
export class ExternalHub {
  constructor(private readonly core: HandoffCore) {}

  /** accepted → assigned to the hub, completed → bot, failed → back in our queue (the customer told they keep their place). */
  async applyExternalStatus(conversationId: string, status: HandoffStatus, hubId = 'hub'): Promise<ExternalStatusResult> {
    const { store } = this.core;
    const hubAgent = `hub:${hubId}`;
    const at = this.core.isoNow();
    const record = await store.getRecord(conversationId);
    const heldByHub = record?.state === HandoffState.assigned && record.external && record.assignedAgent === hubAgent;
    if (status === 'accepted') {
      const result = await store.markAssignedExternally(conversationId, hubAgent);
      if (!result.reclaimed) await this.core.publish({ type: 'claimed', conversationId, at, data: { agentId: hubAgent, fencingToken: result.fencingToken } });
      return { record: result.record, notices: [] };
    }
    if (!heldByHub) return { record, notices: [] };
    if (status === 'completed') {
      const { record: released } = await store.release(conversationId, hubAgent, { disposition: 'resolved' });
      await this.core.publish({ type: 'released', conversationId, at, data: { agentId: hubAgent, disposition: 'resolved' } });
      return { record: released, notices: [] };
    }
    const requeued = await store.requeue(conversationId, { agentId: hubAgent });
    return { record: requeued, notices: await this.core.afterRequeue(conversationId, 'hub_failed', hubAgent) };
  }
}
