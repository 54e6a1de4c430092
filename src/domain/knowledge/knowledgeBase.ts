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
}

/** Help-centre articles and retrieval over them. */
export interface KnowledgeBase {
  /** Score at or above which `answer` answers. */
  readonly threshold: number;
  list(): readonly Article[];
  get(id: string): Article | undefined;
  /** Up to `k` articles (one hit per article), best first; includes low scores. */
  search(query: string, k?: number): SearchHit[];
  /** The best passage when its confidence reaches `threshold`; null otherwise (say "I don't know"). */
  answer(query: string): KnowledgeAnswer | null;
}
