import type { TurnContext } from 'botbuilder';
import type { Disposition } from '../../handoff/vocabulary';

/** What the bot does for the customer when a person hands the chat back. */
export interface HandbackBot {
  askForCsat(context: TurnContext, agentName: string | undefined): Promise<void>;
  resumeAfterHandback(context: TurnContext, note: string | undefined, agentName: string | undefined): Promise<void>;
}

/** Runs proactive turns of a conversation (through the full middleware pipeline). */
export interface ProactiveTurns {
  continueConversation(conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** A released conversation as the agent API reports it to the bot layer. */
export interface ReleasedConversation {
  readonly conversationId: string;
  readonly disposition: Disposition;
  readonly note?: string;
  readonly agentName?: string;
}

/**
 * The customer-facing half of a release, run by whichever process took the agent's request:
 * `resolved` asks for a rating, `return_to_bot` lets the bot resume with the agent's note.
 */
export class AgentHandback {
  constructor(
    private readonly turns: ProactiveTurns,
    private readonly bot: HandbackBot,
  ) {}

  async afterRelease(released: ReleasedConversation): Promise<void> {
    const { conversationId, disposition, note, agentName } = released;
    await this.turns.continueConversation(conversationId, (context) =>
      disposition === 'resolved' ? this.bot.askForCsat(context, agentName) : this.bot.resumeAfterHandback(context, note, agentName),
    );
  }
}
