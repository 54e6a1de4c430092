import { RegexpTokenizer } from 'natural/lib/natural/tokenizers';
import { PorterStemmer } from 'natural/lib/natural/stemmers';

/** Which surface features a text yields; part of the saved model, so changing it changes predictions. */
export interface FeatureOptions {
  /** Stemmed word unigrams. */
  readonly words: boolean;
  /** Stemmed word bigrams, including sentence-start and sentence-end pairs. */
  readonly bigrams: boolean;
  /** Character n-gram lengths taken inside word boundaries (`" word "`); empty for none. */
  readonly charNgrams: readonly number[];
  /** Longest text (in characters) that is analysed; the rest is ignored. */
  readonly maxChars: number;
}

export const defaultFeatureOptions: FeatureOptions = { words: true, bigrams: true, charNgrams: [3, 4, 5], maxChars: 600 };

/** Feature-name prefixes: the feature space weights each block separately. */
export const FeatureBlock = { word: 'w', char: 'c', context: 'x' } as const;
export type FeatureBlock = (typeof FeatureBlock)[keyof typeof FeatureBlock];

/**
 * Where a message was said: the intent of the task in progress and the question the bot asked last. An
 * answer to "what kind of appointment?" reads differently from the same words out of the blue.
 */
export interface IntentContext {
  readonly activeIntent?: string | null;
  readonly lastQuestion?: string | null;
}

export interface TextFeatures {
  /** Normalised word tokens (before stemming). */
  readonly tokens: readonly string[];
  /** The tokens' stems, position for position. */
  readonly stems: readonly string[];
  /** Feature name → count; names start with a FeatureBlock prefix and a colon. */
  readonly counts: ReadonlyMap<string, number>;
}

const stemCacheLimit = 50_000;
const maxCharTokenLength = 24;

/**
 * Turns text into sparse surface features: lower-cased, accent-folded, digits collapsed to `0`,
 * tokenized with natural's RegexpTokenizer and stemmed with its PorterStemmer.
 */
export class TextFeaturizer {
  private readonly tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{N}]+/u });
  private readonly stems = new Map<string, string>();

  constructor(readonly options: FeatureOptions = defaultFeatureOptions) {}

  /** Lower-cases, folds accents, drops apostrophes and collapses digit runs to a single `0`. */
  normalize(text: string): string {
    return text
      .slice(0, this.options.maxChars)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’`]/g, '')
      .replace(/\d+/g, '0');
  }

  tokenize(text: string): string[] {
    return this.tokenizer.tokenize(this.normalize(text)).filter((t) => t.length > 0);
  }

  /** Features of `text`, plus context features (`x:` block) when a context is given. */
  extract(text: string, context?: IntentContext): TextFeatures {
    const tokens = this.tokenize(text);
    const counts = new Map<string, number>();
    const add = (name: string): void => {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    };
    const { words, bigrams, charNgrams } = this.options;
    const stems = tokens.map((t) => this.stem(t));
    if (tokens.length > 0) {
      if (words) for (const s of stems) add(`w:${s}`);
      if (bigrams) {
        add(`w:^ ${stems[0]}`);
        for (let i = 1; i < stems.length; i++) add(`w:${stems[i - 1]} ${stems[i]}`);
        add(`w:${stems[stems.length - 1]} $`);
      }
      for (const token of tokens) {
        // Very long tokens (pasted hashes, repeated letters) add cost and no meaning beyond their start.
        const padded = ` ${token.slice(0, maxCharTokenLength)} `;
        for (const n of charNgrams) {
          for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`);
        }
      }
    }
    if (context?.activeIntent) add(`x:task ${context.activeIntent}`);
    if (context?.lastQuestion) for (const token of new Set(this.tokenize(context.lastQuestion))) add(`x:q ${this.stem(token)}`);
    return { tokens, stems, counts };
  }

  private stem(token: string): string {
    let stem = this.stems.get(token);
    if (stem === undefined) {
      stem = /^\p{Script=Latin}+$/u.test(token) ? PorterStemmer.stem(token) : token;
      if (this.stems.size >= stemCacheLimit) this.stems.clear();
      this.stems.set(token, stem);
    }
    return stem;
  }
}
