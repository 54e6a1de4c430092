import { isTimeZone } from '../time/isTimeZone';
import { EmergencyDetector } from './emergency/detectEmergency';
import { extractEntities } from './entities/extractEntities';
import { cleanText } from './language/cleanText';
import { guessLanguage } from './language/guessLanguage';
import { analyzeSentiment } from './sentiment/analyzeSentiment';
import { IntentDecision, type Entity, type IntentPrediction, type NluEngine, type UnderstandOptions, type Understanding } from './types';

/** What the engine needs from an intent classifier (the corpus classifier in ./intent satisfies it). */
export interface IntentClassifierLike {
  classify(text: string): IntentPrediction;
}

/** What createNluEngine needs. */
export interface NluEngineOptions {
  readonly classifier: IntentClassifierLike;
  /** Longer messages are truncated before any analysis (MAX_MESSAGE_CHARS). */
  readonly maxChars: number;
}

/** The prediction for messages the classifier must not see: empty, emoji only, or not English. */
export function outOfScopePrediction(): IntentPrediction {
  return { intent: null, confidence: 0, runnerUp: null, margin: 0, decision: IntentDecision.outOfScope, ranking: [] };
}

/**
 * Builds the per-message NLU pipeline: clean (control characters, HTML, markdown), truncate, guess the
 * language, then intent, entities, sentiment and emergency detection. Never throws on odd input; time is
 * linear in the input because the raw text is cut before anything else runs.
 * - Entity offsets refer to `Understanding.text` (the cleaned text), not the raw input.
 * - Empty and emoji-only messages, and messages in another language, get an out-of-scope intent without
 *   calling the classifier; `language` is 'en' unless another language is recognised.
 * - Emergency detection runs on every message, whatever its language or intent.
 */
export function createNluEngine(options: NluEngineOptions): NluEngine {
  if (!Number.isInteger(options.maxChars) || options.maxChars < 1) {
    throw new RangeError(`maxChars must be a positive integer (MAX_MESSAGE_CHARS), got ${String(options.maxChars)}`);
  }
  const emergency = new EmergencyDetector();
  return {
    understand(raw: string, understandOptions: UnderstandOptions): Understanding {
      const { text, truncated } = cleanText(raw, options.maxChars);
      const hasWords = /[\p{L}\p{N}]/u.test(text);
      const guess = hasWords ? guessLanguage(text) : 'und';
      const language = guess === 'und' ? 'en' : guess;
      const entities = hasWords
        ? extractEntities(text, { timezone: safeTimeZone(understandOptions.timezone), now: validDate(understandOptions.now) })
        : [];
      // A bare value ("10027", "TD-100001", "2") answers a question; it is not a request to classify.
      const classify = hasWords && language === 'en' && hasWordsBeyond(text, entities);
      const intent = classify ? options.classifier.classify(text) : outOfScopePrediction();
      return {
        text,
        truncated,
        language,
        intent,
        entities,
        sentiment: analyzeSentiment(text),
        emergency: emergency.detect(text),
      };
    },
  };
}

/** True when letters remain once the entities are cut out of the text. */
function hasWordsBeyond(text: string, entities: readonly Entity[]): boolean {
  let rest = '';
  let at = 0;
  for (const entity of entities) {
    rest += text.slice(at, entity.start);
    at = Math.max(at, entity.end);
  }
  rest += text.slice(at);
  return /\p{L}/u.test(rest);
}

function validDate(now: Date | undefined): Date {
  return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
}

/** Unknown zones fall back to UTC rather than failing the turn. */
function safeTimeZone(timeZone: string): string {
  return isTimeZone(timeZone) ? timeZone : 'UTC';
}
