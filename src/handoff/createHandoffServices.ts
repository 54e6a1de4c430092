import { AgentDesk } from './agentDesk';
import { CustomerHandoff } from './customerHandoff';
import { ExternalHub } from './externalHub';
import { HandoffCore, type HandoffCoreDeps } from './handoffCore';
import type { IdempotencyStore } from './idempotency';
import type { ConversationInsightsStore } from './insights';
import { QueueSweep } from './queueSweep';

/** The handoff, one service per caller over one shared core. */
export interface HandoffServices {
  /** The bot, within the customer's turn. */
  readonly customer: CustomerHandoff;
  /** The agent API. */
  readonly desk: AgentDesk;
  /** `handoff.status` from an external hub. */
  readonly hub: ExternalHub;
  /** The periodic sweeper. */
  readonly sweep: QueueSweep;
}

export function createHandoffServices(
  deps: HandoffCoreDeps & { readonly insights: ConversationInsightsStore; readonly idempotency: IdempotencyStore },
): HandoffServices {
  const core = new HandoffCore(deps);
  return {
    customer: new CustomerHandoff(core),
    desk: new AgentDesk(core, deps.insights, deps.idempotency),
    hub: new ExternalHub(core),
    sweep: new QueueSweep(core),
  };
}
