import { ACRONYMS } from './lexicon';

/** Signals a message can carry, reported in `SentimentResult.signals`. */
export const SentimentSignal = {
  caps: 'caps',
  repeatedPunctuation: 'repeated_punctuation',
  negativeEmoji: 'negative_emoji',
  positiveEmoji: 'positive_emoji',
  negation: 'negation',
  intensifier: 'intensifier',
  complaintPhrase: 'complaint_phrase',
} as const;
export type SentimentSignal = (typeof SentimentSignal)[keyof typeof SentimentSignal];

const WORD = /\p{L}+/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;

/** True for a shouted word: 3+ letters, all upper case, not a known acronym. */
export function isShoutedWord(word: string): boolean {
  return word.length >= 3 && word === word.toUpperCase() && word !== word.toLowerCase() && !ACRONYMS.has(word);
}

/** Shouting: two shouted words, one long one, or most of a message of 2+ words. */
export function hasCaps(text: string): boolean {
  const words = text.match(WORD) ?? [];
  const shouted = words.filter(isShoutedWord);
  if (shouted.length >= 2 || shouted.some((w) => w.length >= 5)) return true;
  return words.length >= 2 && shouted.length >= 1 && shouted.length / words.length >= 0.5;
}

/** "!!", "??", "?!" and longer runs. */
export function hasRepeatedPunctuation(text: string): boolean {
  return /[!?¡¿][!?¡¿1]*[!?¡¿]/.test(text);
}

/** Pictographic emoji in order, without variation selectors. */
export function findEmoji(text: string): string[] {
  return text.match(EMOJI) ?? [];
}
