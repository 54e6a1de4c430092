import { withinOneEdit } from '../emergency/phraseMatcher';
import { shippedWordVectors } from '../vectors/wordVectors';

/**
 * Date words people misspell ("tomorow", "mornin", "wensday" is two edits and stays). Only words of six
 * letters or more: shorter ones sit one edit away from ordinary words ("march" and "match").
 */
const dateWords: readonly string[] = [
  'tomorrow', 'tonight', 'morning', 'afternoon', 'evening',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'august', 'september', 'october', 'november', 'december',
];
const known = new Set(dateWords);

/** A text with its misspelt date words corrected, and the way back to offsets in the text as written. */
export interface CorrectedDates {
  readonly text: string;
  /** The offset in the text as written of `index` in the corrected text. */
  toOriginal(index: number): number;
}

interface Fix {
  readonly from: number;
  readonly to: number;
  readonly at: number;
  readonly word: string;
}

/**
 * Corrects words one edit away from a date word that are not words of their own (the word-vector vocabulary
 * knows "mourning" and "match", not "tomorow"); a text with none comes back as it is.
 */
export function correctDateWords(text: string): CorrectedDates {
  const fixes: Fix[] = [];
  let shift = 0;
  for (const m of text.matchAll(/\p{L}{5,}/gu)) {
    const token = m[0].toLowerCase();
    if (known.has(token)) continue;
    const word = dateWords.find((w) => Math.abs(w.length - token.length) <= 1 && withinOneEdit(token, w));
    if (!word || m.index === undefined || shippedWordVectors().rowOf(token) >= 0) continue;
    fixes.push({ from: m.index, to: m.index + m[0].length, at: m.index + shift, word });
    shift += word.length - m[0].length;
  }
  if (fixes.length === 0) return { text, toOriginal: (index) => index };
  let corrected = '';
  let last = 0;
  for (const fix of fixes) {
    corrected += text.slice(last, fix.from) + fix.word;
    last = fix.to;
  }
  corrected += text.slice(last);
  return {
    text: corrected,
    toOriginal(index: number): number {
      let delta = 0;
      for (const fix of fixes) {
        const end = fix.at + fix.word.length;
        if (index <= fix.at) break;
        // Inside a corrected word: its start, or its end when the index is at the word's end.
        if (index < end) return fix.from;
        if (index === end) return fix.to;
        delta += fix.word.length - (fix.to - fix.from);
      }
      return index - delta;
    },
  };
}
