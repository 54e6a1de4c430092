import { loadCorpus, defaultCorpusDir } from '../../intents/loadCorpus';
import type { IntentMetadata } from '../../intents/schema';
import { createNluEngine } from './createNluEngine';
import { loadOrTrainCorpusClassifier } from './intent';
import type { NluEngine } from './types';

export interface CorpusUnderstanding {
  readonly nlu: NluEngine;
  /** Metadata of every intent, by name: the only thing routing and policy read. */
  readonly intents: ReadonlyMap<string, IntentMetadata>;
}

/** Loads intents/, trains (or loads the cached model) and builds the engine the bot calls per turn. */
export function createCorpusUnderstanding(options: { maxChars: number; cacheDir?: string; corpusDir?: string }): CorpusUnderstanding {
  const corpus = loadCorpus(options.corpusDir ?? defaultCorpusDir);
  const intents = new Map<string, IntentMetadata>(
    corpus.intents.map(({ utterances: _utterances, tests: _tests, ...metadata }) => [metadata.name, metadata]),
  );
  const classifier = loadOrTrainCorpusClassifier(corpus, options.cacheDir);
  return { nlu: createNluEngine({ classifier, maxChars: options.maxChars }), intents };
}
