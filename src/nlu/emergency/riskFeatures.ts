import { findFrames, Frame } from './riskFrames';

/**
 * Hashed sparse features of one segment: words, word pairs, skip pairs, character 3–5-grams inside words
 * (so "suicde" and "siezure" share most features with their spelling), words under a negation ("n:" prefix),
 * and the frames of riskFrames. Part of the trained model: changing it needs `npm run train:safety`.
 */
export const FEATURE_VERSION = 2;

const NEGATORS = new Set(['no', 'not', 'never', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'without', 'denies', 'nope', 'havent', 'hasnt', 'none', 'nor']);
const NEGATION_SCOPE = 3;
const CHAR_NGRAMS = [3, 4, 5] as const;
const MAX_WORD_FOR_NGRAMS = 20;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Hashes are computed in place (no substrings), since a 100,000-character message yields ~100,000 n-grams.
const SEED = { word: seed('w:'), pair: seed('b:'), skip: seed('k:'), negated: seed('n:'), char: seed('c:'), frame: seed('f:') };

/** Distinct feature ids of a segment in [0, buckets), ascending; `buckets` must be a power of two. */
export function riskFeatures(words: readonly string[], buckets: number): Uint32Array {
  const mask = buckets - 1;
  const ids = new IdBuffer();
  const wordHashes = words.map((word) => extend(FNV_OFFSET, word));
  let negatedUntil = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    ids.push(extend(SEED.word, word) & mask);
    ids.push(mix(SEED.pair, i === 0 ? HAT : wordHashes[i - 1]!, wordHashes[i]!) & mask);
    if (i >= 2) ids.push(mix(SEED.skip, wordHashes[i - 2]!, wordHashes[i]!) & mask);
    if (i <= negatedUntil) ids.push(extend(SEED.negated, word) & mask);
    if (NEGATORS.has(word)) negatedUntil = i + NEGATION_SCOPE;
    if (word.length <= MAX_WORD_FOR_NGRAMS) charNgrams(word, mask, ids);
  }
  if (words.length > 0) ids.push(mix(SEED.pair, wordHashes[words.length - 1]!, DOLLAR) & mask);
  const frames = findFrames(words);
  for (const frame of frames.keys()) ids.push(extend(SEED.frame, frame) & mask);
  if (frames.has(Frame.history) && !frames.has(Frame.present)) ids.push(extend(SEED.frame, 'history_only') & mask);
  if ((frames.get(Frame.negation) ?? []).some((at) => at <= 1)) ids.push(extend(SEED.frame, 'negation_first') & mask);
  if (words.length <= 4) ids.push(extend(SEED.frame, 'short') & mask);
  return ids.distinct();
}

/** Character n-grams of " word " (word boundaries marked by spaces). */
function charNgrams(word: string, mask: number, ids: IdBuffer): void {
  const length = word.length + 2;
  const codeAt = (k: number): number => (k === 0 || k === length - 1 ? 32 : word.charCodeAt(k - 1));
  for (let start = 0; start < length; start++) {
    let h = SEED.char;
    for (let n = 1; n <= CHAR_NGRAMS[CHAR_NGRAMS.length - 1]! && start + n <= length; n++) {
      h = Math.imul(h ^ codeAt(start + n - 1), FNV_PRIME) >>> 0;
      if (n >= CHAR_NGRAMS[0]) ids.push(Math.imul(h ^ n, FNV_PRIME) >>> 0 & mask);
    }
  }
}

const HAT = extend(FNV_OFFSET, '^');
const DOLLAR = extend(FNV_OFFSET, '$');

function seed(prefix: string): number {
  return extend(FNV_OFFSET, prefix);
}

/** FNV-1a over the text, continuing from hash h. */
function extend(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** A hash of an ordered pair of word hashes under a feature seed. */
function mix(seedHash: number, a: number, b: number): number {
  let h = Math.imul(seedHash ^ a, FNV_PRIME) >>> 0;
  h = Math.imul(h ^ (a >>> 16), FNV_PRIME) >>> 0;
  h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  return Math.imul(h ^ (b >>> 16), FNV_PRIME) >>> 0;
}

/** Collects ids in a reused scratch array (one segment at a time; JavaScript runs it on one thread). */
let scratch = new Uint32Array(4096);

class IdBuffer {
  private length = 0;

  push(id: number): void {
    if (this.length === scratch.length) {
      const grown = new Uint32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[this.length++] = id;
  }

  /** The distinct ids, ascending, in a new array. */
  distinct(): Uint32Array {
    const sorted = scratch.subarray(0, this.length).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
    return sorted.slice(0, n);
  }
}
