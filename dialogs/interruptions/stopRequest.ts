import { stemWord } from '../../src/nlu/language/tokenize';

/** How a message asks to stop the task that waits on it, read from its words. */
export type StopReading =
  /** Not a request to stop this task. */
  | { readonly kind: 'none' }
  /** "cancel the booking", "forget it", "stop this": the task ends. */
  | { readonly kind: 'stop' }
  /**
   * "never mind, what are your hours?": the task ends, then the rest is a message of its own. `bare`: the stop was
   * a phrase that means nothing else ("never mind"), so what the whole message asks is what the rest asks.
   */
  | { readonly kind: 'stopThen'; readonly rest: string; readonly bare: boolean };

/** Any wording of stopping; a cancel reading of a message with none of these is not trusted where any words answer. */
const stopWording =
  /\b(?:cancel\w*|cancle|stop\w*|quit|exit|abort|never ?mind|nevr ?mind|nevermnd|nvm|forget|forgt|drop (?:it|that|this)|end (?:it|that|this)|leave (?:the )?(?:queue|line)|scratch (?:it|that|this)|changed? my mind|leave it|(?:do|try) (?:it|this) later|later|another time|any ?more|no longer|no need|don'?t (?:want|need|bother)|do not (?:want|need)|let'?s not|i'?m (?:good|done|fine)|not (?:right )?now|no thanks?)\b/iu;

/** Words people put before a stop: "oh, actually no, never mind". */
const opener = /^(?:(?:oh|ok(?:ay)?|actually|no|nope|nah|um+|uh+|hmm+|well|wait|sorry|so|please|just|you know what|on second thought)\b[\s,.;:!-]*)*/iu;
/** A stop said as a phrase of its own, at the start of the message. */
const stopPhrase =
  /^(?:never ?mind|nevr ?mind|nevermnd|nvm|forget (?:it|that|this|about it|about that)|scratch that|cancel(?: (?:that|this|it))?|stop(?: (?:that|this|it))?|quit|abort|exit|leave it|drop it|i changed my mind|changed my mind)\b/iu;
/** Verbs that stop something, followed by what they stop. */
const stopVerb = /^(?:(?:please|can you|could you|i (?:want|need|would like|'d like) to|let'?s|i'?ll)\s+)*(?:cancel|cancle|stop|quit|abort|forget(?: about)?|drop|scratch|exit|end|kill)\s+(.+)$/iu;
/** Words that may stand around the task's own nouns without naming anything else ("the whole thing", "all of this"). */
const filler = new Set(['the', 'this', 'that', 'it', 'my', 'our', 'all', 'of', 'whole', 'entire', 'thing', 'everything', 'then', 'now', 'please', 'for', 'me', 'request', 'process', 'conversation', 'chat', 'together', 'a', 'an', 'one', 'current', 'new']);
/** Followed by nothing, or by one of these, a stop phrase ends the message. */
const trailing = /^[\s,.;:!-]*(?:please|thanks?|thank you|for now|then|ok(?:ay)?)?[\s,.;:!-]*$/iu;

/** A bare "no" ("actually no", "nope"): where the question is not a yes/no one, it can only mean stop. */
const bareNo = /^(?:(?:actually|oh|well|um+|hmm+|wait|no)\b[\s,.!-]*)*(?:no|nope|nah)[\s,.!]*$/iu;

/** True when the text words stopping in some way ("no longer needed", "forget it", "cancel", "actually no"). */
export function saysStop(text: string): boolean {
  const normalized = text.replace(/’/g, "'").trim();
  return stopWording.test(normalized) || bareNo.test(normalized);
}

/**
 * Reads a request to stop the waiting task: a stop phrase on its own or before another message ("never mind,
 * what are your hours?"), or a stop verb whose object is the task itself ("cancel the booking" while booking,
 * "stop this"). `taskWords` name the task ("appointment", "booking"); a stop verb aimed at anything else
 * ("cancel my order TD-100002") is not a stop of this task. `questionAboutStopping`: the pending question is
 * itself about cancelling something, so "cancel it" may be its answer and is left to the task.
 */
export function readStop(text: string, taskWords: readonly string[], questionAboutStopping = false): StopReading {
  const trimmed = text.replace(/’/g, "'").trim();
  const afterOpener = trimmed.slice(opener.exec(trimmed)?.[0].length ?? 0);
  const phrase = stopPhrase.exec(afterOpener);
  if (phrase) {
    const rest = afterOpener.slice(phrase[0].length);
    if (trailing.test(rest)) return questionAboutStopping ? { kind: 'none' } : { kind: 'stop' };
    // "never mind, what are your hours?": a stop, then a message of its own.
    const separated = /^\s*(?:[,.;:!-]+|\s(?:and|but|so|just|i'?ll|i will)\b)/iu.test(rest);
    const then = rest.replace(/^[\s,.;:!-]+/u, '').replace(/^(?:and|but|so|just)\s+/iu, '').trim();
    if (separated && /[\p{L}\p{N}]/u.test(then)) return questionAboutStopping ? { kind: 'none' } : { kind: 'stopThen', rest: then, bare: true };
  }
  if (questionAboutStopping) return { kind: 'none' };
  // "forget the booking, I want to check my order": the first clause stops the task, the rest is a message of its own.
  const clause = /^(.+?)(?:\s*[,;.!]+\s*|\s+(?:and|but|so)\s+)(.+)$/su.exec(afterOpener);
  for (const [head, rest] of [[afterOpener, ''], ...(clause?.[1] && clause[2] ? [[clause[1], clause[2]] as const] : [])] as const) {
    const verb = stopVerb.exec(head.replace(/[.!?]+$/u, ''));
    if (!verb?.[1]) continue;
    const own = new Set(taskWords.map((w) => stemWord(w.toLowerCase())));
    const words = verb[1].toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    if (words.length === 0 || !words.every((w) => filler.has(w) || own.has(stemWord(w)))) continue;
    const then = rest.replace(/^(?:and|but|so|just)\s+/iu, '').trim();
    return /[\p{L}\p{N}]/u.test(then) ? { kind: 'stopThen', rest: then, bare: false } : { kind: 'stop' };
  }
  return { kind: 'none' };
}
