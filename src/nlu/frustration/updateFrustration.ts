import { redactPii } from '../../privacy/redactPii';
import { tokenize } from '../language/tokenize';
import { FrustrationReason, type FrustrationAssessment, type FrustrationState, type SentimentResult } from '../types';
import { frustrationSignals, noisyOr } from './frustrationSignals';

/** One user turn as the frustration tracker sees it. */
export interface FrustrationTurn {
  readonly text: string;
  readonly sentiment: SentimentResult;
  /** True when the bot did not understand this turn (fallback / out of scope). */
  readonly wasFallback: boolean;
}

/** How many recent turns the state keeps. */
export const FRUSTRATION_WINDOW = 6;
const EWMA_ALPHA = 0.5;
const REPEAT_JACCARD = 0.6;
const STORED_MESSAGE_CHARS = 200;

/** A conversation with no turns yet. */
export function initialFrustrationState(): FrustrationState {
  return { turns: 0, sentimentHistory: [], fallbackStreak: 0, recentMessages: [] };
}

/**
 * Folds one user turn into the conversation's frustration state (pure: returns a new state).
 * Combines this message's signals with the sentiment trend, fallbacks in a row and repeated questions.
 */
export function updateFrustration(
  state: FrustrationState,
  turn: FrustrationTurn,
): { state: FrustrationState; assessment: FrustrationAssessment } {
  const message = frustrationSignals(turn.text, turn.sentiment);
  const reasons = new Set<FrustrationReason>(message.reasons);
  const weights: number[] = [message.score];

  const history = [...state.sentimentHistory, turn.sentiment.average].slice(-FRUSTRATION_WINDOW);
  const trend = sentimentTrend(history);
  if (history.length >= 2 && trend.ewma <= -0.25 && (trend.slope < 0 || history.slice(-2).every((v) => v < 0))) {
    reasons.add(FrustrationReason.negativeTrend);
    weights.push(Math.min(0.4, -trend.ewma * 0.5));
  }

  const fallbackStreak = turn.wasFallback ? state.fallbackStreak + 1 : 0;
  if (fallbackStreak >= 2) {
    reasons.add(FrustrationReason.repeatedFallback);
    weights.push(Math.min(0.5, 0.2 * (fallbackStreak - 1)));
  }

  const normalized = normalizeForComparison(turn.text);
  const words = new Set(normalized.split(' ').filter(Boolean));
  if (words.size >= 2 && state.recentMessages.some((m) => jaccard(words, new Set(m.split(' ').filter(Boolean))) >= REPEAT_JACCARD)) {
    reasons.add(FrustrationReason.repeatedQuestion);
    weights.push(0.3);
  }

  const next: FrustrationState = {
    turns: state.turns + 1,
    sentimentHistory: history,
    fallbackStreak,
    recentMessages: [...state.recentMessages, normalized].filter(Boolean).slice(-FRUSTRATION_WINDOW),
  };
  return { state: next, assessment: { score: noisyOr(weights), reasons: [...reasons] } };
}

/** EWMA (recent turns weigh more) and least-squares slope of the sentiment history. */
export function sentimentTrend(history: readonly number[]): { ewma: number; slope: number } {
  let ewma = 0;
  history.forEach((v, i) => {
    ewma = i === 0 ? v : EWMA_ALPHA * v + (1 - EWMA_ALPHA) * ewma;
  });
  const n = history.length;
  if (n < 2) return { ewma, slope: 0 };
  const meanX = (n - 1) / 2;
  const meanY = history.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  history.forEach((v, i) => {
    num += (i - meanX) * (v - meanY);
    den += (i - meanX) ** 2;
  });
  return { ewma, slope: num / den };
}

/**
 * Lower-case words joined by spaces, capped in length: what the state keeps of a message, to spot a
 * repeated question. Personal data is masked first: bot state keeps no SSN, card, address or phone.
 */
function normalizeForComparison(text: string): string {
  return tokenize(redactPii(text.slice(0, STORED_MESSAGE_CHARS * 4)))
    .map((t) => t.norm)
    .join(' ')
    .slice(0, STORED_MESSAGE_CHARS);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}
