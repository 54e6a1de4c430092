import type { TurnContext } from 'botbuilder';
import {
  type DialogTurnResult,
  TextPrompt,
  type PromptValidatorContext,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { HandoffDecision } from '../src/handoff/policy';
import { HandoffReason } from '../src/handoff/vocabulary';
import { EntityType } from '../src/nlu/types';
import { emergencyGuidance } from './emergencyGuidance';
import type { CallbackContact, HandoffGateway } from './handoffGateway';
import { InterruptibleDialog } from './interruptibleDialog';
import type { RoutedDialogOptions } from './mainDialog';
import { getTurnSignals } from './turnSignals';

export interface HandoffDialogOptions {
  readonly decision?: HandoffDecision;
  readonly intent?: RoutedDialogOptions['intent'];
}

const contactPromptId = 'handoffContact';

/** The first phone number or email the NLU found in this turn's message (already validated and normalised). */
function contactIn(context: TurnContext): CallbackContact | undefined {
  for (const entity of getTurnSignals(context)?.understanding.entities ?? []) {
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
export class HandoffDialog extends InterruptibleDialog {
  static readonly id = 'handoff';
  protected readonly helpText = "I'm arranging for a person on our team to take over this conversation.";

  constructor(private readonly gateway: HandoffGateway) {
    super(HandoffDialog.id);
    this.addDialog(new TextPrompt(contactPromptId, async (prompt: PromptValidatorContext<string>) => {
      const ok = contactIn(prompt.context) !== undefined;
      if (!ok && prompt.attemptCount < 4) {
        await prompt.context.sendActivity(
          "That doesn't look like a valid phone number or email address. Please type one, e.g. (555) 010-7788 or name@example.com.",
        );
      }
      return ok || prompt.attemptCount >= 4;
    }));
    this.addDialog(
      new WaterfallDialog(`${HandoffDialog.id}.steps`, [
        this.request.bind(this),
        this.captureContact.bind(this),
      ]),
    );
    this.initialDialogId = `${HandoffDialog.id}.steps`;
  }

  private async request(step: WaterfallStepContext<HandoffDialogOptions>): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as HandoffDialogOptions;
    const decision = options.decision ?? decisionForIntent(options.intent);
    const categories = getTurnSignals(step.context)?.understanding.emergency.categories ?? [];
    if (decision.sendEmergencyGuidance) await step.context.sendActivity(emergencyGuidance(categories));
    const outcome = await this.gateway.request(step.context, decision);
    if (outcome.outcome === 'queued') return step.endDialog({ handedOff: true });
    if (!outcome.needsContact) {
      await step.context.sendActivity(outcome.customerMessage);
      return step.endDialog({ handedOff: false, callback: true });
    }
    return step.prompt(contactPromptId, {
      prompt: `${outcome.customerMessage}\nWhat phone number or email should we use to reach you?`,
    });
  }

  private async captureContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const contact = contactIn(step.context);
    if (!contact) {
      await step.context.sendActivity(
        "I couldn't read a phone number or email, so I haven't booked a callback. Say \"talk to a human\" to try again.",
      );
      return step.endDialog({ handedOff: false });
    }
    const when = await this.gateway.scheduleCallback(step.context, contact);
    await step.context.sendActivity(`Thanks. I've booked a callback to ${contact.kind === 'phone' ? 'your phone' : 'your email'}. ${when}`);
    return step.endDialog({ handedOff: false, callback: true });
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
