import type { TurnContext } from 'botbuilder';
import { redactPii } from '../../src/privacy/redactPii';
import { recentQuestion, topicMemory } from '../topicMemory';

/**
 * A follow-up that names only what changed ("what about sundays?", "and Humana?", "how about the Denver
 * one"): the words after the opener, or undefined when the message stands on its own.
 */
const opener = /^\W*(?:(?:ok(?:ay)?|so|and|but|hmm+|oh)\b[\s,]*)*(?:what|how) about\s+|^\W*(?:and|also|same for|what if it's|and for|and on|and at|and in)\s+/iu;
const maxFollowUpWords = 5;
const ownQuestion = /^(?:what|when|where|which|who|why|how|do|does|did|is|are|can|could|will|would|should|may)\b/iu;

export function followUpOf(text: string): string | undefined {
  const match = opener.exec(text.trim());
  if (!match) return undefined;
  const rest = text.trim().slice(match[0].length).replace(/[?.!]+$/u, '').trim();
  const words = rest.split(/\s+/u).filter(Boolean);
  // "and how long do refunds take?" is a question of its own.
  if (ownQuestion.test(rest)) return undefined;
  return words.length > 0 && words.length <= maxFollowUpWords ? rest : undefined;
}

/**
 * The question to put to the knowledge base for `text`: a follow-up reads as the question it follows with
 * its new words ("are you open on saturdays?" + "sundays"); anything else as typed.
 */
export function questionInContext(context: TurnContext, text: string, now: Date): string {
  const rest = followUpOf(text);
  const previous = rest ? recentQuestion(context, now) : undefined;
  // The new words count twice, so "what about chicago" after a question about Denver is about Chicago.
  return previous ? `${previous.text.replace(/[?.!]+$/u, '')} ${rest} ${rest}?` : text;
}

/** True when `text` follows up a recent question ("what about sundays?" after one about saturdays). */
export function followsUpQuestion(context: TurnContext, text: string, now: Date): boolean {
  return followUpOf(text) !== undefined && recentQuestion(context, now) !== undefined;
}

/** Remembers the question the knowledge base answered, for a follow-up; redacted, as it is kept in conversation state. */
export function rememberQuestion(context: TurnContext, question: string, now: Date): void {
  topicMemory(context).question = { text: redactPii(question.slice(0, 300)), at: now.toISOString() };
}
