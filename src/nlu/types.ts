/** Shapes produced by the NLU engine. Nothing here depends on botbuilder. */

export const IntentDecision = { clear: 'clear', ambiguous: 'ambiguous', outOfScope: 'out_of_scope' } as const;
export type IntentDecision = (typeof IntentDecision)[keyof typeof IntentDecision];

export interface ScoredIntent {
  readonly intent: string;
  readonly confidence: number;
}

export interface IntentPrediction {
  /** Top intent; null when the message is out of scope. */
  readonly intent: string | null;
  readonly confidence: number;
  readonly runnerUp: ScoredIntent | null;
  /** Top confidence minus runner-up confidence. */
  readonly margin: number;
  readonly decision: IntentDecision;
  /** Best in-scope candidates, highest first (even when the decision is out_of_scope). */
  readonly ranking: readonly ScoredIntent[];
}

export const EntityType = {
  orderNumber: 'order_number',
  email: 'email',
  phone: 'phone',
  memberId: 'member_id',
  date: 'date',
  time: 'time',
  dateTime: 'datetime',
  dateRange: 'date_range',
  dateOfBirth: 'date_of_birth',
} as const;
export type EntityType = (typeof EntityType)[keyof typeof EntityType];

export interface Entity {
  readonly type: EntityType;
  /** The matched text, exactly as the user wrote it. */
  readonly text: string;
  /** Character offsets into the original message: text === message.slice(start, end). */
  readonly start: number;
  readonly end: number;
  /** Normalised value: E.164 phone, lower-cased email, ISO date/datetime, {start,end} ISO for ranges. */
  readonly value: string | { readonly start: string; readonly end: string };
}

/** Per-turn sentiment, in the nlp.js shape plus customer-service signals. */
export interface SentimentResult {
  /** Raw lexicon score after adjustments. */
  readonly score: number;
  /** Score normalised to [-1, 1]. */
  readonly average: number;
  readonly vote: 'positive' | 'neutral' | 'negative';
  /** Signals seen in this message, e.g. "caps", "repeated_punctuation", "negative_emoji". */
  readonly signals: readonly string[];
}

export const EmergencyCategory = {
  cardiac: 'cardiac',
  stroke: 'stroke',
  breathing: 'breathing',
  bleeding: 'bleeding',
  overdose: 'overdose_poisoning',
  anaphylaxis: 'anaphylaxis',
  selfHarm: 'suicide_self_harm',
  violence: 'violence_threat',
  pregnancy: 'pregnancy',
  pediatric: 'pediatric',
} as const;
export type EmergencyCategory = (typeof EmergencyCategory)[keyof typeof EmergencyCategory];

export interface EmergencyResult {
  readonly isEmergency: boolean;
  readonly categories: readonly EmergencyCategory[];
  /** The phrases that triggered, for audit (never logged in clear). */
  readonly matches: readonly string[];
}

export interface Understanding {
  /** The text actually analysed (trimmed and truncated). */
  readonly text: string;
  readonly truncated: boolean;
  /** ISO 639-1 guess when the message does not look like English, else 'en'. */
  readonly language: string;
  readonly intent: IntentPrediction;
  readonly entities: readonly Entity[];
  readonly sentiment: SentimentResult;
  readonly emergency: EmergencyResult;
}

export interface UnderstandOptions {
  /** IANA time zone used to resolve relative dates. */
  readonly timezone: string;
  /** Reference instant for relative dates; defaults to now. */
  readonly now?: Date;
  /** This message's safety screening (`NluEngine.screen`), when the turn already ran it: reused, never run again. */
  readonly emergency?: EmergencyResult;
}

/** The one entry point the bot calls per message. */
export interface NluEngine {
  understand(text: string, options: UnderstandOptions): Understanding;
  /**
   * Emergency and crisis detection alone, on the same cleaned text `understand` analyses. The turn's
   * safety step runs it first, before anything else, and hands the result to `understand`.
   */
  screen(text: string): EmergencyResult;
}

/** Conversation-level frustration, updated once per user turn. Kept in conversation state. */
export interface FrustrationState {
  readonly turns: number;
  readonly sentimentHistory: readonly number[];
  readonly fallbackStreak: number;
  readonly recentMessages: readonly string[];
}

export const FrustrationReason = {
  negativeTrend: 'negative_trend',
  negativeSentiment: 'negative_sentiment',
  repeatedFallback: 'repeated_fallback',
  repeatedQuestion: 'repeated_question',
  complaintWords: 'complaint_words',
  profanity: 'profanity',
  repetitionClaim: 'repetition_claim',
  waitingTime: 'waiting_time',
  caps: 'caps',
  repeatedPunctuation: 'repeated_punctuation',
  negativeEmoji: 'negative_emoji',
} as const;
export type FrustrationReason = (typeof FrustrationReason)[keyof typeof FrustrationReason];

export interface FrustrationAssessment {
  /** 0..1 */
  readonly score: number;
  readonly reasons: readonly FrustrationReason[];
}
