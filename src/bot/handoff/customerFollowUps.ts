import { type Activity, type CloudAdapter, type ConversationReference, MessageFactory, type TurnContext } from 'botbuilder';
import { TandemError } from '../../errors';
import type { CustomerNotice } from '../../handoff/handoffCore';
import type { Disposition } from '../../handoff/vocabulary';
import type { Logger } from '../../observability/logger';
import type { ConversationReferenceStore } from '../../storage/ports';
import { allowWhileHumanOwned } from '../humanSide';

/** Channel data that marks a message as a person's, so Web Chat can show the agent's name. */
export interface AgentChannelData {
  readonly agent: { readonly name: string };
  readonly tandem: { readonly kind: 'agent_message' | 'agent_joined' };
}

/** What the bot does for the customer when a person hands the chat back. */
export interface HandbackBot {
  askForCsat(context: TurnContext, agentName: string | undefined): Promise<void>;
  resumeAfterHandback(context: TurnContext, note: string | undefined, agentName: string | undefined): Promise<void>;
}

/** A released conversation as the agent API reports it to the bot layer. */
export interface ReleasedConversation {
  readonly conversationId: string;
  readonly disposition: Disposition;
  readonly note?: string;
  readonly agentName?: string;
}

/**
 * Every follow-up the customer gets from the handoff starts here: the notices the handoff services
 * return, sent in the customer's own turn or proactively (the agent desk, the hub, the sweeper), and
 * the bot's part of a release. Proactive turns run through the full middleware pipeline, from any
 * process: the conversation reference is in the shared store.
 */
export class CustomerFollowUps {
  constructor(
    private readonly deps: {
      readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
      readonly references: ConversationReferenceStore;
      readonly appId: string;
      readonly bot: HandbackBot;
      readonly logger?: Logger;
    },
  ) {}

  /**
   * Sends notices during a turn. Those for this turn's conversation go out in it (the turn holds the
   * conversation's lock, so a proactive turn would wait for it); any others proactively.
   */
  async sendInTurn(context: TurnContext, notices: readonly CustomerNotice[]): Promise<void> {
    const own = context.activity.conversation?.id;
    for (const notice of notices) {
      if (notice.conversationId === own) await sendNotice(context, notice);
      else await this.deliverOrLog(notice);
    }
  }

  /** Sends notices proactively, each on its own; one that cannot be delivered is logged and the rest still go. */
  async deliver(notices: readonly CustomerNotice[]): Promise<void> {
    for (const notice of notices) await this.deliverOrLog(notice);
  }

  /** Sends one notice proactively; throws when it cannot be delivered (the caller decides what that means). */
  async deliverOne(notice: CustomerNotice): Promise<void> {
    await this.continueConversation(notice.conversationId, (context) => sendNotice(context, notice));
  }

  /** `resolved` asks for a rating, `return_to_bot` lets the bot resume with the agent's note. */
  async afterRelease(released: ReleasedConversation): Promise<void> {
    const { conversationId, disposition, note, agentName } = released;
    const { bot } = this.deps;
    await this.continueConversation(conversationId, (context) =>
      disposition === 'resolved' ? bot.askForCsat(context, agentName) : bot.resumeAfterHandback(context, note, agentName),
    );
  }

  /** Runs `logic` in a proactive turn of the conversation (through the full middleware pipeline). */
  async continueConversation(conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = await this.deps.references.get(conversationId);
    if (!reference) throw new TandemError('NOT_FOUND', `no conversation reference for ${conversationId}`);
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference as ConversationReference, logic);
  }

  private async deliverOrLog(notice: CustomerNotice): Promise<void> {
    try {
      await this.deliverOne(notice);
    } catch (error) {
      this.deps.logger?.warn({ err: error, kind: notice.kind ?? 'notice' }, 'handoff: customer notice not delivered');
    }
  }
}

async function sendNotice(context: TurnContext, notice: CustomerNotice): Promise<void> {
  allowWhileHumanOwned(context);
  const activity = MessageFactory.text(notice.text) as Partial<Activity>;
  if (notice.agentName) {
    // A person's words are shown exactly as typed, never reinterpreted as markdown.
    activity.textFormat = 'plain';
    activity.channelData = {
      agent: { name: notice.agentName },
      tandem: { kind: notice.kind ?? 'agent_message' },
    } satisfies AgentChannelData;
  }
  await context.sendActivity(activity);
}
