import type { TurnContext } from 'botbuilder';
import type { CallbackContact } from '../src/handoff/callbackContact';
import type { HandoffDecision } from '../src/handoff/policy';

/** What the customer is told after asking for a person. */
export interface HandoffOutcome {
  /** queued: a person will take over (the gateway has already told the customer). callback: nobody can now. */
  readonly outcome: 'queued' | 'callback';
  /** For a callback: true when we still need a phone or email. */
  readonly needsContact: boolean;
  /** For a callback: the ticket is already filed (an emergency), so a contact is welcome but optional. */
  readonly ticketFiled?: boolean;
  /** Position and honest wait, or why a callback is offered. Already user-facing. */
  readonly customerMessage: string;
}

/** The dialogs' view of human handoff; the bot layer implements it over the handoff service. */
export interface HandoffGateway {
  /** Queues the conversation (telling the customer their place) or routes it to a callback. */
  request(context: TurnContext, decision: HandoffDecision): Promise<HandoffOutcome>;
  /** Files a callback ticket for a validated contact; resolves with "when to expect contact". */
  scheduleCallback(context: TurnContext, contact: CallbackContact): Promise<string>;
}

/** Id of the dialog that hands a conversation to a person; tasks put it on top of themselves to keep their place. */
export const handoffDialogId = 'handoff';
