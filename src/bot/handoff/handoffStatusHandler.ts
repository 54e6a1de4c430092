import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { TandemError } from '../../errors';
import type { CustomerHandoff } from '../../handoff/customerHandoff';
import type { ExternalHub, ExternalStatusResult } from '../../handoff/externalHub';
import type { HandoffRecord, HandoffStore } from '../../handoff/handoffStore';
import { CallbackReason, HandoffState, HandoffStatus, valuesOf } from '../../handoff/vocabulary';
import type { Logger } from '../../observability/logger';
import { allowWhileHumanOwned, ownerChangedThisTurn, ownerOfState } from '../humanSide';
import { turnLogger } from '../turnLogger';
import { isHubCaller } from './hubCaller';
import type { CustomerFollowUps, HandbackBot } from './customerFollowUps';

const status = z.enum(valuesOf(HandoffStatus));

/** botbuilder's `EventFactory.createHandoffStatus` sends `{state, message}`; some hubs send `{status}`. */
const statusValueSchema = z
  .object({ state: status.optional(), status: status.optional(), message: z.string().max(2000).optional() })
  .refine((v) => v.state !== undefined || v.status !== undefined, 'value.state must be accepted, failed or completed');

const hubIdPattern = /^[A-Za-z0-9._@:-]{1,64}$/;

export interface HandoffStatusDeps {
  readonly hub: Pick<ExternalHub, 'applyExternalStatus'>;
  readonly customer: Pick<CustomerHandoff, 'scheduleCallback' | 'status'>;
  /** Sends what the transition says the customer must hear, in this turn (which holds the conversation's lock). */
  readonly followUps: Pick<CustomerFollowUps, 'sendInTurn'>;
  readonly records: Pick<HandoffStore, 'getRecord'>;
  /** How many of our own agents are online; with none, a failed hub handoff becomes a callback. */
  readonly agentsOnline: () => Promise<number>;
  /** Channels whose senders are customers (our own web chat): a `handoff.status` there is ignored. */
  readonly untrustedChannels?: readonly string[];
  readonly logger?: Logger;
}

/**
 * The inbound half of the Bot Framework handoff protocol: an external hub reports `accepted`,
 * `failed` or `completed` for a conversation the bot handed over with `handoff.initiate`.
 * accepted → the hub owns the chat (the bot stays silent); completed → the bot resumes;
 * failed → our own queue if an agent is online, otherwise a callback the customer is told about.
 */
export class HandoffStatusHandler {
  constructor(private readonly deps: HandoffStatusDeps) {}

  async handle(context: TurnContext, bot: Pick<HandbackBot, 'resumeAfterHandback'>): Promise<void> {
    const { activity } = context;
    const log = turnLogger(context) ?? this.deps.logger;
    if (this.deps.untrustedChannels?.includes(activity.channelId)) {
      log?.warn({ channelId: activity.channelId }, 'handoff.status ignored: sent on a customer channel');
      return;
    }
    // DESIGN §5: only a configured hub that authenticated itself may move a conversation.
    if (!isHubCaller(context)) {
      log?.warn({ channelId: activity.channelId }, 'handoff.status ignored: the sender is not an authenticated hub (HANDOFF_HUB_TOKEN / HANDOFF_HUB_APP_IDS)');
      return;
    }
    const parsed = statusValueSchema.safeParse(activity.value);
    if (!parsed.success) {
      log?.warn({ problem: parsed.error.issues[0]?.message }, 'handoff.status ignored: invalid value');
      return;
    }
    const state = (parsed.data.state ?? parsed.data.status) as HandoffStatus;
    const conversationId = activity.conversation.id;
    const hubId = activity.from?.id && hubIdPattern.test(activity.from.id) ? activity.from.id : 'hub';

    const before = await this.deps.records.getRecord(conversationId);
    const heldByHub = before?.state === HandoffState.assigned && before.external;
    // A failed hub with nobody of ours online ends in a callback: the "you keep your place" notice would mislead.
    const toCallback = state === HandoffStatus.failed && (await this.deps.agentsOnline()) === 0;
    let applied: ExternalStatusResult;
    try {
      applied = await this.deps.hub.applyExternalStatus(conversationId, state, hubId);
    } catch (error) {
      if (error instanceof TandemError && ['HANDOFF_CONFLICT', 'HANDOFF_NOT_FOUND', 'HANDOFF_NOT_OWNER'].includes(error.code)) {
        log?.info({ state, code: error.code }, 'handoff.status did not apply');
        return;
      }
      throw error;
    }
    const after = applied.record;
    ownerChangedThisTurn(context, ownerOfState(after?.state ?? HandoffState.bot));
    log?.info({ state, from: before?.state ?? 'none', to: after?.state ?? 'none' }, 'handoff.status applied');
    // On the way to a callback, "you keep your place" would mislead: the callback message supersedes it.
    if (!toCallback) await this.deps.followUps.sendInTurn(context, applied.notices);

    if (state === HandoffStatus.completed && heldByHub && after?.state === HandoffState.bot) {
      await bot.resumeAfterHandback(context, undefined, undefined);
      return;
    }
    if (state === HandoffStatus.failed && after?.state === HandoffState.queued) {
      await this.afterFailure(context, after, heldByHub, toCallback);
    }
  }

  private async afterFailure(context: TurnContext, record: HandoffRecord, wasHeldByHub: boolean, toCallback: boolean): Promise<void> {
    const conversationId = record.conversationId;
    if (!toCallback) {
      // The requeue already told the customer when the hub had the chat; otherwise say where they stand.
      if (!wasHeldByHub) {
        allowWhileHumanOwned(context);
        await context.sendActivity((await this.deps.customer.status(conversationId)).customerMessage);
      }
      return;
    }
    const { ticket, whenText } = await this.deps.customer.scheduleCallback(
      { conversationId, channelId: record.channelId, summary: record.summary, priority: record.priority },
      record.contact ?? null,
      CallbackReason.noAgent,
    );
    const how = ticket.contact ? '' : ' We will follow up in this conversation.';
    await context.sendActivity(`I'm sorry, our team couldn't take your conversation right now. ${whenText}${how}`);
  }
}
