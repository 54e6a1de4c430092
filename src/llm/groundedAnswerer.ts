import type { KnowledgeBase } from '../domain/knowledge/knowledgeBase';
import { defaultMinGrounding, groundingScore } from './grounding';
import { refusalToken, type ContextPassage, type LlmClient, type LlmText } from './llmClient';
import { checkOutputSafety, type SafetyViolation } from './safetyFilter';
import { LlmTimeoutError, withTimeout } from './withTimeout';

/** Why a model answer was not used. */
export const answerFallbackReasons = ['timeout', 'error', 'refused', 'unsafe', 'ungrounded'] as const;
export type AnswerFallbackReason = (typeof answerFallbackReasons)[number];

/** What the customer is told when nothing reliable is known. */
export const dontKnowText = "I'm sorry, I don't know the answer to that. I can connect you with a person if you like.";

export type GroundedAnswer =
  | {
      readonly kind: 'answer';
      readonly text: string;
      /** `model`: generated and checked; `retrieval`: the knowledge-base passage itself. */
      readonly source: 'model' | 'retrieval';
      readonly articles: readonly { readonly id: string; readonly title: string }[];
      /** Retrieval confidence of the best passage, [0, 1]. */
      readonly confidence: number;
      readonly fallbackReason?: AnswerFallbackReason;
      readonly violations?: readonly SafetyViolation[];
    }
  | {
      readonly kind: 'unknown';
      readonly text: string;
      readonly fallbackReason?: AnswerFallbackReason;
      readonly violations?: readonly SafetyViolation[];
    };

export interface GroundedAnswererOptions {
  readonly knowledge: KnowledgeBase;
  readonly llm: LlmClient;
  /** Budget for one model call (LLM_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Minimum share of answer terms found in the passages. Default 0.6. */
  readonly minGrounding?: number;
  /** Passages offered to the model. Default 3. */
  readonly maxPassages?: number;
}

/**
 * Answers help questions from the knowledge base. With a model: the model may only rephrase the
 * retrieved passages; its reply must be grounded in them and pass the safety filter, otherwise the
 * best passage itself is shown. Without a model, or below the retrieval threshold, no text is invented.
 */
export class GroundedAnswerer {
  private readonly minGrounding: number;
  private readonly maxPassages: number;

  constructor(private readonly options: GroundedAnswererOptions) {
    this.minGrounding = options.minGrounding ?? defaultMinGrounding;
    this.maxPassages = options.maxPassages ?? 3;
  }

  /**
   * @param userContext this customer's own data shown in the conversation (e.g. their verified order),
   *   which the answer may repeat; anything else personal is filtered out.
   */
  async answer(question: string, userContext: readonly string[] = []): Promise<GroundedAnswer> {
    const { knowledge, llm } = this.options;
    const hits = knowledge.search(question, this.maxPassages).filter((hit) => hit.score >= knowledge.threshold);
    const best = hits[0];
    if (!best) return { kind: 'unknown', text: dontKnowText };
    const passages: ContextPassage[] = hits.map((hit) => ({ id: hit.passage.id, title: hit.article.title, text: hit.passage.text }));
    const articles = [...new Map(hits.map((hit) => [hit.article.id, hit.article])).values()];
    const retrieval = (fallbackReason?: AnswerFallbackReason, violations?: readonly SafetyViolation[]): GroundedAnswer => ({
      kind: 'answer',
      text: best.passage.text,
      source: 'retrieval',
      articles: [best.article],
      confidence: best.score,
      ...(fallbackReason ? { fallbackReason } : {}),
      ...(violations ? { violations } : {}),
    });

    let reply: LlmText;
    try {
      reply = await withTimeout(this.options.timeoutMs, (signal) => llm.answerFromContext({ question, passages, signal }));
    } catch (error) {
      return retrieval(error instanceof LlmTimeoutError ? 'timeout' : 'error');
    }
    if (reply.source !== 'model') return retrieval();
    const text = reply.text.trim();
    // The model judged the passages do not answer the question; it reads them better than TF-IDF does.
    if (text === '' || text.includes(refusalToken)) return { kind: 'unknown', text: dontKnowText, fallbackReason: 'refused' };
    const verdict = checkOutputSafety(text, [...passages.map((p) => p.text), question, ...userContext]);
    if (!verdict.safe) return retrieval('unsafe', verdict.violations);
    if (groundingScore(text, [...passages.map((p) => p.text), ...userContext]) < this.minGrounding) return retrieval('ungrounded');
    return { kind: 'answer', text, source: 'model', articles, confidence: best.score };
  }
}
