import { decideHandoff, HandoffAction, type HandoffPolicyConfig } from '../handoff/policy';
import { HandoffReason } from '../handoff/vocabulary';
import { type FrustrationAssessment, FrustrationReason } from '../nlu/types';
import type { PreemptionPolicy } from './tandemBot';

export const handoffDialogId = 'handoff';

/**
 * Turns the pure handoff policy into "what must happen before dialogs". Policy intents alone don't
 * pre-empt: their own dialog runs first (a complaint is captured before it is handed over).
 * Emergencies detected in the text always pre-empt, whatever the classifier thought.
 */
export function preemptionFromPolicy(config: HandoffPolicyConfig): PreemptionPolicy {
  return ({ understanding, intent, frustration, fallbackStreak, inTask }) => {
    const decision = decideHandoff(
      {
        intent: { prediction: understanding.intent, metadata: intent ?? null },
        emergency: understanding.emergency,
        frustration: inTask ? withoutStoryContent(frustration) : frustration,
        fallbackStreak,
        fieldFailures: 0,
        explicitRequest: intent?.interrupts === true && intent.dialog === handoffDialogId,
      },
      config,
    );
    if (decision.action !== HandoffAction.handoff) return { decision };
    // A policy intent alone never ends a task: its own dialog runs when no task is active. Anything
    // else (an explicit ask, an emergency the detector confirms, frustration) pre-empts; an intent
    // that "interrupts" then goes to its own dialog, the rest to the handoff dialog.
    const preempts = decision.reasonCodes.some((r) => r !== HandoffReason.policyIntent);
    if (!preempts) return { decision };
    return { decision, preempt: { dialogId: intent?.interrupts ? intent.dialog : handoffDialogId, options: { decision } } };
  };
}

/** Signals that a sad story carries by itself; they say nothing about the bot failing the user. */
const storyReasons = new Set<string>([FrustrationReason.complaintWords, FrustrationReason.negativeSentiment, FrustrationReason.negativeTrend]);

/**
 * Inside a task, a customer describing what went wrong ("my employer fired me") is answering the
 * question, not losing patience with us; only signals aimed at the conversation itself count.
 */
function withoutStoryContent(assessment: FrustrationAssessment): FrustrationAssessment {
  return assessment.reasons.every((r) => storyReasons.has(r)) ? { score: 0, reasons: [] } : assessment;
}
