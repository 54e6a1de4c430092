/**
 * Prints the knowledge-base threshold figures: `npm run kb:tune`.
 * Tunes on the `tune` split of labelledQuestions.json and reports both splits.
 */
import { TfidfKnowledgeBase } from '../../../src/domain/knowledge/tfidfKnowledgeBase';
import { labelledQuestions, metricsAt, scoreAll, tuneThreshold } from './evaluateKnowledge';

const kb = new TfidfKnowledgeBase();
const tune = scoreAll(kb, labelledQuestions.filter((q) => q.split === 'tune'));
const holdout = scoreAll(kb, labelledQuestions.filter((q) => q.split === 'holdout'));
const best = tuneThreshold(tune);
const out = (line: string) => process.stdout.write(`${line}\n`);

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
