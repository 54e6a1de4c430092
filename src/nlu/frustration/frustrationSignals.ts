import { stemWord, tokenize } from '../language/tokenize';
import { analyzeSentiment } from '../sentiment/analyzeSentiment';
import { SentimentSignal } from '../sentiment/signals';
import { FrustrationReason, type SentimentResult } from '../types';
import {
  COMPLAINT_PHRASES,
  COMPLAINT_WORDS,
  MASKED_PROFANITY,
  PROFANE_FORMS,
  PROFANE_PREFIXES,
  PROFANITY,
  REPETITION_CLAIMS,
  WAITING_CLAIMS,
} from './lexicon';

/** What a single message says about frustration, without conversation context. */
export interface MessageFrustration {
  /** 0..1, from this message alone. */
  readonly score: number;
  readonly reasons: readonly FrustrationReason[];
  readonly sentiment: SentimentResult;
}

/** Weight of each single-message reason, combined as a noisy-OR. */
export const MESSAGE_WEIGHTS = {
  [FrustrationReason.complaintWords]: 0.35,
  [FrustrationReason.profanity]: 0.35,
  [FrustrationReason.repetitionClaim]: 0.3,
  [FrustrationReason.waitingTime]: 0.25,
  [FrustrationReason.caps]: 0.15,
  [FrustrationReason.repeatedPunctuation]: 0.1,
  [FrustrationReason.negativeEmoji]: 0.2,
} as const;

const COMPLAINT_EXACT: ReadonlySet<string> = new Set(COMPLAINT_WORDS);
// Short stems ("aw" from "awful") would catch unrelated words, so only longer stems generalise.
const COMPLAINT_STEMS: ReadonlySet<string> = new Set(COMPLAINT_WORDS.map(stemWord).filter((s) => s.length >= 4));

const NEGATIVE_SENTIMENT_WEIGHT = 0.35;
const NEGATIVE_SENTIMENT_FROM = -0.3;

/** Single-message frustration signals: complaint words, profanity, repetition and waiting claims, caps, "!!!", angry emoji, negative sentiment. */
export function frustrationSignals(text: string, sentiment: SentimentResult = analyzeSentiment(text)): MessageFrustration {
  const reasons = new Set<FrustrationReason>();
  const tokens = tokenize(text);
  const joined = tokens.map((t) => t.norm).join(' ');

  if (tokens.some((t) => COMPLAINT_EXACT.has(t.norm) || COMPLAINT_STEMS.has(t.stem)) || COMPLAINT_PHRASES.some((r) => r.test(joined))) {
    reasons.add(FrustrationReason.complaintWords);
  }
  if (tokens.some((t) => PROFANITY.has(t.norm) || PROFANE_FORMS.test(t.norm) || PROFANE_PREFIXES.some((p) => t.norm.startsWith(p))) || MASKED_PROFANITY.test(text)) {
    reasons.add(FrustrationReason.profanity);
  }
  if (REPETITION_CLAIMS.some((r) => r.test(joined))) reasons.add(FrustrationReason.repetitionClaim);
  if (WAITING_CLAIMS.some((r) => r.test(joined))) reasons.add(FrustrationReason.waitingTime);
  if (sentiment.signals.includes(SentimentSignal.caps)) reasons.add(FrustrationReason.caps);
  if (sentiment.signals.includes(SentimentSignal.repeatedPunctuation)) reasons.add(FrustrationReason.repeatedPunctuation);
  if (sentiment.signals.includes(SentimentSignal.negativeEmoji)) reasons.add(FrustrationReason.negativeEmoji);

  const weights: number[] = [...reasons].map((r) => MESSAGE_WEIGHTS[r as keyof typeof MESSAGE_WEIGHTS] ?? 0);
  if (sentiment.average <= NEGATIVE_SENTIMENT_FROM) {
    reasons.add(FrustrationReason.negativeSentiment);
    weights.push(NEGATIVE_SENTIMENT_WEIGHT * Math.min(1, -sentiment.average / 0.8));
  }
  return { score: noisyOr(weights), reasons: [...reasons], sentiment };
}

/** Combines independent pieces of evidence: 1 - Π(1 - w). */
export function noisyOr(weights: readonly number[]): number {
  return Math.round((1 - weights.reduce((acc, w) => acc * (1 - Math.max(0, Math.min(1, w))), 1)) * 1000) / 1000;
}
