import type { CleanedText } from './cleanText';

/** A sentence ends here: the last one of these in a truncated text closes the last complete sentence. */
const sentenceEnd = /[.!?][)"'’”]*(?=\s|$)|\n/gu;

/**
 * The text crisis screening reads. When truncation cut a message mid-sentence, the fragment it ends on
 * ("…I have been trying to") was never written by the user and reads like anything; screening stops at the
 * last complete sentence instead. A text with no sentence end at all is kept whole.
 */
export function screenableText({ text, truncated }: CleanedText): string {
  if (!truncated) return text;
  let end = -1;
  for (const match of text.matchAll(sentenceEnd)) end = match.index + match[0].length;
  return end > 0 ? text.slice(0, end) : text;
}
