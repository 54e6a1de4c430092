import {
  IntentClassifier,
  OUT_OF_SCOPE_LABEL,
  trainIntentClassifier,
  type IntentClassifierOptions,
  type IntentContext,
  type RejectionScores,
  type TrainingExample,
} from '../../src/nlu/intent';

/** One prediction as the benchmarks score it: the answer (or `oos`) and the raw top-ranked intent. */
export interface SystemPrediction {
  readonly label: string;
  readonly rankedFirst: string | null;
}

/** An intent classifier under evaluation: Tandem's own or a peer library. */
export interface IntentSystem {
  readonly name: string;
  train(examples: readonly TrainingExample[]): Promise<void>;
  predict(text: string, context?: IntentContext): Promise<SystemPrediction> | SystemPrediction;
  /** Serialised model size in bytes, when the system can tell. */
  modelBytes(): number | null;
  /** Anything worth printing about the trained model (temperature, thresholds…). */
  describe(): Record<string, unknown>;
  /** The scores behind out-of-scope decisions, when the system exposes them (for the rejection curve). */
  rejectionScores?(text: string, context?: IntentContext): RejectionScores;
}

/** Tandem's classifier behind the benchmark interface. */
export function tandemSystem(options: Partial<IntentClassifierOptions> = {}, name = 'Tandem'): IntentSystem {
  let classifier: IntentClassifier | null = null;
  const trained = (): IntentClassifier => {
    if (!classifier) throw new Error('train() first');
    return classifier;
  };
  return {
    name,
    train(examples) {
      classifier = trainIntentClassifier(examples, options);
      return Promise.resolve();
    },
    predict(text, context) {
      const p = trained().classify(text, context);
      return { label: p.intent ?? OUT_OF_SCOPE_LABEL, rankedFirst: p.ranking[0]?.intent ?? null };
    },
    modelBytes: () => Buffer.byteLength(JSON.stringify(trained().toJSON())),
    describe: () => ({ ...trained().calibration }),
    rejectionScores: (text, context) => trained().rejectionScores(text, context),
  };
}
