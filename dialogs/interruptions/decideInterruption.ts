import { IntentRole, type IntentMetadata } from '../../intents/schema';
import type { Understanding } from '../../src/nlu/types';
import { AnswerFit } from '../answers/answerFit';
import { type Command, matchCommand } from '../commands';
import { isHedgedAnswer } from './hedgedCancel';
import { readStop, saysStop } from './stopRequest';

/** What a message is to a task that waits for an answer. */
export type Interruption =
  | { readonly kind: 'answer' }
  | { readonly kind: Exclude<Command, 'cancel'> }
  /**
   * The task ends; `then` is the rest of the message ("never mind, what are your hours?"), handled afterwards;
   * `bare`: the stop meant nothing else, so the whole message's intent is the rest's.
   */
  | { readonly kind: 'cancel'; readonly then?: string; readonly bare?: boolean }
  /** A question about the question itself ("why do you need my date of birth?"): say why, then ask again. */
  | { readonly kind: 'why' }
  /** A question nobody here can answer, where an answer was expected: say so (a person can), then ask again. */
  | { readonly kind: 'unanswerable' }
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
  /** Words that name the waiting task ("appointment", "booking"): "cancel the booking" stops it. */
  readonly taskWords?: readonly string[];
  /** The pending question's text: when it is about cancelling something, "cancel it" may answer it. */
  readonly question?: string;
}

const questionStart = /^(?:\W*(?:(?:ok|okay|so|and|but|also|sorry|actually|quick question|one (?:more )?question|wait|hey|hi|hm+|um+|uh+|oh|well|btw|just)\b[\s,:.!-]*)*)(?:what|whats|when|where|wheres|which|who|whos|whom|whose|why|how|hows|do|does|did|is|are|was|were|can|could|will|would|should|may|am|have|has)\b/i;

/** True when the text reads as a question: a question mark, or a question word at its start. */
export function looksLikeQuestion(text: string): boolean {
  return /\?\s*$/.test(text.trim()) || questionStart.test(text.trim());
}

/** A question about why something is asked, or whether it must be answered. */
const aboutTheQuestion =
  /^(?:\W*(?:ok|okay|so|but|sorry|wait|hm+)\b[\s,.]*)*(?:why (?:do|would|does|should|did) (?:you|u|i|it|the \w+)\b|why(?: is| are)? (?:that|this|it) (?:needed|necessary|required|important)|what (?:do|would|will) you (?:need|want|use) (?:it|that|this|my \w+(?: \w+)?) for|what(?:'s| is) (?:that|this|it) for|(?:do|must) i (?:have to|need to|really have to) (?:give|tell|answer|share|provide)|is (?:that|this|it) (?:required|necessary|mandatory|needed)|how (?:will|do|would) you use (?:it|that|this|my))/iu;

/** True when the text asks why the pending question is asked ("why do you need my date of birth?"). */
export function asksAboutTheQuestion(text: string): boolean {
  return aboutTheQuestion.test(text.trim());
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
  const stop = readStop(text, input.taskWords ?? [], /\b(?:cancel|stop|end)\w*\b/iu.test(input.question ?? ''));
  if (stop.kind === 'stop') return { kind: 'cancel' };
  if (stop.kind === 'stopThen') return { kind: 'cancel', then: stop.rest, bare: stop.bare };
  if (!input.returned && asksAboutTheQuestion(text)) return { kind: 'why' };
  // A question the knowledge base answers is never stored as an answer, whichever task the classifier thinks it names.
  // At a free-text prompt too: words put as a question that the knowledge base answers ("is a physical covered by
  // Cigna?" when asked the reason for the visit) are that question, not the reason.
  const knownQuestion = !input.returned && looksLikeQuestion(text) && input.knows(text);

  if (intent) {
    const sure = !narrative || understanding.intent.confidence >= narrativeCommandConfidence;
    switch (intent.role) {
      case IntentRole.cancel:
        // A stop is said in words: "Eva Stone" (a name), "yep do it" or "I don't know" are answers, whatever the classifier hears.
        if (!saysStop(text)) return { kind: 'answer' };
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
        if (intent.dialog === input.taskDialog || narrative || input.returned) return knownQuestion && !narrative ? { kind: 'aside' } : { kind: 'answer' };
        if (understanding.intent.confidence < taskSwitchConfidence) return knownQuestion ? { kind: 'aside' } : { kind: 'answer' };
        return { kind: 'task', intent };
    }
  }
  if (knownQuestion) return { kind: 'aside' };
  // A question is never a (bad) answer: where nothing here answers it, the task says so and asks again.
  // Digits or a short phrase may be a try at an answer ("can I have the 9:30 one?"); the task judges those.
  const triesAnAnswer = /\d/u.test(text) || text.split(/\s+/u).length < 3;
  if (fit === AnswerFit.none && !input.returned && !narrative && !triesAnAnswer && looksLikeQuestion(text)) return { kind: 'unanswerable' };
  return { kind: 'answer' };
}
