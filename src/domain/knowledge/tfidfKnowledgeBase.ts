import { TfIdf } from 'natural/lib/natural/tfidf';
import { loadArticles, type Article, type Passage } from './article';
import type { KnowledgeAnswer, KnowledgeBase, SearchHit } from './knowledgeBase';
import { analyze } from './textAnalysis';

/**
 * Default answer threshold, tuned on test/domain/knowledge/labelledQuestions.json (tune split); see
 * `npm run kb:tune` for the figures.
 */
export const defaultKnowledgeThreshold = 0.12;
/** Weight of the passage match against the whole-article match in the score. */
export const passageWeight = 0.6;

export interface TfidfKnowledgeBaseOptions {
  /** Default: the shipped articles. */
  readonly articles?: readonly Article[];
  readonly threshold?: number;
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

  /** Query weights use the same idf; unknown terms count with the highest idf, lowering the score. */
  queryVector(terms: readonly string[]): { vector: Vector; norm: number } {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector: Vector = new Map();
    for (const [term, count] of counts) vector.set(term, count * this.tfidf.idf(term));
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

/**
 * KnowledgeBase over natural's TfIdf with Porter stemming. Each passage is scored by cosine similarity
 * (so scores lie in [0, 1]) blended with its article's similarity, so a passage inherits topical
 * evidence from its title and tags.
 */
export class TfidfKnowledgeBase implements KnowledgeBase {
  readonly threshold: number;
  private readonly articles: readonly Article[];
  private readonly passages: { passage: Passage; articleIndex: number; ownTerms: ReadonlySet<string> }[] = [];
  private readonly passageIndex: CosineIndex;
  private readonly articleIndex: CosineIndex;

  constructor(options: TfidfKnowledgeBaseOptions = {}) {
    this.articles = options.articles ?? loadArticles();
    this.threshold = options.threshold ?? defaultKnowledgeThreshold;
    const articleDocs: string[][] = [];
    const passageDocs: string[][] = [];
    this.articles.forEach((article, articleIndex) => {
      const topic = [...analyze(article.title), ...analyze(article.tags.join(' '))];
      articleDocs.push([...analyze(article.title), ...topic, ...analyze(article.body)]);
      for (const passage of article.passages) {
        const own = analyze(`${passage.heading ?? ''} ${passage.text}`);
        // For choosing the passage shown, the lead paragraph (before any heading) answers the article's title.
        const covers = passage.heading === undefined ? [...own, ...analyze(article.title)] : own;
        this.passages.push({ passage, articleIndex, ownTerms: new Set(covers) });
        passageDocs.push([...topic, ...own]);
      }
    });
    this.articleIndex = new CosineIndex(articleDocs);
    this.passageIndex = new CosineIndex(passageDocs);
  }

  list(): readonly Article[] {
    return this.articles;
  }

  get(id: string): Article | undefined {
    return this.articles.find((a) => a.id === id);
  }

  search(query: string, k = 3): SearchHit[] {
    const terms = analyze(query.slice(0, 2000));
    if (terms.length === 0) return [];
    const passageQuery = this.passageIndex.queryVector(terms);
    const articleQuery = this.articleIndex.queryVector(terms);
    const articleScores = this.articles.map((_, i) => this.articleIndex.cosine(articleQuery, i));
    // An article scores as its best passage; the passage shown is the one whose own text covers most of
    // the query (idf-weighted), so a long passage naming the thing asked about beats a short generic one.
    const best = new Map<number, { passage: Passage; score: number; coverage: number; blended: number }>();
    const queryWeight = [...passageQuery.vector.values()].reduce((sum, w) => sum + w, 0);
    this.passages.forEach(({ passage, articleIndex, ownTerms }, i) => {
      const blended =
        passageWeight * this.passageIndex.cosine(passageQuery, i) + (1 - passageWeight) * (articleScores[articleIndex] ?? 0);
      let covered = 0;
      for (const [term, weight] of passageQuery.vector) if (ownTerms.has(term)) covered += weight;
      const coverage = queryWeight > 0 ? covered / queryWeight : 0;
      const current = best.get(articleIndex);
      if (!current) {
        best.set(articleIndex, { passage, score: blended, coverage, blended });
        return;
      }
      // On equal coverage the lead paragraph, the article's own summary, stays the one shown.
      const lead = current.passage.heading === undefined;
      const shown = coverage > current.coverage || (coverage === current.coverage && !lead && blended > current.blended);
      best.set(articleIndex, {
        passage: shown ? passage : current.passage,
        coverage: shown ? coverage : current.coverage,
        blended: shown ? blended : current.blended,
        score: Math.max(current.score, blended),
      });
    });
    return [...best.entries()]
      .filter(([, hit]) => hit.score > 0)
      .sort((a, b) => b[1].score - a[1].score)
      .slice(0, Math.max(1, Math.trunc(k)))
      .map(([articleIndex, hit]) => {
        const article = this.articles[articleIndex] as Article;
        return {
          article: { id: article.id, title: article.title },
          passage: hit.passage,
          score: Math.min(1, Math.round(hit.score * 1000) / 1000),
          snippet: snippetOf(hit.passage.text),
        };
      });
  }

  answer(query: string): KnowledgeAnswer | null {
    const [top] = this.search(query, 1);
    if (!top || top.score < this.threshold) return null;
    return { article: top.article, passage: top.passage, confidence: top.score };
  }
}
