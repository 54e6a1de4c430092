import { isStopword, termOf, tokenize } from './textAnalysis';

/** What query expansion needs from a word-vector table (src/nlu/vectors satisfies it). */
export interface WordVectorLookup {
  readonly dimensions: number;
  /** Row of `word`, or -1 when the table does not have it. */
  rowOf(word: string): number;
  /** Adds `weight ·` the vector of `row` into `sum`. */
  accumulate(row: number, weight: number, sum: Float64Array): void;
}

/** A retrieval term of a query with how much it counts (1 for a word as typed, less for a guess). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

export interface QueryTermsOptions {
  /**
   * Cosine at or above which a knowledge-base word stands in for a query word the articles never use. Off
   * by default (above 1): on labelledQuestions.json no value helped (`npm run kb:tune -- --grid`), since
   * GloVe neighbours are related words ("stock" → "exchange", "joke" → "talk"), not synonyms.
   */
  readonly neighbourSimilarity: number;
  /** At most this many stand-ins per unknown word. */
  readonly maxNeighbours: number;
}

export const defaultQueryTermsOptions: QueryTermsOptions = { neighbourSimilarity: 2, maxNeighbours: 2 };

/** How the word-vector table spells a token (apostrophes dropped, digit runs as 0). */
function vectorKey(token: string): string {
  return token.normalize('NFD').replace(/\p{M}/gu, '').replace(/'/g, '').replace(/\d+/g, '0');
}

/** Damerau-Levenshtein distance (adjacent transpositions count once), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/**
 * Turns a question into weighted retrieval terms over the articles' own vocabulary. A word the articles
 * never use is, in turn: a typo of one of their words ("opning" → "opening", when the word is not a
 * known English word), or stood in for by its nearest article words in the word-vector space
 * ("uninsured" → "insurance"); the stand-ins share the word's weight with it, so the unknown part still
 * lowers the score of a question about something else.
 */
export class QueryTerms {
  /** Article words as typed, with how often they occur. */
  private readonly surface = new Map<string, number>();
  private readonly terms = new Set<string>();
  /** Unit vectors of the article words the table knows. */
  private readonly neighbours: { word: string; unit: Float64Array }[] = [];

  constructor(
    articleTexts: readonly string[],
    private readonly vectors: WordVectorLookup | undefined,
    private readonly options: QueryTermsOptions = defaultQueryTermsOptions,
  ) {
    for (const text of articleTexts) {
      for (const token of tokenize(text)) {
        if (isStopword(token) || /^\d+$/u.test(token)) continue;
        this.surface.set(token, (this.surface.get(token) ?? 0) + 1);
        this.terms.add(termOf(token));
      }
    }
    if (vectors) {
      for (const word of this.surface.keys()) {
        const unit = this.unitVector(word);
        if (unit) this.neighbours.push({ word, unit });
      }
    }
  }

  /** The weighted terms of `text`, in order. */
  of(text: string): WeightedTerm[] {
    const out: WeightedTerm[] = [];
    for (const token of this.joinCompounds(tokenize(text))) {
      if (isStopword(token)) continue;
      const term = termOf(token);
      if (this.terms.has(term) || /^\d+$/u.test(token)) {
        out.push({ term, weight: 1 });
        continue;
      }
      const known = this.vectors ? this.vectors.rowOf(vectorKey(token)) >= 0 : false;
      const corrected = known ? undefined : this.correct(token);
      if (corrected) {
        out.push({ term: termOf(corrected), weight: 1 });
        continue;
      }
      const near = this.nearest(token);
      const share = near.reduce((max, n) => Math.max(max, n.similarity), 0);
      out.push({ term, weight: 1 - share });
      for (const n of near) out.push({ term: termOf(n.word), weight: (n.similarity * share) / near.reduce((s, m) => s + m.similarity, 0) });
    }
    return out.filter((t) => t.weight > 0);
  }

  /** Two words the articles write as one ("united healthcare" → "unitedhealthcare") are read as that one. */
  private joinCompounds(tokens: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const joined = `${tokens[i]}${tokens[i + 1] ?? ''}`;
      if (i + 1 < tokens.length && this.surface.has(joined)) {
        out.push(joined);
        i++;
      } else {
        out.push(tokens[i] as string);
      }
    }
    return out;
  }

  /** The article word `token` is a typo of: one edit away (two for long words), the most frequent on a tie. */
  private correct(token: string): string | undefined {
    if (token.length < 4 || /\d/u.test(token)) return undefined;
    const max = token.length >= 8 ? 2 : 1;
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [word, count] of this.surface) {
      if (word[0] !== token[0] && word[1] !== token[1]) continue;
      const distance = editDistance(token, word, max);
      if (distance > max) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word, distance, count };
    }
    return best?.word;
  }

  private nearest(token: string): { word: string; similarity: number }[] {
    const unit = this.vectors ? this.unitVector(token) : undefined;
    if (!unit) return [];
    return this.neighbours
      .map((n) => ({ word: n.word, similarity: dot(unit, n.unit) }))
      .filter((n) => n.similarity >= this.options.neighbourSimilarity)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, this.options.maxNeighbours);
  }

  private unitVector(word: string): Float64Array | undefined {
    const vectors = this.vectors;
    const row = vectors ? vectors.rowOf(vectorKey(word)) : -1;
    if (!vectors || row < 0) return undefined;
    const sum = new Float64Array(vectors.dimensions);
    vectors.accumulate(row, 1, sum);
    const norm = Math.hypot(...sum);
    if (norm === 0) return undefined;
    for (let d = 0; d < sum.length; d++) sum[d]! /= norm;
    return sum;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}
