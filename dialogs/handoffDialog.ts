import { ActivityTypes } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { readsAsFalseAlarm } from './answers/falseAlarm';
import type { CallbackContact } from '../src/handoff/callbackContact';
import type { HandoffDecision } from '../src/handoff/policy';
import { HandoffReason } from '../src/handoff/vocabulary';
import { EntityType, type Entity } from '../src/nlu/types';
import { emergencyGuidance } from './emergencyGuidance';
import { guidanceGivenThisTurn } from './guidanceGiven';
import type { FlowTurn } from './flowTurn';
import { type HandoffGateway, handoffDialogId } from './handoffGateway';
import { type InterruptionResult, TaskDialog } from './taskDialog';
import type { RoutedDialogOptions } from './mainDialog';
import { getTurnSignals } from './turnSignals';

export interface HandoffDialogOptions {
  readonly decision?: HandoffDecision;
  readonly intent?: RoutedDialogOptions['intent'];
}

/** What the handoff dialog ends with. */
export interface HandoffResult extends InterruptionResult {
  readonly callback?: boolean;
}

interface HandoffState {
  failures: number;
  /** The callback ticket is filed already: a contact only adds to it. */
  contactOptional?: boolean;
}

const contactQuestion = 'What phone number or email should we use to reach you?';
const optionalContactQuestion = "If you'd like a call or an email as well, type your phone number or email address; otherwise we'll reply right here.";
/** Kept in the dialog's instance state, beside the flow's, when it began with emergency guidance (start over keeps it). */
const emergencyKey = 'handoff.emergency';
const maxContactFailures = 3;

/** The first phone number or email the NLU found in the message (already validated and normalised). */
function contactIn(entities: readonly Entity[]): CallbackContact | undefined {
  for (const entity of entities) {
    if (typeof entity.value !== 'string') continue;
    if (entity.type === EntityType.email) return { kind: 'email', value: entity.value };
    if (entity.type === EntityType.phone) return { kind: 'phone', value: entity.value };
  }
  return undefined;
}

/**
 * Hands the conversation to a person: emergency guidance first when needed, then the queue (with
 * position and wait) or, when nobody can take it, a callback with a validated phone or email.
 */
export class HandoffDialog extends TaskDialog<HandoffState, HandoffDialogOptions> {
  static readonly id = handoffDialogId;
  protected readonly helpText = "I'm arranging for a person on our team to take over this conversation.";
  protected override readonly taskTitle = 'arranging your callback';
  // A new request for a person, or an emergency, replaces this one.
  override readonly keepsPlaceUnderPreemption = false;
  protected override taskWords(): readonly string[] {
    return ['callback', 'call', 'request', 'ticket'];
  }
  // Starting over asks again from scratch, without the intent that first routed here.
  protected override restartOptions(): object {
    return {};
  }

  constructor(private readonly gateway: HandoffGateway) {
    super(HandoffDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: HandoffDialogOptions): Promise<DialogTurnResult> {
    if (options?.decision?.sendEmergencyGuidance && dc.activeDialog) dc.activeDialog.state[emergencyKey] = true;
    return super.beginDialog(dc, options);
  }

  /**
   * A false alarm ("no I'm fine, I meant the product") is never a contact detail nor a cancel of the
   * callback: the customer goes back to what the emergency interrupted (the urgent ticket stays filed).
   */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc;
    const emergency = (dc.activeDialog?.state as Record<string, unknown> | undefined)?.[emergencyKey] === true;
    const screening = getTurnSignals(context)?.understanding.emergency;
    if (!emergency || context.activity.type !== ActivityTypes.Message || screening?.isEmergency || !readsAsFalseAlarm(context.activity.text ?? '')) {
      return super.continueDialog(dc);
    }
    const below = dc.stack.length > 1;
    await context.sendActivity(
      `OK, I'm glad it's not an emergency. Our team will still see the urgent request and may check in with you.${below ? '' : ' What can I help you with?'}`,
    );
    return dc.endDialog({ cancelled: true } satisfies HandoffResult);
  }

  protected initialState(): HandoffState {
    return { failures: 0 };
  }

  protected async start(turn: FlowTurn<HandoffState>, options: HandoffDialogOptions | undefined): Promise<DialogTurnResult> {
    const decision = options?.decision ?? decisionForIntent(options?.intent);
    const categories = turn.signals?.understanding.emergency.categories ?? [];
    if (decision.sendEmergencyGuidance && !guidanceGivenThisTurn(turn.context)) await turn.say(emergencyGuidance(categories));
    const outcome = await this.gateway.request(turn.context, decision);
    if (outcome.outcome === 'queued') return turn.end({ handedOff: true } satisfies HandoffResult);
    if (!outcome.needsContact) {
      await turn.say(outcome.customerMessage);
      return turn.end({ handedOff: false, callback: true } satisfies HandoffResult);
    }
    if (outcome.ticketFiled) {
      turn.state.contactOptional = true;
      return turn.ask(`${outcome.customerMessage}\n${optionalContactQuestion}`, undefined, { entities: [EntityType.phone, EntityType.email] });
    }
    return turn.ask(`${outcome.customerMessage}\n${contactQuestion}`, undefined, { entities: [EntityType.phone, EntityType.email] });
  }

  protected async onMessage(turn: FlowTurn<HandoffState>): Promise<DialogTurnResult> {
    const contact = contactIn(turn.entities);
    if (!contact && turn.state.contactOptional) {
      await turn.say("OK. Our team will follow up right here in this conversation.");
      return turn.end({ handedOff: false, callback: true } satisfies HandoffResult);
    }
    if (!contact) {
      turn.state.failures += 1;
      if (turn.state.failures >= maxContactFailures) {
        await turn.say("I couldn't read a phone number or email, so I haven't booked a callback. Say \"talk to a human\" to try again.");
        return turn.end({ handedOff: false } satisfies HandoffResult);
      }
      return turn.ask(
        `That doesn't look like a valid phone number or email address. Please type one, e.g. (555) 010-7788 or name@example.com, or say "cancel" if you don't need a callback.\n${contactQuestion}`,
        undefined,
        { entities: [EntityType.phone, EntityType.email] },
      );
    }
    const when = await this.gateway.scheduleCallback(turn.context, contact);
    await turn.say(`Thanks. I've booked a callback to ${contact.kind === 'phone' ? 'your phone' : 'your email'}. ${when}`);
    return turn.end({ handedOff: false, callback: true } satisfies HandoffResult);
  }
}

/** When routed by an escalating intent (billing dispute, legal advice…), the intent is the reason. */
function decisionForIntent(intent: RoutedDialogOptions['intent'] | undefined): HandoffDecision {
  return {
    action: 'handoff',
    priority: intent?.priority ?? 'normal',
    reasonCodes: [intent?.dialog === HandoffDialog.id && intent.interrupts ? HandoffReason.userRequested : HandoffReason.policyIntent],
    sendEmergencyGuidance: false,
  };
}
