export {
  IntentClassifier,
  trainIntentClassifier,
  OUT_OF_SCOPE_LABEL,
  INTENT_MODEL_VERSION,
  defaultIntentClassifierOptions,
  type TrainingExample,
  type IntentClassifierOptions,
  type HoldoutOptions,
  type CalibrationReport,
  type IntentModelJSON,
  type RejectionScores,
} from './intentClassifier';
export {
  loadOrTrainCorpusClassifier,
  corpusTrainingExamples,
  corpusClassifierOptions,
  defaultIntentCacheDir,
  type CorpusClassifierOptions,
} from './corpusClassifier';
export type { DecisionThresholds, ThresholdTuningOptions } from './decisionThresholds';
export type { FeatureOptions, IntentContext } from './textFeatures';
export type { FeatureSpaceOptions } from './featureSpace';
export type { SoftmaxTrainingOptions } from './softmaxRegression';
