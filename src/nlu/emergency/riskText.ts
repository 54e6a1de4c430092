import { maskIdioms } from './idioms';

/** Text prepared for risk scoring: normalised words, split into the segments that are scored one by one. */

/** Longest text scored; of a longer message, the first 80% and the last 20% of this budget are scored (a crisis is told at the start or the end). */
export const MAX_SCANNED_CHARS = 100_000;
const HEAD_SHARE = 0.8;
/** A sentence longer than this (in words) is also scored in overlapping windows, so a long run-on sentence cannot hide a crisis clause. */
const WINDOW_WORDS = 16;
const WINDOW_STRIDE = 8;

const EMERGENCY_NUMBERS = new Set(['911', '999', '112', '988']);

/**
 * Lower-cases, folds accents, drops apostrophes ("can't" → "cant"), reads a laughing emoji as "lol", shortens letters repeated three times or more
 * ("pleeease" → "pleease") writes a year as `year0` and every other digit run but an emergency number as `0`, so "32 weeks" and "30 weeks" look alike.
 */
export function normalizeWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’`]/g, '')
      .replace(/[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F605}]/gu, ' lol ')
      .replace(/(\p{L})\1{2,}/gu, '$1$1')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).map((word) => (EMERGENCY_NUMBERS.has(word) ? word : /^(?:19|20)\d\d$/.test(word) ? 'year0' : /^\d/.test(word) ? '0' : word));
}

/**
 * Splits a message into scored segments: each sentence (at . ! ? ; or a line break), windows of a long sentence,
 * and, for a short message, the whole message as well (a crisis may span two short sentences).
 */
export function riskSegments(text: string): string[][] {
  const head = Math.floor(MAX_SCANNED_CHARS * HEAD_SHARE);
  const scanned = text.length > MAX_SCANNED_CHARS ? `${text.slice(0, head)}\n${text.slice(text.length - (MAX_SCANNED_CHARS - head))}` : text;
  const segments: string[][] = [];
  const sentences = scanned
    .split(/[.!?;\n]+(?=\s|$)|\n/)
    .map((sentence) => maskIdioms(normalizeWords(sentence)))
    .filter((words) => words.length > 0);
  for (const words of sentences) {
    segments.push(words);
    if (words.length > WINDOW_WORDS + WINDOW_STRIDE) {
      for (let start = 0; start + WINDOW_WORDS < words.length + WINDOW_STRIDE; start += WINDOW_STRIDE) {
        segments.push(words.slice(start, start + WINDOW_WORDS));
      }
    }
  }
  if (sentences.length > 1 && sentences.length <= 3) segments.push(sentences.flat());
  return segments;
}
