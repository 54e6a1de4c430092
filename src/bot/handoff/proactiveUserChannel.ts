import { AsyncLocalStorage } from 'node:async_hooks';
import { type Activity, type CloudAdapter, type ConversationReference, MessageFactory, type TurnContext } from 'botbuilder';
import { TandemError } from '../../errors';
import type { UserChannel, UserChannelMessage } from '../../handoff/handoffService';
import type { ConversationReferenceStore } from '../../storage/ports';
import { allowWhileHumanOwned } from '../humanSide';

/** Channel data that marks a message as a person's, so Web Chat can show the agent's name. */
export interface AgentChannelData {
  readonly agent: { readonly name: string };
  readonly tandem: { readonly kind: 'agent_message' | 'agent_joined' };
}

/**
 * Reaches the customer on their own channel, from any process: the conversation reference is in
 * the shared store and the message goes out through a proactive turn.
 */
export class ProactiveUserChannel implements UserChannel {
  private readonly currentTurn = new AsyncLocalStorage<{ context: TurnContext; quiet: boolean }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly references: ConversationReferenceStore,
    private readonly appId: string,
  ) {}

  async deliver(conversationId: string, message: UserChannelMessage): Promise<void> {
    const send = async (context: TurnContext) => {
      allowWhileHumanOwned(context);
      const activity = MessageFactory.text(message.text) as Partial<Activity>;
      if (message.agentName) {
        // A person's words are shown exactly as typed, never reinterpreted as markdown.
        activity.textFormat = 'plain';
        activity.channelData = {
          agent: { name: message.agentName },
          tandem: { kind: message.kind ?? 'agent_message' },
        } satisfies AgentChannelData;
      }
      await context.sendActivity(activity);
    };
    const turn = this.currentTurn.getStore();
    // A turn of this very conversation holds its lock: a proactive turn would wait for it, so reply in place.
    if (turn?.context.activity.conversation?.id === conversationId) return turn.quiet ? undefined : send(turn.context);
    await this.continueConversation(conversationId, send);
  }

  /**
   * Runs `work` so that anything it delivers to this turn's own conversation goes out in this turn,
   * or nowhere when `quiet` (the caller is about to say something that supersedes it).
   */
  withinTurn<T>(context: TurnContext, work: () => Promise<T>, options: { quiet?: boolean } = {}): Promise<T> {
    return this.currentTurn.run({ context, quiet: options.quiet ?? false }, work);
  }

  /** Runs `logic` in a proactive turn of the conversation (through the full middleware pipeline). */
  async continueConversation(conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const reference = await this.references.get(conversationId);
    if (!reference) throw new TandemError('NOT_FOUND', `no conversation reference for ${conversationId}`);
    await this.adapter.continueConversationAsync(this.appId, reference as ConversationReference, logic);
  }
}
