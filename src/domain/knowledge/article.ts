import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Passage {
  /** `${articleId}#${index}` */
  readonly id: string;
  readonly articleId: string;
  /** Section heading it sits under, if any. */
  readonly heading?: string;
  /** Plain text (markdown markers removed). */
  readonly text: string;
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly tags: readonly string[];
  /** The markdown body without front matter. */
  readonly body: string;
  readonly passages: readonly Passage[];
}

/** Raised when an article file is malformed; names the file and the problem. */
export class ArticleError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`Knowledge article ${file}: ${problem}`);
    this.name = 'ArticleError';
  }
}

function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^\s*[-*]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a body into passages: one per paragraph, each remembering its section heading. */
function passagesOf(articleId: string, body: string): Passage[] {
  const passages: Passage[] = [];
  let heading: string | undefined;
  for (const block of body.split(/\n\s*\n/)) {
    const lines = block.trim().split('\n');
    const first = lines[0] ?? '';
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(first);
    if (headingMatch) {
      heading = plain(headingMatch[1] ?? '');
      lines.shift();
    }
    const text = plain(lines.join('\n'));
    if (text) passages.push({ id: `${articleId}#${passages.length}`, articleId, ...(heading ? { heading } : {}), text });
  }
  return passages;
}

/**
 * Parses one markdown article with front matter:
 * `---\nid: kebab-id\ntitle: Title\ntags: a, b\n---\nbody`.
 */
export function parseArticle(file: string, source: string): Article {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  if (!match) throw new ArticleError(file, 'missing front matter (--- id/title/tags ---)');
  const fields = new Map<string, string>();
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const field = /^([a-z]+):\s*(.*)$/.exec(line.trim());
    if (field) fields.set(field[1] as string, (field[2] ?? '').trim());
  }
  const id = fields.get('id');
  const title = fields.get('title');
  if (!id || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new ArticleError(file, 'id must be kebab-case');
  if (!title) throw new ArticleError(file, 'title is required');
  const body = (match[2] ?? '').trim();
  const passages = passagesOf(id, body);
  if (passages.length === 0) throw new ArticleError(file, 'body is empty');
  const tags = (fields.get('tags') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return { id, title, tags, body, passages };
}

/** The shipped articles live in src/domain/data/knowledge (copy that folder next to a compiled build). */
export const defaultArticlesDir = join(__dirname, '..', 'data', 'knowledge');

/** Reads every `*.md` article of `dir`, sorted by file name; ids must be unique. */
export function loadArticles(dir: string = defaultArticlesDir): Article[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  if (files.length === 0) throw new ArticleError(dir, 'no .md articles found');
  const seen = new Set<string>();
  return files.map((file) => {
    const article = parseArticle(file, readFileSync(join(dir, file), 'utf8'));
    if (seen.has(article.id)) throw new ArticleError(file, `duplicate id ${article.id}`);
    seen.add(article.id);
    return article;
  });
}
