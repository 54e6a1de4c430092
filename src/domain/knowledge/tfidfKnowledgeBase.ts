import { TfIdf } from 'natural/lib/natural/tfidf';
import { AnswerType, answerTypesAsked, statesAnswerType } from './answerType';
import { loadArticles, type Article, type Passage } from './article';
import type { AnswerHint, KnowledgeAnswer, KnowledgeBase, SearchHit } from './knowledgeBase';
import { defaultQueryTermsOptions, QueryTerms, type QueryTermsOptions, type WeightedTerm, type WordVectorLookup } from './queryTerms';
import { questionFocus } from './questionFocus';
import { analyze } from './textAnalysis';
import { shippedWordVectors } from '../../nlu/vectors/wordVectors';

/**
 * Default answer threshold, tuned on test/domain/knowledge/labelledQuestions.json (tune split); see
 * `npm run kb:tune` for the figures.
 */
export const defaultKnowledgeThreshold = 0.1;

/** How a passage's score is made up; tuned with the threshold (`npm run kb:tune`). */
export interface RetrievalWeights {
  /** TF-IDF cosine of the passage (with its article's title and tags). */
  readonly passage: number;
  /** TF-IDF cosine of the whole article. */
  readonly article: number;
  /** Share of the question's idf-weighted terms that the passage (with its article's title and tags) contains. */
  readonly coverage: number;
  /** Added when the question asks for a kind of fact (an amount, a place, a time…) that the passage states. */
  readonly answerType: number;
}

export const defaultRetrievalWeights: RetrievalWeights = { passage: 0.6, article: 0.4, coverage: 0, answerType: 0.05 };

/** Kept for callers that blend the two cosines themselves. */
export const passageWeight = defaultRetrievalWeights.passage;

export interface TfidfKnowledgeBaseOptions {
  /** Default: the shipped articles. */
  readonly articles?: readonly Article[];
  readonly threshold?: number;
  readonly weights?: RetrievalWeights;
  /**
   * Word vectors: their vocabulary tells a real word from a typo (only typos are corrected), and, when
   * `queryTerms.neighbourSimilarity` allows, they stand in for words the articles never use. Default: the
   * shipped table; null: none (every unknown word of four letters or more may then be taken for a typo).
   */
  readonly vectors?: WordVectorLookup | null;
  readonly queryTerms?: QueryTermsOptions;
}

type Vector = Map<string, number>;

/** A TF-IDF index whose document vectors are precomputed with their norms, for cosine scores. */
class CosineIndex {
  private readonly tfidf = new TfIdf();
  private readonly vectors: { vector: Vector; norm: number }[] = [];

  constructor(documents: readonly string[][]) {
    for (const terms of documents) this.tfidf.addDocument(terms);
    documents.forEach((terms) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      const vector: Vector = new Map();
      for (const [term, count] of counts) vector.set(term, count * this.tfidf.idf(term));
      this.vectors.push({ vector, norm: Math.hypot(...vector.values()) });
    });
  }

  idf(term: string): number {
    return this.tfidf.idf(term);
  }

  /** Query weights use the same idf; unknown terms count with the highest idf, lowering the score. */
  queryVector(terms: readonly WeightedTerm[]): { vector: Vector; norm: number } {
    const vector: Vector = new Map();
    for (const { term, weight } of terms) vector.set(term, (vector.get(term) ?? 0) + weight * this.tfidf.idf(term));
    return { vector, norm: Math.hypot(...vector.values()) };
  }

  cosine(query: { vector: Vector; norm: number }, index: number): number {
    const doc = this.vectors[index];
    if (!doc || doc.norm === 0 || query.norm === 0) return 0;
    let dot = 0;
    for (const [term, weight] of query.vector) dot += weight * (doc.vector.get(term) ?? 0);
    return dot / (doc.norm * query.norm);
  }
}

function snippetOf(text: string, max = 300): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentenceEnd = cut.lastIndexOf('. ');
  return sentenceEnd > max / 2 ? cut.slice(0, sentenceEnd + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** The first sentence of a passage (a sentence ends at ". " before a capital or a digit). */
function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[\p{Lu}\d+])/u.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

interface IndexedPassage {
  readonly passage: Passage;
  readonly articleIndex: number;
  /** Terms of the passage with its article's title and tags: what the score's coverage counts. */
  readonly docTerms: ReadonlySet<string>;
  /** The passage's own terms (and, for the lead paragraph, the article's title): what picks the passage shown. */
  readonly ownTerms: ReadonlySet<string>;
  /** Kinds of fact the passage states. */
  readonly states: ReadonlySet<AnswerType>;
  /** Terms of its heading that are not its article's topic. */
  readonly headingTerms: ReadonlySet<string>;
}

interface Scored {
  readonly index: number;
  readonly score: number;
  /** Idf-weighted share of the question's terms the passage's own words cover. */
  readonly ownCoverage: number;
  readonly typed: boolean;
  /** The question names the passage's heading (a clinic, a provider). */
  readonly named: boolean;
}

/**
 * KnowledgeBase over natural's TfIdf with Porter stemming. Each passage is scored by its cosine
 * similarity blended with its article's, the share of the question it covers and whether it states the
 * kind of fact asked for (an amount for "how much", an address for "where"), so scores lie in [0, 1].
 * Questions are read as the articles would say them: typos of the articles' words are corrected and
 * words the articles never use are stood in for by their nearest article words in word-vector space.
 */
export class TfidfKnowledgeBase implements KnowledgeBase {
  readonly threshold: number;
  private readonly weights: RetrievalWeights;
  private readonly articles: readonly Article[];
  private readonly passages: IndexedPassage[] = [];
  private readonly passageIndex: CosineIndex;
  private readonly articleIndex: CosineIndex;
  private readonly queryTerms: QueryTerms;
  /** Every term of each article (title, tags and passages), by article index. */
  private readonly articleTerms: ReadonlySet<string>[] = [];

  constructor(options: TfidfKnowledgeBaseOptions = {}) {
    this.articles = options.articles ?? loadArticles();
    this.threshold = options.threshold ?? defaultKnowledgeThreshold;
    this.weights = options.weights ?? defaultRetrievalWeights;
    const articleDocs: string[][] = [];
    const passageDocs: string[][] = [];
    this.articles.forEach((article, articleIndex) => {
      const topic = [...analyze(article.title), ...analyze(article.tags.join(' '))];
      articleDocs.push([...analyze(article.title), ...topic, ...analyze(article.body)]);
      for (const passage of article.passages) {
        const own = analyze(`${passage.heading ?? ''} ${passage.text}`);
        // For choosing the passage shown, the lead paragraph (before any heading) answers the article's title.
        const covers = passage.heading === undefined ? [...own, ...analyze(article.title)] : own;
        const states = new Set(Object.values(AnswerType).filter((type) => statesAnswerType(passage.text, type)));
        // What a heading names beyond the article's topic ("Dr. Kate Brennan", not "hours").
        const headingTerms = new Set(analyze(passage.heading ?? '').filter((term) => !topic.includes(term)));
        this.passages.push({ passage, articleIndex, docTerms: new Set([...topic, ...own]), ownTerms: new Set(covers), states, headingTerms });
        passageDocs.push([...topic, ...own]);
      }
    });
    this.articleIndex = new CosineIndex(articleDocs);
    this.articleTerms.push(...articleDocs.map((terms) => new Set(terms)));
    this.passageIndex = new CosineIndex(passageDocs);
    this.queryTerms = new QueryTerms(
      this.articles.map((a) => `${a.title} ${a.tags.join(' ')} ${a.body}`),
      options.vectors === undefined ? shippedWordVectors() : (options.vectors ?? undefined),
      options.queryTerms ?? defaultQueryTermsOptions,
    );
  }

  list(): readonly Article[] {
    return this.articles;
  }

  get(id: string): Article | undefined {
    return this.articles.find((a) => a.id === id);
  }

  search(query: string, k = 3): SearchHit[] {
    return this.rank(query)
      .slice(0, Math.max(1, Math.trunc(k)))
      .map(({ articleIndex, shown, score }) => {
        const article = this.articles[articleIndex] as Article;
        const passage = (this.passages[shown.index] as IndexedPassage).passage;
        return { article: { id: article.id, title: article.title }, passage, score: roundScore(score), snippet: snippetOf(passage.text) };
      });
  }

  answer(query: string, hint?: AnswerHint): KnowledgeAnswer | null {
    const ranked = this.rank(query);
    const top = this.onTopic(ranked, hint) ?? this.onTask(query, ranked, hint) ?? ranked[0];
    if (!top || roundScore(top.score) < this.threshold) return null;
    const article = this.articles[top.articleIndex] as Article;
    const passage = (this.passages[top.shown.index] as IndexedPassage).passage;
    return { article: { id: article.id, title: article.title }, passage, confidence: roundScore(top.score), text: this.answerText(top), statesAskedFact: top.asked.length > 0 && top.shown.typed };
  }

  /**
   * The hit from the article the hinted topic names, when the question has some evidence for it (half the
   * threshold) and it is within a quarter of the best hit: a classifier sure of the topic and a retrieval
   * that agrees need less evidence than either alone. Its score is lifted to the threshold.
   */
  private onTopic<T extends { articleIndex: number; score: number }>(ranked: readonly T[], hint: AnswerHint | undefined): T | undefined {
    if (!hint?.topic) return undefined;
    const [topic] = this.rank(hint.topic);
    const hit = topic ? ranked.find((h) => h.articleIndex === topic.articleIndex) : undefined;
    const best = ranked[0]?.score ?? 0;
    return hit && hit.score >= this.threshold / 2 && hit.score >= 0.75 * best ? { ...hit, score: Math.max(hit.score, this.threshold) } : undefined;
  }

  /**
   * A question whose words can't tell the best article from one clearly about the task under way: that one.
   * "What if I have to cancel?" while booking is about the appointment, not an order. It applies when the best
   * article has nothing to do with the task (the task's words score below the threshold on it), and the other
   * article is about the task (twice the threshold), holds every question word the best one holds, and
   * answers on its own with at least half the best score. A question that names its own topic ("how long does
   * shipping take?", "when does the Denver clinic close?") keeps its article.
   */
  private onTask<T extends { articleIndex: number; score: number }>(query: string, ranked: readonly T[], hint: AnswerHint | undefined): T | undefined {
    const [best] = ranked;
    if (!hint?.task || !best) return undefined;
    const affinity = new Map(this.rank(hint.task).map((h) => [h.articleIndex, h.score]));
    if ((affinity.get(best.articleIndex) ?? 0) >= this.threshold) return undefined;
    const terms = this.queryTerms.of(questionFocus(query)).map((t) => t.term);
    const heldByBest = terms.filter((term) => this.articleTerms[best.articleIndex]?.has(term));
    return ranked.find(
      (h) =>
        (affinity.get(h.articleIndex) ?? 0) >= 2 * this.threshold &&
        h.score >= this.threshold &&
        h.score >= best.score / 2 &&
        heldByBest.every((term) => this.articleTerms[h.articleIndex]?.has(term)),
    );
  }

  /** Articles best first, each with its score (its best passage's) and the passage to show. */
  private rank(query: string): { articleIndex: number; score: number; shown: Scored; scored: Scored[]; asked: AnswerType[] }[] {
    const focus = questionFocus(query);
    const terms = this.queryTerms.of(focus);
    // A bare number (a ZIP, an order number) answers a question; it asks none.
    if (!terms.some((t) => /\p{L}/u.test(t.term))) return [];
    const asked = answerTypesAsked(focus);
    const passageQuery = this.passageIndex.queryVector(terms);
    const articleQuery = this.articleIndex.queryVector(terms);
    const articleScores = this.articles.map((_, i) => this.articleIndex.cosine(articleQuery, i));
    const queryWeight = [...passageQuery.vector.values()].reduce((sum, w) => sum + w, 0);
    const share = (within: ReadonlySet<string>): number => {
      if (queryWeight <= 0) return 0;
      let covered = 0;
      for (const [term, weight] of passageQuery.vector) if (within.has(term)) covered += weight;
      return covered / queryWeight;
    };
    const { weights } = this;
    const byArticle = new Map<number, Scored[]>();
    this.passages.forEach((p, index) => {
      const typed = asked.some((type) => p.states.has(type));
      const score =
        weights.passage * this.passageIndex.cosine(passageQuery, index) +
        weights.article * (articleScores[p.articleIndex] ?? 0) +
        weights.coverage * share(p.docTerms) +
        (typed ? weights.answerType : 0);
      const list = byArticle.get(p.articleIndex) ?? [];
      const named = [...p.headingTerms].some((term) => passageQuery.vector.has(term));
      list.push({ index, score, ownCoverage: share(p.ownTerms), typed, named });
      byArticle.set(p.articleIndex, list);
    });
    return [...byArticle.entries()]
      .map(([articleIndex, scored]) => ({ articleIndex, score: Math.max(...scored.map((s) => s.score)), shown: this.shown(scored, asked), scored, asked }))
      .filter((hit) => hit.score > 0 && (articleScores[hit.articleIndex] ?? 0) > 0)
      .sort((a, b) => b.score - a.score);
  }

  /**
   * The passage shown for an article: the one whose own words cover most of the question, a passage
   * stating the kind of fact asked for first; on a tie one whose heading the question names, then the
   * lead paragraph (the article's own summary), then the higher score.
   */
  private shown(scored: readonly Scored[], asked: readonly AnswerType[]): Scored {
    const rankOf = (s: Scored): number => s.ownCoverage + (asked.length > 0 && s.typed ? 1.5 : 0) + (s.named ? 0.01 : 0);
    let best = scored[0] as Scored;
    for (const s of scored.slice(1)) {
      const lead = (this.passages[best.index] as IndexedPassage).passage.heading === undefined;
      if (rankOf(s) > rankOf(best) + 1e-9 || (Math.abs(rankOf(s) - rankOf(best)) <= 1e-9 && !lead && s.score > best.score)) best = s;
    }
    return best;
  }

  /**
   * What to say: the passage shown, or, when the question asks for a kind of fact that several passages
   * state equally well ("where are you located?" and four clinics), the first sentence of each of them
   * under its heading. Every word comes from the article.
   */
  private answerText(hit: { shown: Scored; scored: Scored[]; asked: AnswerType[] }): string {
    const shown = this.passages[hit.shown.index] as IndexedPassage;
    // A lead paragraph that states the fact is the article's own answer.
    if (!hit.shown.typed || hit.asked.length === 0 || shown.passage.heading === undefined) return shown.passage.text;
    const tied = hit.scored.filter((s) => s.typed && Math.abs(s.ownCoverage - hit.shown.ownCoverage) <= 1e-9);
    if (tied.length < 2) return shown.passage.text;
    const lead = hit.scored.map((s) => this.passages[s.index] as IndexedPassage).find((p) => p.passage.heading === undefined);
    const lines = tied.map((s) => {
      const p = (this.passages[s.index] as IndexedPassage).passage;
      return `${p.heading ? `${p.heading}: ` : ''}${firstSentence(p.text)}`;
    });
    return [...(lead && !tied.some((s) => s.index === this.passages.indexOf(lead)) ? [firstSentence(lead.passage.text)] : []), ...lines].join('\n');
  }
}

function roundScore(score: number): number {
  return Math.min(1, Math.round(score * 1000) / 1000);
}
