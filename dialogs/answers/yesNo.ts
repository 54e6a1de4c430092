const yes = /^(y|yes|yeah|yep|yup|sure|ok|okay|please|yes please|please do|go ahead|do it|confirm|correct|that's right|that is right|right|absolutely|of course)$/;
const no = /^(n|no|nope|nah|no thanks|no thank you|don't|do not|not now|negative|keep it|wrong)$/;
/** One-word yeses and noes as people type them, typos and stretched letters included ("yess", "yse", "noo", "naw"). */
const yesWord = /^(?:y+e+[sa]+h*|y+e+p+|y+u+p+|ya+h?|yea+h?|yse|sure|ok(?:ay)?|k|absolutely|definitely|certainly|correct|right|yas+)$/;
const noWord = /^(?:n+o+|nope|nah+|naw|nop|nay|negative)$/;
/** Words that may follow a yes or a no without changing it ("yep do it", "YES!!!", "no thanks"). */
const softeners = new Set([
  'please', 'pls', 'plz', 'thanks', 'thank', 'you', 'thx', 'ty', 'do', 'it', 'go', 'ahead', 'sure', "that's", 'thats', 'fine', 'ok', 'okay',
  'great', 'perfect', 'good', 'sounds', 'i', 'am', 'is', 'that', 'one', 'works', 'sir', 'then', 'for', 'now', 'definitely', 'absolutely', 'of', 'course',
  // The confirming verb itself ("yes book it", "yep send it"); "cancel" is left out, which could mean the opposite.
  'book', 'send', 'confirm', 'proceed', 'submit', 'file',
]);
const noSofteners = new Set(['thanks', 'thank', 'you', 'thx', 'ty', 'not', 'now', 'keep', 'it', "don't", 'dont', 'please', 'pls', 'sorry', 'i', 'm', "i'm", 'good', 'fine', 'that', "that's", 'ok', 'okay', 'then']);

/** Reads a yes or a no out of a short answer; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const normalized = text.toLowerCase().replace(/[’‘]/g, "'").replace(/[.!,\s]+$/u, '').replace(/\s+/g, ' ').trim();
  if (yes.test(normalized)) return true;
  if (no.test(normalized)) return false;
  // "yep do it", "YES!!!", "nah thanks": a yes or no word first, then only words that don't change it.
  const words = normalized.replace(/[^\p{L}\p{N}'\s]/gu, ' ').split(/\s+/u).filter((w) => w.length > 0);
  const [first, ...rest] = words;
  if (!first || rest.length > 3 || /\?/.test(text)) return undefined;
  if (yesWord.test(first) && rest.every((w) => softeners.has(w))) return true;
  if (noWord.test(first) && rest.every((w) => noSofteners.has(w))) return false;
  return undefined;
}
