import { z } from 'zod';
import { OUT_OF_SCOPE_LABEL } from '../../src/nlu/intent';
import type { IntentSystem } from './intentSystem';

interface NlpManagerLike {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, text: string): Promise<unknown>;
}

const processResult = z.looseObject({ intent: z.string().optional(), classifications: z.array(z.looseObject({ intent: z.string() })).optional() });

/** NLP.js 4 (`node-nlp` NlpManager) behind the benchmark interface; its `None` answer counts as out of scope. */
export function nlpjsSystem(): IntentSystem {
  // node-nlp ships no type declarations, so it is loaded untyped and its answers validated.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };
  const manager = new NlpManager({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false }, ner: { builtins: [] } });
  return {
    name: 'NLP.js',
    async train(examples) {
      for (const e of examples) manager.addDocument('en', e.text, e.intent);
      await manager.train();
    },
    async predict(text) {
      const result = processResult.parse(await manager.process('en', text));
      const intent = result.intent ?? 'None';
      const label = intent === 'None' ? OUT_OF_SCOPE_LABEL : intent;
      const first = result.classifications?.find((c) => c.intent !== 'None' && c.intent !== OUT_OF_SCOPE_LABEL)?.intent ?? null;
      return { label, rankedFirst: first };
    },
    modelBytes: () => null,
    describe: () => ({}),
  };
}
