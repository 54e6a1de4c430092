/** Words that open a change of mind: "actually, make it Thursday" changes an answer, it doesn't stop anything. */
const hedge = /^(?:(?:actually|hmm+|oh|wait|well|um+|uh+|so|ok(?:ay)?)\b[\s,.!-]*)+/iu;
/** What stopping sounds like after such a word: "actually no", "actually cancel", "actually never mind". */
const stopping =
  /\b(?:no|nope|nah|cancel\w*|cancle|stop\w*|quit|exit|abort|never ?mind|nevermnd|nvm|forget|forgt|don't|do not|drop|scratch|changed my mind|leave it|i'm good|i'm fine|done)\b/iu;

/**
 * True when the message only opens like a change of mind ("actually", "hmm", "wait") and then goes on
 * to say something other than stopping: the classifier's "cancel" reading comes from the opening word.
 */
export function isHedgedAnswer(text: string): boolean {
  const opening = hedge.exec(text.trim());
  if (!opening) return false;
  const rest = text.trim().slice(opening[0].length);
  return /[\p{L}\p{N}]/u.test(rest) && !stopping.test(rest);
}
