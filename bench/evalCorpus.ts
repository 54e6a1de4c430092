/**
 * npm run eval:corpus [-- --json]
 * Tandem's own corpus: trains on every intent's `utterances` plus the out-of-scope negatives, and reports on
 * the held-out `tests` plus the negatives' `tests` (labelled `oos`).
 */
import { loadCorpus, loadOutOfScope } from '../intents/loadCorpus';
import { corpusClassifierOptions, corpusTrainingExamples, OUT_OF_SCOPE_LABEL } from '../src/nlu/intent';
import { evaluateIntentSystem } from './lib/evaluateIntentSystem';
import { tandemSystem } from './lib/intentSystem';
import { formatIntentEvaluation, peakRssMb } from './lib/report';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const corpus = loadCorpus();
  const outOfScope = loadOutOfScope();
  const train = corpusTrainingExamples(corpus, outOfScope);
  const tests = [
    ...corpus.intents.flatMap((i) => i.tests.map((text) => ({ text, intent: i.name }))),
    ...outOfScope.tests.map((text) => ({ text, intent: OUT_OF_SCOPE_LABEL })),
  ];
  const { predictions: _predictions, rejectionScores: _scores, ...evaluation } = await evaluateIntentSystem(tandemSystem(corpusClassifierOptions(corpus)), train, tests);
  const peak = peakRssMb();
  console.log(`Tandem corpus: trained on ${train.length} utterances (${outOfScope.utterances.length} out-of-scope), reported on ${tests.length} held-out tests`);
  console.log(formatIntentEvaluation(evaluation, peak));
  if (json) console.log(JSON.stringify({ dataset: 'tandem-corpus', split: 'tests', ...evaluation, peakRssMb: peak }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
