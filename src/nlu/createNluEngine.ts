import { isTimeZone } from '../time/isTimeZone';
import { detectEmergency } from './emergency/detectEmergency';
import { extractEntities } from './entities/extractEntities';
import { cleanText } from './language/cleanText';
import { screenableText } from './language/screenableText';
import { guessLanguage } from './language/guessLanguage';
import { analyzeSentiment } from './sentiment/analyzeSentiment';
import { EntityType, IntentDecision, type EmergencyResult, type Entity, type IntentPrediction, type NluEngine, type UnderstandOptions, type Understanding } from './types';

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
 * - Emergency detection runs on every message, whatever its language or intent, once: a screening the
 *   turn already made (`screen`, passed as `options.emergency`) is reused.
 */
export function createNluEngine(options: NluEngineOptions): NluEngine {
  if (!Number.isInteger(options.maxChars) || options.maxChars < 1) {
    throw new RangeError(`maxChars must be a positive integer (MAX_MESSAGE_CHARS), got ${String(options.maxChars)}`);
  }
  return {
    screen(raw: string): EmergencyResult {
      return detectEmergency(screenableText(cleanText(raw, options.maxChars)));
    },
    understand(raw: string, understandOptions: UnderstandOptions): Understanding {
      const { text, truncated } = cleanText(raw, options.maxChars);
      const hasWords = /[\p{L}\p{N}]/u.test(text);
      const entities = hasWords
        ? extractEntities(text, { timezone: safeTimeZone(understandOptions.timezone), now: validDate(understandOptions.now) })
        : [];
      // A bare value ("10027", "TD-100001", "ann@x.com and bo@y.com") answers a question: it is in no language and
      // is not a request to classify.
      const bare = !hasWordsBeyond(text, entities);
      const guess = hasWords && !bare ? guessLanguage(text) : 'und';
      const language = guess === 'und' ? 'en' : guess;
      const classify = hasWords && language === 'en' && !bare;
      const intent = classify ? options.classifier.classify(classificationText(text, entities)) : outOfScopePrediction();
      return {
        text,
        truncated,
        language,
        intent,
        entities,
        sentiment: analyzeSentiment(text),
        emergency: understandOptions.emergency ?? detectEmergency(screenableText({ text, truncated })),
      };
    },
  };
}

/** Identifiers that say nothing about what the user wants; their characters only add noise to the classifier. */
const identifierTypes: ReadonlySet<string> = new Set([EntityType.email, EntityType.phone, EntityType.memberId]);
/** How the corpus writes an order number ("can you check the status of order 12345"). */
const orderNumberStandIn = '12345';

/**
 * The text the intent classifier sees: identifiers cut out, and an order number written the way the
 * corpus writes one, so "what's the status of TD-100001? my email is ann@x.com" reads like
 * "what's the status of order 12345? my email is".
 */
function classificationText(text: string, entities: readonly Entity[]): string {
  let out = '';
  let at = 0;
  for (const entity of entities) {
    if (entity.start < at) continue;
    if (entity.type === EntityType.orderNumber) {
      const saysOrder = /\border\s*(?:number|no\.?|#)?\s*$/i.test(text.slice(Math.max(0, entity.start - 16), entity.start));
      out += `${text.slice(at, entity.start)}${saysOrder ? '' : 'order '}${orderNumberStandIn}`;
    } else if (identifierTypes.has(entity.type)) {
      out += `${text.slice(at, entity.start)} `;
    } else {
      continue;
    }
    at = entity.end;
  }
  return out + text.slice(at);
}

/** True when words remain once the entities (and numbers joined by "and") are cut out of the text. */
function hasWordsBeyond(text: string, entities: readonly Entity[]): boolean {
  let rest = '';
  let at = 0;
  for (const entity of entities) {
    rest += text.slice(at, entity.start);
    at = Math.max(at, entity.end);
  }
  rest += text.slice(at);
  // Numbers joined by "and" ("98103 and 78704": two ZIP codes) are bare values too.
  return /\p{L}/u.test(rest.replace(/\p{N}+(?:-\p{N}+)*/gu, ' ').replace(/\b(?:and|or|plus|then)\b/giu, ' '));
}

function validDate(now: Date | undefined): Date {
  return now instanceof Date && !Number.isNaN(now.getTime()) ? now : new Date();
}

/** Unknown zones fall back to UTC rather than failing the turn. */
function safeTimeZone(timeZone: string): string {
  return isTimeZone(timeZone) ? timeZone : 'UTC';
}
