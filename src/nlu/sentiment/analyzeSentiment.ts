import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { tokenize, type Token } from '../language/tokenize';
import type { SentimentResult } from '../types';
import { EMOJI_OVERRIDES, INTENSIFIERS, NEGATORS, PHRASES, WORD_OVERRIDES } from './lexicon';
import { SentimentSignal, findEmoji, hasCaps, hasRepeatedPunctuation, isShoutedWord } from './signals';

const scoreTable = z.record(z.string(), z.number());

function loadPackageTable(path: string): [string, number][] {
  return Object.entries(scoreTable.parse(JSON.parse(readFileSync(require.resolve(path), 'utf8'))));
}

// The `sentiment` package's AFINN-165 and emoji tables, with our customer-service overrides on top.
export const LEXICON_WORDS: ReadonlyMap<string, number> = new Map([...loadPackageTable('sentiment/languages/en/labels.json'), ...WORD_OVERRIDES]);
const EMOJI: ReadonlyMap<string, number> = new Map([...loadPackageTable('sentiment/build/emoji.json'), ...EMOJI_OVERRIDES]);
type Phrase = readonly [readonly string[], number];
// Phrases by first word, longest first, so each token looks only at the phrases it can start.
const PHRASES_BY_FIRST: ReadonlyMap<string, readonly Phrase[]> = (() => {
  const map = new Map<string, Phrase[]>();
  for (const [phrase, score] of PHRASES) {
    const words = phrase.split(' ');
    const list = map.get(words[0]!) ?? [];
    list.push([words, score]);
    map.set(words[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b[0].length - a[0].length);
  return map;
})();

// VADER's normalisation: score / sqrt(score² + alpha) maps any score into (-1, 1).
const ALPHA = 15;
const VOTE_THRESHOLD = 0.2;
const NEGATION_SCOPE = 3;
const NEGATION_DAMPING = 0.75;

/** Reads the sentiment of one message. */
export type SentimentAnalyzer = (text: string) => SentimentResult;

/**
 * Lexicon sentiment tuned for customer service: AFINN (from the `sentiment` package) plus a
 * complaint lexicon and phrases, negation ("not happy", "not bad"), intensifiers, shouting,
 * repeated punctuation and emoji. `average` is in [-1, 1]. Words the lexicon lacks are looked up in
 * `induced` (scores spread from the lexicon through the word vectors, see inducePolarity); negation and
 * intensifiers apply to them as to listed words.
 */
export function createSentimentAnalyzer(induced: ReadonlyMap<string, number>): SentimentAnalyzer {
  return (text) => readSentiment(text, induced);
}

const noInducedWords: ReadonlyMap<string, number> = new Map();

/**
 * The live reading: the lexicon alone. The induced table (`shippedInducedPolarity`) is measured by
 * `eval:binary --induced` but not used here: it changed no F1 by more than 0.003, and it scores the
 * neutral words of clinics and law firms ("diagnosis", "symptoms", "treat", "custody", "plaintiff",
 * "pending") as negative, which would read a patient's or client's facts as their mood.
 */
export function analyzeSentiment(text: string): SentimentResult {
  return readSentiment(text, noInducedWords);
}

function readSentiment(text: string, induced: ReadonlyMap<string, number>): SentimentResult {
  const tokens = tokenize(text);
  const signals = new Set<SentimentSignal>();
  let score = 0;

  for (let i = 0; i < tokens.length; ) {
    const phrase = matchPhrase(tokens, i);
    const length = phrase ? phrase[0].length : 1;
    const token = tokens[i]!;
    let value = phrase ? phrase[1] : (LEXICON_WORDS.get(token.norm) ?? induced.get(token.norm) ?? 0);
    if (phrase && value < 0) signals.add(SentimentSignal.complaintPhrase);
    if (value !== 0) {
      const boost = intensity(tokens, i);
      if (boost !== 1) signals.add(SentimentSignal.intensifier);
      value *= boost;
      if (!phrase && isNegated(tokens, i)) {
        value = -value * NEGATION_DAMPING;
        signals.add(SentimentSignal.negation);
      }
      if (isShoutedWord(token.text)) value *= 1.5;
    }
    score += value;
    i += length;
  }

  for (const emoji of findEmoji(text)) {
    const value = EMOJI.get(emoji) ?? 0;
    score += value;
    if (value < 0) signals.add(SentimentSignal.negativeEmoji);
    if (value > 0) signals.add(SentimentSignal.positiveEmoji);
  }
  if (hasCaps(text)) {
    signals.add(SentimentSignal.caps);
    if (score <= 0) score -= 1;
  }
  if (hasRepeatedPunctuation(text)) {
    signals.add(SentimentSignal.repeatedPunctuation);
    score += score > 0 ? 0.5 : -0.5 - (score < 0 ? 0.5 : 0);
  }

  const average = score === 0 ? 0 : score / Math.sqrt(score * score + ALPHA);
  const vote = average >= VOTE_THRESHOLD ? 'positive' : average <= -VOTE_THRESHOLD ? 'negative' : 'neutral';
  return { score: round(score), average: round(average), vote, signals: [...signals] };
}

function matchPhrase(tokens: readonly Token[], i: number): Phrase | undefined {
  const clause = tokens[i]!.clause;
  return PHRASES_BY_FIRST.get(tokens[i]!.norm)?.find(([words]) =>
    words.every((w, k) => tokens[i + k]?.norm === w && tokens[i + k]?.clause === clause),
  );
}

/** Multiplier from an intensifier or diminisher right before the word ("very", "a bit"). */
function intensity(tokens: readonly Token[], i: number): number {
  const prev = tokens[i - 1];
  if (!prev || prev.clause !== tokens[i]!.clause) return 1;
  const two = tokens[i - 2];
  const pair = two && two.clause === prev.clause ? `${two.norm} ${prev.norm}` : '';
  return INTENSIFIERS.get(pair) ?? INTENSIFIERS.get(prev.norm) ?? 1;
}

/** A negator up to three words back in the same clause, with no "but" in between. */
function isNegated(tokens: readonly Token[], i: number): boolean {
  const clause = tokens[i]!.clause;
  for (let k = i - 1; k >= 0 && k >= i - NEGATION_SCOPE; k--) {
    const t = tokens[k]!;
    if (t.clause !== clause || t.norm === 'but') return false;
    if (NEGATORS.has(t.norm)) return true;
  }
  return false;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
