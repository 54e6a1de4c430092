/**
 * Prints the knowledge-base tuning figures: `npm run kb:tune` (add `--grid` to search the score weights too,
 * `--detail` for every question). Tunes on the `tune` split of labelledQuestions.json and reports both splits.
 */
import { defaultRetrievalWeights, TfidfKnowledgeBase, type RetrievalWeights } from '../../../src/domain/knowledge/tfidfKnowledgeBase';
import { defaultQueryTermsOptions } from '../../../src/domain/knowledge/queryTerms';
import { shippedWordVectors } from '../../../src/nlu/vectors/wordVectors';
import { labelledQuestions, metricsAt, scoreAll, tuneThreshold } from './evaluateKnowledge';

const out = (line: string) => process.stdout.write(`${line}\n`);
const tuneSet = labelledQuestions.filter((q) => q.split === 'tune');
const holdoutSet = labelledQuestions.filter((q) => q.split === 'holdout');
const vectors = process.argv.includes('--no-vectors') ? null : shippedWordVectors();

if (process.argv.includes('--grid')) {
  // Accuracy on the tune split only; the holdout split is printed for the winner, never used to choose.
  let best: { weights: RetrievalWeights; neighbourSimilarity: number; accuracy: number; threshold: number } | undefined;
  for (const neighbourSimilarity of vectors ? [0.65, 0.7, 0.75, 0.8, 2] : [2]) for (const passage of [0.3, 0.4, 0.5, 0.6]) {
    for (const coverage of [0, 0.1, 0.2, 0.3, 0.4]) {
      for (const answerType of [0, 0.05, 0.1]) {
        const weights = { passage, article: Math.max(0, 1 - passage - coverage), coverage, answerType };
        const tuned = tuneThreshold(scoreAll(new TfidfKnowledgeBase({ weights, vectors, queryTerms: { ...defaultQueryTermsOptions, neighbourSimilarity } }), tuneSet));
        if (!best || tuned.accuracy > best.accuracy) best = { weights, neighbourSimilarity, accuracy: tuned.accuracy, threshold: tuned.threshold };
      }
    }
  }
  out(`best weights on tune: ${JSON.stringify(best?.weights)}, neighbour similarity ${best?.neighbourSimilarity} (accuracy ${best?.accuracy} at ${best?.threshold})`);
}

const kb = new TfidfKnowledgeBase({ vectors });
const tune = scoreAll(kb, tuneSet);
const holdout = scoreAll(kb, holdoutSet);
const best = tuneThreshold(tune);

out(`weights: ${JSON.stringify(defaultRetrievalWeights)}; word vectors: ${vectors ? 'yes' : 'no'}`);
out(`questions: tune ${tune.length}, holdout ${holdout.length}`);
out(`top-1 article right (in-scope, no threshold): tune ${metricsAt(tune, 0).recall}, holdout ${metricsAt(holdout, 0).recall}`);
out(`best threshold on tune: ${best.threshold}`);
out(`shipped threshold: ${kb.threshold}`);
for (const [name, scored] of [['tune', tune], ['holdout', holdout]] as const) {
  for (const t of [...new Set([best.threshold, kb.threshold])]) {
    const m = metricsAt(scored, t);
    out(`${name} @${t}: accuracy ${m.accuracy}, precision ${m.precision}, recall ${m.recall}, out-of-scope rejected ${m.rejection}`);
  }
}
if (process.argv.includes('--detail')) {
  for (const { question, top } of [...tune, ...holdout]) {
    const ok = (top && top.score >= kb.threshold ? top.id : null) === question.article ? 'ok ' : 'BAD';
    out(`${ok} ${question.split.padEnd(7)} ${String(top?.score ?? 0).padEnd(6)} ${String(top?.id).padEnd(32)} want ${String(question.article).padEnd(32)} ${question.q}`);
  }
}
