import type { Entity, EntityType } from '../../src/nlu/types';
import { matchChoice } from './choice';
import { parseYesNo } from './yesNo';

/** How well a message fits the question a task is waiting on. */
export const AnswerFit = {
  /** A value of the kind asked for: a choice, a yes or no, a date, a phone number… */
  exact: 'exact',
  /** Words where any words may do (a name, a reason); a command or a question still wins. */
  loose: 'loose',
  none: 'none',
} as const;
export type AnswerFit = (typeof AnswerFit)[keyof typeof AnswerFit];

/** What a question waits for, declared by the flow that asks it. Plain JSON: it is kept with the question. */
export interface ExpectedAnswer {
  /** Entity types that answer it (a date, a phone number, an email…). */
  readonly entities?: readonly EntityType[];
  /** A yes or a no answers it. */
  readonly yesNo?: boolean;
  /** Any words answer it (a name, a reason). */
  readonly freeText?: boolean;
  /** The user's own account (what happened, why they come): only a command or a clear question interrupts it. */
  readonly narrative?: boolean;
}

/** Fit of `text` to a question with these choices and this expectation. */
export function fitOf(text: string, entities: readonly Entity[], choices: readonly string[] | undefined, expects: ExpectedAnswer | undefined): AnswerFit {
  if (choices && choices.length > 0 && matchChoice(text, choices) !== undefined) return AnswerFit.exact;
  // A question offering "Yes…" and "No…" is a yes/no question, however it declared itself: "no thanks" answers it.
  const yesNo = expects?.yesNo === true || (choices?.some((c) => parseYesNo(c.split(/[\s,]/u)[0] ?? '') !== undefined) ?? false);
  if (yesNo && parseYesNo(text) !== undefined) return AnswerFit.exact;
  if (expects?.entities && entities.some((e) => expects.entities?.includes(e.type))) return AnswerFit.exact;
  if ((expects?.freeText || expects?.narrative) && /[\p{L}\p{N}]/u.test(text)) return AnswerFit.loose;
  return AnswerFit.none;
}
