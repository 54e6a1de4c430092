/** Public surface of Tandem's NLU. Nothing here (or below) imports botbuilder. */
export * from './types';
export * from './intent';
export { createNluEngine, outOfScopePrediction, type IntentClassifierLike, type NluEngineOptions } from './createNluEngine';
export { extractEntities, type ExtractOptions } from './entities/extractEntities';
export { analyzeSentiment } from './sentiment/analyzeSentiment';
export { SentimentSignal } from './sentiment/signals';
export { frustrationSignals, type MessageFrustration } from './frustration/frustrationSignals';
export {
  initialFrustrationState,
  updateFrustration,
  sentimentTrend,
  FRUSTRATION_WINDOW,
  type FrustrationTurn,
} from './frustration/updateFrustration';
export { detectEmergency, EmergencyDetector } from './emergency/detectEmergency';
export { guessLanguage, type LanguageGuess } from './language/guessLanguage';
export { cleanText, type CleanedText } from './language/cleanText';
export {
  BinaryTextModel,
  defaultBinaryTextModelOptions,
  normalizeForModel,
  type BinaryExample,
  type BinaryTextModelOptions,
  type BinaryTextModelJSON,
} from './sentiment/binaryTextModel';
