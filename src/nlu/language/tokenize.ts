import { PorterStemmer } from 'natural/lib/natural/stemmers';

/** One word of a message, with its position in the original text. */
export interface Token {
  /** Exactly as written. */
  readonly text: string;
  /** Lower case, curly apostrophes made straight. */
  readonly norm: string;
  /** `norm` without apostrophes ("can't" → "cant"), for matching either spelling. */
  readonly key: string;
  /** Porter stem of `norm` (English). */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
  /** Index of the clause (split at . ! ? ; and line breaks); phrase matches never span two. */
  readonly clause: number;
}

// Words may carry inner apostrophes ("can't", "I'm"); digits glue to letters ("ABC123").
const WORD_OR_BREAK = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|[.!?;\n]+/gu;
const BREAK = /^[.!?;\n]+$/;
const MAX_STEMMED_LENGTH = 30;

/** Splits text into word tokens with offsets, lower-cased forms, stems and clause numbers. Linear in the input. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  for (const m of text.matchAll(WORD_OR_BREAK)) {
    const raw = m[0];
    const start = m.index;
    if (BREAK.test(raw)) {
      // "3.5" or "e.g." must not split a clause; a break needs following whitespace or end of text.
      const next = text.charAt(start + raw.length);
      if (raw.includes('\n') || next === '' || /\s/.test(next)) clause += 1;
      continue;
    }
    const norm = raw.toLowerCase().replace(/’/g, "'");
    tokens.push({ text: raw, norm, key: norm.replace(/'/g, ''), stem: stemWord(norm), start, end: start + raw.length, clause });
  }
  return tokens;
}

/** Porter stem of one lower-case word; words with digits or non-Latin letters are kept as they are. */
export function stemWord(word: string): string {
  // Very long "words" (pasted junk) are not stemmed: the stemmer's cost grows with their length.
  if (word.length < 3 || word.length > MAX_STEMMED_LENGTH || !/^[a-z']+$/.test(word)) return word;
  return PorterStemmer.stem(word.replace(/'/g, ''));
}
