/** Longer than this, a message is read for its questions rather than as a whole. */
export const longMessageChars = 400;

const sentenceEnd = /[^.!?\n]+(?:[.!?]+|\n|$)/gu;
const questionWord = /^(?:\W*(?:ok|okay|so|and|but|also|hi|hello|hey)\b[\s,:.!-]*)*(?:what|when|where|which|who|whose|why|how|do|does|did|is|are|can|could|will|would|should|may|am|have|has)\b/iu;

/**
 * The part of a message the knowledge base should read. A long message (a story, a paste, the same
 * words over and over) is cut to its questions, with each repeated sentence kept once, so that its
 * bulk does not outweigh what it asks; a short one is read whole.
 */
export function questionFocus(message: string): string {
  if (message.length <= longMessageChars) return message;
  const sentences = [...new Set((message.match(sentenceEnd) ?? []).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s)))];
  const questions = sentences.filter((s) => s.endsWith('?') || questionWord.test(s));
  const kept = questions.length > 0 ? questions : sentences;
  return kept.join(' ').slice(0, longMessageChars * 2);
}
