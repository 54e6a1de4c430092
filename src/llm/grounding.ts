import { analyze } from '../domain/knowledge/textAnalysis';

/**
 * Share of the answer's content terms (stemmed, stopwords removed; numbers included) that also occur
 * in the passages. 1 = every content word is backed by a passage; an answer with no content words
 * scores 0, so it can never pass as grounded.
 */
export function groundingScore(answer: string, passages: readonly string[]): number {
  const terms = analyze(answer);
  if (terms.length === 0) return 0;
  const source = new Set(passages.flatMap((p) => analyze(p)));
  return terms.filter((t) => source.has(t)).length / terms.length;
}

/** Default minimum grounding score for a model answer to be shown. */
export const defaultMinGrounding = 0.6;
