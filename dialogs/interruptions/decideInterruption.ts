import { IntentRole, type IntentMetadata } from '../../intents/schema';
import type { Understanding } from '../../src/nlu/types';
import { AnswerFit } from '../answers/answerFit';
import { type Command, matchCommand } from '../commands';
import { isHedgedAnswer } from './hedgedCancel';

/** What a message is to a task that waits for an answer. */
export type Interruption =
  | { readonly kind: 'answer' }
  | { readonly kind: Command }
  | { readonly kind: 'otherLanguage' }
  /** A question answered in passing (knowledge base); the task resumes at once. */
  | { readonly kind: 'aside'; readonly intent?: IntentMetadata }
  /** Another task first (a lookup, a booking); this one resumes afterwards. */
  | { readonly kind: 'task'; readonly intent: IntentMetadata };

export interface InterruptionInput {
  readonly text: string;
  readonly understanding: Understanding;
  /** Metadata of the top intent when the classifier is clear about it. */
  readonly intent: IntentMetadata | undefined;
  /** How well the message answers the pending question. */
  readonly fit: AnswerFit;
  /** The pending question wants the user's own account (a reason, what happened). */
  readonly narrative: boolean;
  /** Id of the task dialog that is waiting; its own intents are answers to it. */
  readonly taskDialog: string;
  /** Whether the knowledge base answers the text confidently. */
  readonly knows: (text: string) => boolean;
  /** The message came back from something that did not take it: it can't be handed on again. */
  readonly returned?: boolean;
}

const questionStart = /^(?:\W*(?:(?:ok|okay|so|and|but|also|sorry|actually|quick question|one (?:more )?question|wait|hey|hi)\b[\s,:.!-]*)*)(?:what|when|where|which|who|whom|whose|why|how|do|does|did|is|are|was|were|can|could|will|would|should|may|am|have|has)\b/i;

/** True when the text reads as a question: a question mark, or a question word at its start. */
export function looksLikeQuestion(text: string): boolean {
  return /\?\s*$/.test(text.trim()) || questionStart.test(text.trim());
}

/** Narrative answers are interrupted only by a command the classifier is sure of. */
const narrativeCommandConfidence = 0.85;
/** Leaving a task half-done for another one takes more certainty than answering a question in passing. */
const taskSwitchConfidence = 0.6;

/**
 * Decides whether a message answers the question a task waits on or interrupts it, from what NLU
 * understood (intent, its role and confidence, the language) and how well the text fits the question.
 * A value of the kind asked for is always an answer, so "no" answers a yes/no question and "2" a choice.
 */
export function decideInterruption(input: InterruptionInput): Interruption {
  const { text, understanding, intent, fit, narrative } = input;
  const exact = fit === AnswerFit.exact;
  // Empty and emoji-only messages are bad answers: the task re-asks with its reason and counts them.
  if (exact || !/[\p{L}\p{N}]/u.test(text)) return { kind: 'answer' };
  const command = matchCommand(text);
  if (command) return { kind: command };
  if (understanding.language !== 'en' && understanding.language !== 'und') return { kind: 'otherLanguage' };

  if (intent) {
    const sure = !narrative || understanding.intent.confidence >= narrativeCommandConfidence;
    switch (intent.role) {
      case IntentRole.cancel:
        return sure && !isHedgedAnswer(text) ? { kind: 'cancel' } : { kind: 'answer' };
      case IntentRole.help:
        return sure && fit === AnswerFit.none ? { kind: 'help' } : { kind: 'answer' };
      case IntentRole.question:
        // Where any words may answer ("Aetna" as the insurer), only something put as a question asks one.
        if (input.returned || (fit === AnswerFit.loose && !looksLikeQuestion(text))) return { kind: 'answer' };
        return { kind: 'aside', intent };
      case IntentRole.social:
        return narrative || input.returned ? { kind: 'answer' } : { kind: 'aside', intent };
      case IntentRole.task:
        if (intent.dialog === input.taskDialog || narrative || input.returned) return { kind: 'answer' };
        if (understanding.intent.confidence < taskSwitchConfidence) return { kind: 'answer' };
        return { kind: 'task', intent };
    }
  }
  if (fit === AnswerFit.none && !input.returned && looksLikeQuestion(text) && input.knows(text)) return { kind: 'aside' };
  return { kind: 'answer' };
}
