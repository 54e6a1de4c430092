import { HandoffPriority } from '../../intents/schema';

/**
 * Where a conversation stands with respect to humans. `released` and `cancelled` are not states:
 * they are transitions (and events) that return a conversation to `bot`.
 */
export const HandoffState = {
  bot: 'bot',
  queued: 'queued',
  assigned: 'assigned',
  callback: 'callback',
  closed: 'closed',
} as const;
export type HandoffState = (typeof HandoffState)[keyof typeof HandoffState];

/** States in which a human owns the conversation and the bot must stay silent. */
export const humanOwnedStates: readonly HandoffState[] = [HandoffState.queued, HandoffState.assigned];

/** Why a conversation went (or is offered) to a human. */
export const HandoffReason = {
  userRequested: 'user_requested',
  frustration: 'frustration',
  repeatedFallback: 'repeated_fallback',
  policyIntent: 'policy_intent',
  emergency: 'emergency',
  formFailure: 'form_failure',
  agentRequeue: 'agent_requeue',
  timeout: 'timeout',
  noAgent: 'no_agent',
  afterHours: 'after_hours',
} as const;
export type HandoffReason = (typeof HandoffReason)[keyof typeof HandoffReason];

/** The reasons that turn a queued or new handoff into a callback ticket. */
export const CallbackReason = {
  noAgent: HandoffReason.noAgent,
  afterHours: HandoffReason.afterHours,
  timeout: HandoffReason.timeout,
} as const;
export type CallbackReason = (typeof CallbackReason)[keyof typeof CallbackReason];

/**
 * The skill asked of whoever takes a conversation with suicide or self-harm language: a person trained
 * for crisis conversations. Such a wait is never ended by the customer's "I'm fine" alone.
 */
export const crisisSkill = 'crisis';

/** Queue priority; the same codes as the corpus's `priority` field. */
export const Priority = HandoffPriority;
export type Priority = HandoffPriority;

/** Queue order: a lower rank is served first. */
export const priorityRank: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, normal: 2 };

/** Returns the more pressing of two priorities. */
export function higherPriority(a: Priority, b: Priority): Priority {
  return priorityRank[a] <= priorityRank[b] ? a : b;
}

/** How an agent ends a conversation. */
export const Disposition = { resolved: 'resolved', returnToBot: 'return_to_bot' } as const;
export type Disposition = (typeof Disposition)[keyof typeof Disposition];

/** Events published to agent consoles (SSE) and across processes. */
export const HandoffEventType = {
  queued: 'queued',
  claimed: 'claimed',
  message: 'message',
  released: 'released',
  cancelled: 'cancelled',
  note: 'note',
  requeued: 'requeued',
  callback: 'callback',
  /** Emergency or crisis language while a person owns the chat (queued or assigned): act now. */
  alert: 'alert',
} as const;
export type HandoffEventType = (typeof HandoffEventType)[keyof typeof HandoffEventType];

/** Bot Framework handoff protocol wire names. */
export const HandoffProtocol = {
  initiateEvent: 'handoff.initiate',
  statusEvent: 'handoff.status',
  transcriptAttachmentName: 'Transcript',
} as const;

/** `handoff.status` values an external hub sends back. */
export const HandoffStatus = { accepted: 'accepted', failed: 'failed', completed: 'completed' } as const;
export type HandoffStatus = (typeof HandoffStatus)[keyof typeof HandoffStatus];

/** Callback ticket lifecycle. */
export const CallbackStatus = { open: 'open', done: 'done' } as const;
export type CallbackStatus = (typeof CallbackStatus)[keyof typeof CallbackStatus];

/** Agent roles; each role declares its own permissions in agents.ts. */
export const AgentRole = { agent: 'agent', supervisor: 'supervisor', clinician: 'clinician' } as const;
export type AgentRole = (typeof AgentRole)[keyof typeof AgentRole];

/** The values of an `as const` vocabulary as a non-empty tuple, for `z.enum`. */
export const valuesOf = <T extends Record<string, string>>(vocabulary: T): [T[keyof T], ...T[keyof T][]] =>
  Object.values(vocabulary) as [T[keyof T], ...T[keyof T][]];
