import type { Article, Passage } from './article';

export interface SearchHit {
  readonly article: Pick<Article, 'id' | 'title'>;
  /** Best-matching passage of the article. */
  readonly passage: Passage;
  /** Confidence in [0, 1]. */
  readonly score: number;
  /** The passage text, trimmed to a readable length. */
  readonly snippet: string;
}

export interface KnowledgeAnswer {
  readonly article: Pick<Article, 'id' | 'title'>;
  readonly passage: Passage;
  readonly confidence: number;
  /** What to tell the user, in the article's own words: the passage, or an overview of several of its passages. */
  readonly text: string;
  /** The question asks for a kind of fact (an amount, a length of time, an address…) and the answer states it. */
  readonly statesAskedFact: boolean;
}

/** What else is known about a question. */
export interface AnswerHint {
  /** The topic the intent classifier is sure of, in words ("Opening hours"). */
  readonly topic?: string;
  /**
   * What the task under way is about, in words ("appointment"): a question asked in the middle of it that fits
   * several articles ("what if I have to cancel?") is answered from the one on the task's topic.
   */
  readonly task?: string;
}

/** Help-centre articles and retrieval over them. */
export interface KnowledgeBase {
  /** Score at or above which `answer` answers. */
  readonly threshold: number;
  list(): readonly Article[];
  get(id: string): Article | undefined;
  /** Up to `k` articles (one hit per article), best first; includes low scores. */
  search(query: string, k?: number): SearchHit[];
  /**
   * The best passage when its confidence reaches `threshold`; null otherwise (say "I don't know"). With a
   * hint, an article on the hinted topic answers on less evidence, and the task's topic settles a question
   * that fits several articles.
   */
  answer(query: string, hint?: AnswerHint): KnowledgeAnswer | null;
}
