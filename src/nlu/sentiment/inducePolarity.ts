import type { WordVectors } from '../vectors/wordVectors';

/** How polarity spreads from lexicon words to their neighbours in the vector table. */
export interface PolarityInductionOptions {
  /** Nearest lexicon words consulted for each unknown word. */
  readonly neighbours: number;
  /** Every one of those neighbours must be at least this close (cosine). */
  readonly minSimilarity: number;
  /**
   * The table's most frequent words are skipped: function words and everyday nouns ("hours", "the") sit
   * near scored words without carrying a mood themselves.
   */
  readonly skipMostFrequent: number;
  /** Share of the neighbours' mean score an induced word gets (induced words count less than listed ones). */
  readonly damping: number;
}

export const defaultPolarityInduction: PolarityInductionOptions = {
  neighbours: 5,
  minSimilarity: 0.6,
  skipMostFrequent: 3000,
  damping: 0.5,
};

/**
 * Nearest-neighbour lexicon induction: a word of the vector table that the lexicon lacks gets a score when
 * its `neighbours` nearest lexicon words are all close and all share one sign; the score is the damped,
 * similarity-weighted mean of theirs. Requiring unanimity guards against antonym drift: GloVe puts "good"
 * beside "bad" and "won" beside "lost", so a word whose neighbourhood mixes signs (or holds a neutral
 * lexicon word) gets nothing. Words in `exclude` (negators, intensifiers) are never scored.
 */
export function inducePolarity(
  vectors: WordVectors,
  lexicon: ReadonlyMap<string, number>,
  exclude: ReadonlySet<string> = new Set(),
  options: PolarityInductionOptions = defaultPolarityInduction,
): Map<string, number> {
  const seeds = [...lexicon].map(([word, score]) => ({ score, row: vectors.rowOf(word) })).filter((s) => s.row >= 0);
  const D = vectors.dimensions;
  const seedMatrix = new Float32Array(seeds.length * D);
  seeds.forEach((seed, i) => seedMatrix.set(vectors.unitVector(seed.row), i * D));

  const induced = new Map<string, number>();
  const topSimilarity = new Float64Array(options.neighbours);
  const topSeed = new Int32Array(options.neighbours);
  for (let row = options.skipMostFrequent; row < vectors.size; row++) {
    const word = vectors.words[row]!;
    if (lexicon.has(word) || exclude.has(word) || !/^\p{L}{3,}$/u.test(word)) continue;
    const query = vectors.unitVector(row);
    topSimilarity.fill(-Infinity);
    for (let s = 0; s < seeds.length; s++) {
      let dot = 0;
      for (let d = 0, base = s * D; d < D; d++) dot += seedMatrix[base + d]! * query[d]!;
      insertTop(topSimilarity, topSeed, dot, s);
    }
    const score = agreedScore(topSimilarity, topSeed, seeds, options);
    if (score !== 0) induced.set(word, score);
  }
  return induced;
}

/** Keeps the k best (similarity, seed) pairs, best first. */
function insertTop(similarity: Float64Array, seed: Int32Array, value: number, index: number): void {
  const k = similarity.length;
  if (value <= similarity[k - 1]!) return;
  let at = k - 1;
  while (at > 0 && similarity[at - 1]! < value) {
    similarity[at] = similarity[at - 1]!;
    seed[at] = seed[at - 1]!;
    at--;
  }
  similarity[at] = value;
  seed[at] = index;
}

/** The damped weighted mean of the neighbours' scores, or 0 unless all are close and share one sign. */
function agreedScore(
  similarity: Float64Array,
  seed: Int32Array,
  seeds: readonly { readonly score: number }[],
  options: PolarityInductionOptions,
): number {
  let weighted = 0;
  let weights = 0;
  let sign = 0;
  for (let i = 0; i < similarity.length; i++) {
    const sim = similarity[i]!;
    const score = seeds[seed[i]!]?.score ?? 0;
    if (sim < options.minSimilarity || score === 0) return 0;
    if (sign !== 0 && Math.sign(score) !== sign) return 0;
    sign = Math.sign(score);
    weighted += sim * score;
    weights += sim;
  }
  return weights === 0 ? 0 : Math.round((options.damping * weighted) / weights * 100) / 100;
}
