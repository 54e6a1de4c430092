import type { IntentDomain, IntentMetadata } from '../../intents/schema';
import type { AppConfig } from '../config';
import { EmergencyCategory, type EmergencyResult, type FrustrationAssessment, type IntentPrediction } from '../nlu/types';
import { crisisSkill, HandoffReason, Priority, higherPriority } from './vocabulary';

/** What the bot should do about humans this turn, weakest first. */
export const HandoffAction = {
  none: 'none',
  clarify: 'clarify',
  rephrase: 'rephrase',
  offerHuman: 'offer_human',
  handoff: 'handoff',
} as const;
export type HandoffAction = (typeof HandoffAction)[keyof typeof HandoffAction];

const actionStrength: Readonly<Record<HandoffAction, number>> = {
  none: 0,
  clarify: 1,
  rephrase: 2,
  offer_human: 3,
  handoff: 4,
};

/** Reason codes in the order they are reported (most telling first); `reasonCodes[0]` is the headline. */
const reasonOrder: readonly HandoffReason[] = [
  HandoffReason.emergency,
  HandoffReason.userRequested,
  HandoffReason.policyIntent,
  HandoffReason.frustration,
  HandoffReason.formFailure,
  HandoffReason.repeatedFallback,
];

export interface HandoffPolicyConfig {
  /** Frustration score at or above which the bot hands over, per domain; `default` covers the rest. */
  readonly frustrationThreshold: Readonly<{ default: number } & Partial<Record<IntentDomain, number>>>;
  /** Fallback streak at which a human is offered (1st fallback clarifies, later ones ask to rephrase). */
  readonly fallbacksBeforeOffer: number;
  /** Failures of the same form field that hand over. */
  readonly fieldFailuresBeforeHandoff: number;
}

/** Builds the policy config from the validated environment. */
export function policyConfigFrom(config: AppConfig): HandoffPolicyConfig {
  return {
    frustrationThreshold: {
      default: config.HANDOFF_FRUSTRATION_THRESHOLD,
      healthcare: config.HANDOFF_FRUSTRATION_THRESHOLD_HEALTHCARE,
      legal: config.HANDOFF_FRUSTRATION_THRESHOLD_LEGAL,
    },
    fallbacksBeforeOffer: config.HANDOFF_FALLBACKS_BEFORE_OFFER,
    fieldFailuresBeforeHandoff: config.HANDOFF_FIELD_FAILURES,
  };
}

export interface HandoffPolicyInput {
  readonly intent: {
    readonly prediction: IntentPrediction;
    /** Metadata of the predicted intent; null when the message is out of scope. */
    readonly metadata: Pick<IntentMetadata, 'escalate' | 'priority' | 'domain'> & { readonly minConfidence?: number } | null;
  };
  readonly emergency: EmergencyResult;
  readonly frustration: FrustrationAssessment;
  /** Consecutive turns the bot did not understand, including this one. */
  readonly fallbackStreak: number;
  /** Highest number of failures of one field in the current form. */
  readonly fieldFailures: number;
  /** The user asked for a person (the "agent" interrupt or an explicit request intent). */
  readonly explicitRequest: boolean;
  /** Domain of the conversation so far (e.g. of the active dialog); the stricter threshold applies. */
  readonly conversationDomain?: IntentDomain;
}

export interface HandoffDecision {
  readonly action: HandoffAction;
  readonly priority: Priority;
  /** Why, most telling first; empty when the action is none, clarify or rephrase. */
  readonly reasonCodes: readonly HandoffReason[];
  /** Show emergency guidance before anything else. */
  readonly sendEmergencyGuidance: boolean;
  /** Who should take it, when it needs someone in particular (`crisis` for suicide or self-harm language). */
  readonly skill?: string;
}

/** The threshold for a domain: the domain's override, else the default. */
export function frustrationThresholdFor(config: HandoffPolicyConfig, domain: IntentDomain | undefined): number {
  const threshold = config.frustrationThreshold;
  return (domain !== undefined ? threshold[domain] : undefined) ?? threshold.default;
}

/** Decides, from this turn's signals alone, whether and how to involve a human. Pure. */
export function decideHandoff(input: HandoffPolicyInput, config: HandoffPolicyConfig): HandoffDecision {
  let action: HandoffAction = HandoffAction.none;
  let priority: Priority = Priority.normal;
  const reasons = new Set<HandoffReason>();

  const raise = (to: HandoffAction, reason: HandoffReason | null, withPriority: Priority = Priority.normal) => {
    if (actionStrength[to] > actionStrength[action]) action = to;
    if (reason !== null) {
      reasons.add(reason);
      priority = higherPriority(priority, withPriority);
    }
  };

  if (input.emergency.isEmergency) raise(HandoffAction.handoff, HandoffReason.emergency, Priority.urgent);
  if (input.explicitRequest) raise(HandoffAction.handoff, HandoffReason.userRequested);

  const { prediction, metadata } = input.intent;
  const confident =
    prediction.intent !== null &&
    prediction.decision === 'clear' &&
    prediction.confidence >= (metadata?.minConfidence ?? 0);
  if (metadata?.escalate && confident) raise(HandoffAction.handoff, HandoffReason.policyIntent, metadata.priority);

  const thresholds = [metadata?.domain, input.conversationDomain].map((d) => frustrationThresholdFor(config, d));
  if (input.frustration.score >= Math.min(...thresholds)) {
    raise(HandoffAction.handoff, HandoffReason.frustration, Priority.high);
  }

  if (input.fieldFailures >= config.fieldFailuresBeforeHandoff) raise(HandoffAction.handoff, HandoffReason.formFailure);

  if (input.fallbackStreak >= config.fallbacksBeforeOffer) raise(HandoffAction.offerHuman, HandoffReason.repeatedFallback);
  else if (input.fallbackStreak >= 2) raise(HandoffAction.rephrase, null);
  else if (input.fallbackStreak === 1) raise(HandoffAction.clarify, null);

  return {
    action,
    priority: reasons.size > 0 ? priority : Priority.normal,
    reasonCodes: reasonOrder.filter((r) => reasons.has(r)),
    sendEmergencyGuidance: input.emergency.isEmergency,
    ...(input.emergency.categories.includes(EmergencyCategory.selfHarm) ? { skill: crisisSkill } : {}),
  };
}
