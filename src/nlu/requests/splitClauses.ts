/** A stretch of a message that may carry a request of its own. Offsets index the message it came from. */
export interface Clause {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Where one clause may end and the next begin: after sentence punctuation, at a comma, and at a
 * conjunction ("and", "plus", "but", "then", "as well as"), which belongs to neither side. "Also" only
 * joins when it opens a clause ("thanks. also…"): "can I also book" is one request.
 */
const boundary = /[.!?;]+(?=\s|$)|,|\s&\s|\b(?:and|plus|but|then|as well as)\b/giu;

/** Words that only join a clause to the one before it ("and also where is…"). */
const leadingJoiners = /^(?:(?:and|also|plus|but|then|so|as well as|too)\b[\s,]*)+/iu;

/**
 * Cuts a message into candidate clauses at punctuation and conjunctions. It cuts generously: a
 * "clause" may be a fragment ("zip 78704", "a follow-up"); telling requests from fragments is up to
 * whoever classifies them. A word-internal dot (a.m., Dr.) followed by a space is cut too, for the same reason.
 */
export function splitClauses(message: string): Clause[] {
  const clauses: Clause[] = [];
  const push = (from: number, to: number): void => {
    const raw = message.slice(from, to);
    const joiner = leadingJoiners.exec(raw.trimStart());
    const skipped = raw.length - raw.trimStart().length + (joiner ? joiner[0].length : 0);
    const text = raw.slice(skipped).trimEnd();
    if (/[\p{L}\p{N}]/u.test(text)) clauses.push({ text, start: from + skipped, end: from + skipped + text.length });
  };
  let from = 0;
  for (const match of message.matchAll(boundary)) {
    const at = match.index;
    const punctuation = /^[.!?;]/u.test(match[0]);
    // Sentence punctuation stays with its clause: "is there parking?" keeps its question mark.
    push(from, punctuation ? at + match[0].length : at);
    from = at + match[0].length;
  }
  push(from, message.length);
  return clauses;
}
