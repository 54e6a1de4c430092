import { z } from 'zod';
import { frustrationSignals } from '../../src/nlu/frustration/frustrationSignals';
import { initialFrustrationState, updateFrustration } from '../../src/nlu/frustration/updateFrustration';
import { tokenize } from '../../src/nlu/language/tokenize';
import { analyzeSentiment, type SentimentAnalyzer } from '../../src/nlu/sentiment/analyzeSentiment';
import { BinaryTextModel, type BinaryTextModelOptions } from '../../src/nlu/sentiment/binaryTextModel';
import type { FrustrationState } from '../../src/nlu/types';
import { shippedWordVectors, type WordVectors } from '../../src/nlu/vectors/wordVectors';

/**
 * Which binary question a file answers:
 * - `label`: `{text, label}` rows (airline tweets); positive when `label === "negative"`;
 * - `frustrated`: `{text, frustrated, dialogue?}` rows (USS); positive when `frustrated` is true.
 */
export type BinaryKind = 'label' | 'frustrated';

/** How the detector decides: lexicon signals only, the trained model on words, or the model fed lexicon signals too. */
export type BinaryMethod = 'lexicon' | 'model' | 'combined';

export interface BinaryEvalOptions {
  /** Training rows (same format). Needed for `model` and `combined`, and to tune the lexicon threshold. */
  readonly train?: readonly unknown[];
  /** Default: `combined` with training rows, else `lexicon`. */
  readonly method?: BinaryMethod;
  /**
   * Cross-validation folds over the training rows (default 5): each fold's model scores the rows it did not
   * see, the threshold is tuned on those out-of-fold scores, and the folds' models are averaged on the
   * evaluated rows. 1 = a single model with `tuneFraction` of the rows held out for the threshold.
   */
  readonly folds?: number;
  /** With `folds: 1`, the share of training rows held out to tune the threshold (default 0.15). */
  readonly tuneFraction?: number;
  readonly seed?: number;
  readonly model?: Partial<BinaryTextModelOptions>;
  /** Word vectors for the model's dense block; default the shipped table where it helps (`vectorsByDefault`), `null` for none. */
  readonly vectors?: WordVectors | null;
  /**
   * Frustrated-turn rows: add dialogue-level features for the model (the previous turn's sentiment and
   * frustration reasons, word overlap with earlier turns, repeated numbers, turn length). Default true.
   */
  readonly dialogueFeatures?: boolean;
  /** Lexicon threshold used when there are no training rows to tune it. */
  readonly defaultThreshold?: number;
  /** The sentiment reading behind the lexicon signals (default the live one, analyzeSentiment). */
  readonly analyze?: SentimentAnalyzer;
}

export interface BinaryEvalResult {
  readonly kind: BinaryKind;
  readonly method: BinaryMethod;
  readonly n: number;
  readonly positives: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly accuracy: number;
  /** Decision threshold on the detector's score (tuned on out-of-fold training scores when available). */
  readonly threshold: number;
  /** Training rows not used for tuning (0 with cross-validation: every row is both, in different folds). */
  readonly trainRows: number;
  /** Training rows whose held-out scores tuned the threshold. */
  readonly tuneRows: number;
  /**
   * F1 of the out-of-fold scores at the tuned threshold (null without training rows): a second, larger
   * sample than the evaluated split, to tell a real difference between variants from noise.
   */
  readonly outOfFoldF1: number | null;
}

/**
 * Whether the model gets the word-vector block unless told otherwise, by measurement on dev (train only):
 * airline negative F1 0.906 → 0.9125 with it; USS frustrated-turn F1 0.3498 → 0.3471 (out-of-fold 0.3738 → 0.3691).
 */
export const vectorsByDefault: Readonly<Record<BinaryKind, boolean>> = { label: true, frustrated: false };

/** Input of the generic `npm run eval` command (bench/eval.ts). */
export interface BinaryEvalInput {
  readonly shape: BinaryKind;
  readonly train: readonly unknown[];
  readonly evaluation: readonly unknown[];
  readonly evaluationSplit?: string;
  /** Variant settings (word vectors, dialogue features) for ablations; the training rows come from `train`. */
  readonly options?: Omit<BinaryEvalOptions, 'train'>;
}

/** One evaluation row after validation. */
export interface BinaryRow {
  readonly text: string;
  readonly positive: boolean;
  /** Conversation id: rows of one dialogue are consecutive and in order. */
  readonly dialogue: string | null;
}

const labelRow = z.object({ text: z.string(), label: z.string() });
const frustratedRow = z.object({ text: z.string(), frustrated: z.boolean(), dialogue: z.string().optional() });

/** Validates raw JSONL rows; throws naming the row number and field on a bad row. */
export function parseBinaryRows(rows: readonly unknown[], kind: BinaryKind): BinaryRow[] {
  return rows.map((raw, i) => {
    if (kind === 'label') {
      const r = labelRow.safeParse(raw);
      if (!r.success) throw new Error(`row ${i + 1}: expected {text, label}: ${z.prettifyError(r.error)}`);
      return { text: r.data.text, positive: r.data.label === 'negative', dialogue: null };
    }
    const r = frustratedRow.safeParse(raw);
    if (!r.success) throw new Error(`row ${i + 1}: expected {text, frustrated}: ${z.prettifyError(r.error)}`);
    return { text: r.data.text, positive: r.data.frustrated, dialogue: r.data.dialogue ?? null };
  });
}

/** Guesses the kind from the first row's fields. */
export function detectBinaryKind(rows: readonly unknown[]): BinaryKind {
  const first = rows[0];
  if (first && typeof first === 'object' && 'frustrated' in first) return 'frustrated';
  if (first && typeof first === 'object' && 'label' in first) return 'label';
  throw new Error('cannot tell the file kind: rows need a "label" or a "frustrated" field');
}

/** Per-row lexicon score (0..1, higher = more negative/frustrated) and the signals behind it. */
interface Signals {
  readonly score: number;
  readonly features: readonly string[];
}

/**
 * Lexicon signals for each row. Frustration rows are replayed through the conversation tracker dialogue by
 * dialogue (the bot sees exactly this context); tweets are scored one by one.
 */
export function lexiconSignals(rows: readonly BinaryRow[], kind: BinaryKind, dialogueFeatures = false, analyze: SentimentAnalyzer = analyzeSentiment): Signals[] {
  let state: FrustrationState = initialFrustrationState();
  let dialogue: string | null = null;
  let position = 0;
  let history: TurnMemory[] = [];
  return rows.map((row) => {
    const sentiment = analyze(row.text);
    const features = [`vote:${sentiment.vote}`, `avg:${Math.round(sentiment.average * 4)}`, ...sentiment.signals.map((s) => `sig:${s}`)];
    if (kind === 'label') {
      const single = frustrationSignals(row.text, sentiment);
      features.push(...single.reasons.map((r) => `fr:${r}`));
      return { score: Math.max(single.score, Math.max(0, -sentiment.average)), features };
    }
    if (row.dialogue === null || row.dialogue !== dialogue) {
      state = initialFrustrationState();
      dialogue = row.dialogue;
      position = 0;
      history = [];
    } else {
      position += 1;
    }
    const update = updateFrustration(state, { text: row.text, sentiment, wasFallback: false });
    state = update.state;
    features.push(`pos:${Math.min(position, 4)}`, ...update.assessment.reasons.map((r) => `fr:${r}`));
    const memory = rememberTurn(row.text, sentiment.vote, update.assessment.reasons);
    if (dialogueFeatures) features.push(...dialogueContext(memory, history));
    history.push(memory);
    return { score: update.assessment.score, features };
  });
}

/** What the dialogue features keep of an earlier user turn. */
interface TurnMemory {
  readonly words: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  readonly vote: string;
  readonly reasons: readonly string[];
  readonly length: number;
}

const STOPWORDS: ReadonlySet<string> = new Set(
  'i a an the to for of and or in on at is are be it that this me my you your we can could would will do does please need want like also yes no'.split(' '),
);

function rememberTurn(text: string, vote: string, reasons: readonly string[]): TurnMemory {
  const tokens = tokenize(text.slice(0, 2000));
  const words = new Set(tokens.filter((t) => !STOPWORDS.has(t.key) && /\p{L}/u.test(t.key)).map((t) => t.stem));
  const numbers = new Set(tokens.filter((t) => /\d/.test(t.key)).map((t) => t.key));
  return { words, numbers, vote, reasons, length: tokens.length };
}

/**
 * Features of a user turn read against the dialogue so far: how the previous turn felt, whether this turn
 * repeats words or numbers the user already gave (a sign the system got them wrong), and its length.
 */
function dialogueContext(turn: TurnMemory, history: readonly TurnMemory[]): string[] {
  const out = [`len:${Math.min(5, Math.floor(Math.log2(1 + turn.length)))}`];
  const prev = history[history.length - 1];
  if (!prev) return [...out, 'd:first'];
  out.push(`prev:vote:${prev.vote}`, ...prev.reasons.map((r) => `prev:fr:${r}`));
  const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
    if (a.size === 0 || b.size === 0) return 0;
    let shared = 0;
    for (const w of a) if (b.has(w)) shared++;
    return shared / Math.min(a.size, b.size);
  };
  out.push(`ov:${Math.round(overlap(turn.words, prev.words) * 4)}`);
  let best = 0;
  for (const h of history) best = Math.max(best, overlap(turn.words, h.words));
  out.push(`maxov:${Math.round(best * 4)}`);
  const repeated = [...turn.words].filter((w) => history.some((h) => h.words.has(w))).length;
  out.push(`rep:${Math.min(3, repeated)}`);
  if ([...turn.numbers].some((n) => history.some((h) => h.numbers.has(n)))) out.push('repnum');
  return out;
}

/**
 * Evaluates a negative/frustrated-message detector on labelled rows and reports precision, recall and F1
 * for the positive class. With training rows, BinaryTextModels are trained by cross-validation and the
 * decision threshold is tuned (best F1) on their out-of-fold scores; the evaluated rows are never used for either.
 */
export function evaluateBinaryDetector(rows: readonly unknown[], kind: BinaryKind, options?: BinaryEvalOptions): BinaryEvalResult;
/** The `npm run eval` hook's form: one object with the dataset shape and both splits. */
export function evaluateBinaryDetector(input: BinaryEvalInput): BinaryEvalResult;
export function evaluateBinaryDetector(first: readonly unknown[] | BinaryEvalInput, kind?: BinaryKind, options: BinaryEvalOptions = {}): BinaryEvalResult {
  if (!Array.isArray(first)) {
    const input = first as BinaryEvalInput;
    return evaluateRows(input.evaluation, input.shape, { ...options, ...input.options, train: input.train });
  }
  if (!kind) throw new Error('evaluateBinaryDetector(rows, kind): kind must be "label" or "frustrated"');
  return evaluateRows(first, kind, options);
}

function evaluateRows(rows: readonly unknown[], kind: BinaryKind, options: BinaryEvalOptions): BinaryEvalResult {
  const evalRows = parseBinaryRows(rows, kind);
  const trainRows = options.train ? parseBinaryRows(options.train, kind) : [];
  const method: BinaryMethod = options.method ?? (trainRows.length > 0 ? 'combined' : 'lexicon');
  if (method !== 'lexicon' && trainRows.length === 0) throw new Error(`method "${method}" needs training rows (options.train)`);
  const dialogueFeatures = options.dialogueFeatures ?? true;
  const evalSignals = lexiconSignals(evalRows, kind, dialogueFeatures, options.analyze);

  if (trainRows.length === 0) {
    const threshold = options.defaultThreshold ?? 0.3;
    return summarize(kind, method, evalRows, evalSignals.map((s) => s.score), threshold, 0, 0);
  }

  const trainSignals = lexiconSignals(trainRows, kind, dialogueFeatures, options.analyze);
  const seed = options.seed ?? 42;
  const defaultVectors = vectorsByDefault[kind] ? shippedWordVectors() : null;
  const vectors = method === 'lexicon' || options.model?.vectorWeight === 0 ? null : options.vectors === undefined ? defaultVectors : options.vectors;
  const train = (idx: readonly number[]): ((row: BinaryRow, signals: Signals) => number) => {
    if (method === 'lexicon') return (_row, signals) => signals.score;
    const withLexicon = method === 'combined';
    const examples = idx.map((i) => ({ text: trainRows[i]!.text, label: trainRows[i]!.positive, features: withLexicon ? trainSignals[i]!.features : [] }));
    const model = BinaryTextModel.train(examples, { seed, ...options.model }, vectors);
    return (row, signals) => model.probability(row.text, withLexicon ? signals.features : []);
  };

  const folds = method === 'lexicon' ? 1 : Math.max(1, Math.floor(options.folds ?? 5));
  const groups = foldsOf(trainRows, folds === 1 ? Math.round(1 / (options.tuneFraction ?? 0.15)) : folds, seed);
  const outOfFold: { score: number; label: boolean }[] = [];
  const scorers: ((row: BinaryRow, signals: Signals) => number)[] = [];
  for (let f = 0; f < (folds === 1 ? 1 : groups.length); f++) {
    const held = new Set(groups[f]);
    const scorer = train(trainRows.map((_, i) => i).filter((i) => !held.has(i)));
    for (const i of groups[f]!) outOfFold.push({ score: scorer(trainRows[i]!, trainSignals[i]!), label: trainRows[i]!.positive });
    scorers.push(scorer);
  }
  const threshold = bestThreshold(
    outOfFold.map((o) => o.score),
    outOfFold.map((o) => o.label),
  );
  const outOfFoldF1 = f1At(
    outOfFold.map((o) => o.score),
    outOfFold.map((o) => o.label),
    threshold,
  );
  const scores = evalRows.map((row, i) => scorers.reduce((sum, score) => sum + score(row, evalSignals[i]!), 0) / scorers.length);
  return { ...summarize(kind, method, evalRows, scores, threshold, trainRows.length - outOfFold.length, outOfFold.length), outOfFoldF1: Math.round(outOfFoldF1 * 10000) / 10000 };
}

/** Splits row indices into k groups, keeping each dialogue in one group (context features stay honest). */
function foldsOf(rows: readonly BinaryRow[], k: number, seed: number): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const key = row.dialogue ?? `#${i}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  const keys = [...groups.keys()];
  let a = seed >>> 0;
  const random = (): number => {
    a = (Math.imul(a ^ (a >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return a / 4294967296;
  };
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const folds: number[][] = Array.from({ length: Math.max(2, k) }, () => []);
  keys.forEach((key, i) => folds[i % folds.length]!.push(...groups.get(key)!));
  return folds;
}

/** F1 of `scores` at or above `threshold` against `labels`. */
function f1At(scores: readonly number[], labels: readonly boolean[], threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((score, i) => {
    const predicted = score >= threshold;
    if (predicted && labels[i]) tp++;
    else if (predicted) fp++;
    else if (labels[i]) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** The threshold with the best F1 on (score, label) pairs; scores at or above it count as positive. */
export function bestThreshold(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i] ?? false] as const).sort((x, y) => y[0] - x[0]);
  const positives = order.filter(([, l]) => l).length;
  let tp = 0;
  let fp = 0;
  let best = { f1: -1, threshold: 0.5 };
  for (let i = 0; i < order.length; i++) {
    const [score, label] = order[i]!;
    if (label) tp += 1;
    else fp += 1;
    if (i + 1 < order.length && order[i + 1]![0] === score) continue;
    const f1 = positives === 0 ? 0 : (2 * tp) / (2 * tp + fp + (positives - tp));
    if (f1 > best.f1) best = { f1, threshold: score };
  }
  return best.threshold;
}

function summarize(
  kind: BinaryKind,
  method: BinaryMethod,
  rows: readonly BinaryRow[],
  scores: readonly number[],
  threshold: number,
  trainRows: number,
  tuneRows: number,
): BinaryEvalResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  rows.forEach((row, i) => {
    const predicted = (scores[i] ?? 0) >= threshold;
    if (predicted && row.positive) tp += 1;
    else if (predicted) fp += 1;
    else if (row.positive) fn += 1;
    else tn += 1;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  return {
    kind,
    method,
    n: rows.length,
    positives: tp + fn,
    tp,
    fp,
    fn,
    tn,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    accuracy: round(rows.length === 0 ? 0 : (tp + tn) / rows.length),
    threshold: round(threshold),
    trainRows,
    tuneRows,
    outOfFoldF1: null,
  };
}
