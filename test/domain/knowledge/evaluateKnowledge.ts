import type { KnowledgeBase } from '../../../src/domain/knowledge/knowledgeBase';
import labelled from './labelledQuestions.json';

export interface LabelledQuestion {
  readonly q: string;
  readonly article: string | null;
  readonly split: 'tune' | 'holdout';
}

export const labelledQuestions = labelled.questions as LabelledQuestion[];

export interface Scored {
  readonly question: LabelledQuestion;
  readonly top?: { readonly id: string; readonly score: number };
}

export interface Metrics {
  readonly threshold: number;
  readonly total: number;
  /** Answered with the right article, or rightly not answered. */
  readonly accuracy: number;
  /** Of the answers given, the share pointing at the right article. */
  readonly precision: number;
  /** Of in-scope questions, the share answered with the right article. */
  readonly recall: number;
  /** Of out-of-scope questions, the share rightly not answered. */
  readonly rejection: number;
}

export function scoreAll(kb: KnowledgeBase, questions: readonly LabelledQuestion[]): Scored[] {
  return questions.map((question) => {
    const [hit] = kb.search(question.q, 1);
    return hit ? { question, top: { id: hit.article.id, score: hit.score } } : { question };
  });
}

export function metricsAt(scored: readonly Scored[], threshold: number): Metrics {
  let correct = 0;
  let answered = 0;
  let answeredRight = 0;
  let inScope = 0;
  let inScopeRight = 0;
  let outOfScope = 0;
  let rejected = 0;
  for (const { question, top } of scored) {
    const predicted = top && top.score >= threshold ? top.id : null;
    if (predicted === question.article) correct++;
    if (predicted !== null) {
      answered++;
      if (predicted === question.article) answeredRight++;
    }
    if (question.article === null) {
      outOfScope++;
      if (predicted === null) rejected++;
    } else {
      inScope++;
      if (predicted === question.article) inScopeRight++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  return {
    threshold,
    total: scored.length,
    accuracy: ratio(correct, scored.length),
    precision: ratio(answeredRight, answered),
    recall: ratio(inScopeRight, inScope),
    rejection: ratio(rejected, outOfScope),
  };
}

/** Best threshold on `scored` by accuracy; ties go to the middle of the best range. */
export function tuneThreshold(scored: readonly Scored[], from = 0.05, to = 0.6, step = 0.01): Metrics {
  const grid: Metrics[] = [];
  for (let t = from; t <= to + 1e-9; t += step) grid.push(metricsAt(scored, Math.round(t * 100) / 100));
  const bestAccuracy = Math.max(...grid.map((m) => m.accuracy));
  const best = grid.filter((m) => m.accuracy === bestAccuracy);
  return best[Math.floor((best.length - 1) / 2)] as Metrics;
}
