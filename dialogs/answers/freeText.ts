/** Why a free-text answer cannot be used as it is; undefined when it can. */
export type FreeTextProblem = 'empty' | 'too_long' | 'unreadable';

/** True when the text has no letter or digit at all (emoji, punctuation, symbols only). */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** Checks a free-text answer before it is stored. */
export function checkFreeText(text: string, maxChars: number): FreeTextProblem | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > maxChars) return 'too_long';
  if (hasNoWords(trimmed)) return 'unreadable';
  return undefined;
}

/** The re-ask wording for each problem. */
export function freeTextProblemMessage(problem: FreeTextProblem, maxChars: number): string {
  switch (problem) {
    case 'empty':
      return "I didn't get an answer there.";
    case 'too_long':
      return `That's a bit long for me: please keep it under ${maxChars} characters.`;
    case 'unreadable':
      return "I can't read emoji or symbols on their own, so please answer in words.";
  }
}
