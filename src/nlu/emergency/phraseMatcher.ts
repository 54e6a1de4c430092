import { stemWord, type Token } from '../language/tokenize';

/**
 * A phrase pattern over tokens, written as slots that must appear in order:
 * - a slot lists alternatives separated by `|`; an alternative may be several words ("heart attack");
 * - a word matches by Porter stem, `=word` only exactly, `~word` also with one typo, `word*` as a prefix,
 *   `#num` any number, `#bignum` a whole number from 10 to 999;
 * - apostrophes are ignored ("can't" is written `cant`).
 */
export interface PhraseRule<C extends string> {
  readonly id: string;
  readonly category: C;
  readonly slots: readonly string[];
  /** Most words allowed between two slots (default 2); matches never cross a sentence. */
  readonly gap?: number;
  /** A negation right before the match ("no chest pain", "don't have chest pain") cancels it. */
  readonly negatable?: boolean;
  /** Words (same syntax) that cancel a match anywhere in its sentence ("drawers" for "chest … pain"). */
  readonly veto?: readonly string[];
  /** Words that cancel a match when they come right after it ("killing myself laughing"). */
  readonly vetoNext?: readonly string[];
  /** Words that cancel a match when they come right before it ("nearly had a heart attack"); `#num` is any number. */
  readonly vetoPrev?: readonly string[];
  /**
   * Unambiguous enough to raise the alarm on its own, whatever the model reads around it (a threat told in
   * a legal intake is still a threat). Kept to a few precise rules: each one is a false alarm risk.
   */
  readonly decisive?: boolean;
}

/** One rule that fired. */
export interface PhraseMatch<C extends string> {
  readonly rule: PhraseRule<C>;
  readonly startToken: number;
  readonly endToken: number;
  readonly negated: boolean;
}

/** A compiled word: how to test a token, and which keys or stems one of which the message must contain. */
interface WordTest {
  readonly test: (token: Token) => boolean;
  /** Exact keys or stems; null when only a scan of the message's distinct words can tell (typos, prefixes, numbers). */
  readonly needs: { readonly keys: readonly string[]; readonly stems: readonly string[] } | null;
}
type Alternative = readonly WordTest[];
interface CompiledRule<C extends string> {
  readonly rule: PhraseRule<C>;
  readonly slots: readonly (readonly Alternative[])[];
  readonly veto: readonly Alternative[];
  readonly vetoNext: readonly Alternative[];
  readonly vetoPrev: readonly Alternative[];
}
/** The keys and stems present in one message, for skipping rules that cannot match. */
interface MessageIndex {
  readonly keys: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  /** Distinct tokens (one per key), for words without a fixed key. */
  readonly distinct: readonly Token[];
  /** Words already checked against `distinct`. */
  readonly scanned: Map<WordTest, boolean>;
}

const DEFAULT_GAP = 2;
// Short words have too many one-typo neighbours (kill/fill/bill), so only longer ones tolerate typos.
const FUZZY_MIN_LENGTH = 6;
const NEGATORS = new Set(['no', 'not', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'without', 'denies', 'deny', 'denied', 'nor']);
// Words allowed between a negator and the phrase it negates ("don't have any chest pain").
const NEGATION_FILLERS = new Set(['have', 'has', 'had', 'having', 'any', 'a', 'an', 'feel', 'feeling', 'experiencing', 'experience', 'get', 'getting', 'got', 'is', 'am', 'are', 'was', 'been', 'there', 'signs', 'sign', 'of', 'symptoms', 'my', 'the', 'real', 'currently', 'really', 'think', 'believe', 'i', 'im', 'this', 'it', 'its', 'thats', 'that']);

/** Compiles rules once; `match` then runs in time linear in the number of tokens (times the small rule set). */
export class PhraseMatcher<C extends string> {
  private readonly rules: readonly CompiledRule<C>[];

  constructor(rules: readonly PhraseRule<C>[]) {
    this.rules = rules.map((rule) => ({
      rule,
      slots: rule.slots.map((slot) => compileSlot(slot)),
      veto: compileSlot((rule.veto ?? []).join('|'), true),
      vetoNext: compileSlot((rule.vetoNext ?? []).join('|'), true),
      vetoPrev: compileSlot((rule.vetoPrev ?? []).join('|'), true),
    }));
  }

  /** Every rule that fires on the tokens (at most one match per rule). */
  match(tokens: readonly Token[]): PhraseMatch<C>[] {
    const byKey = new Map<string, Token>();
    for (const t of tokens) if (!byKey.has(t.key)) byKey.set(t.key, t);
    const index: MessageIndex = {
      keys: new Set(byKey.keys()),
      stems: new Set(tokens.map((t) => t.stem)),
      distinct: [...byKey.values()],
      scanned: new Map(),
    };
    const found: PhraseMatch<C>[] = [];
    for (const compiled of this.rules) {
      if (!compiled.slots.every((slot) => slot.some((alt) => alt.every((w) => canOccur(w, index))))) continue;
      const m = this.matchRule(compiled, tokens);
      if (m) found.push(m);
    }
    return found;
  }

  private matchRule(compiled: CompiledRule<C>, tokens: readonly Token[]): PhraseMatch<C> | null {
    const gap = compiled.rule.gap ?? DEFAULT_GAP;
    let fallback: PhraseMatch<C> | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const end = matchFrom(compiled.slots, 0, tokens, i, tokens[i]!.clause, gap);
      if (end < 0 || this.vetoed(compiled, tokens, i, end)) continue;
      const negated = compiled.rule.negatable === true && (isNegated(tokens, i) || negatorInGap(compiled, tokens, i, end));
      const m: PhraseMatch<C> = { rule: compiled.rule, startToken: i, endToken: end, negated };
      if (!negated) return m;
      fallback ??= m;
    }
    return fallback;
  }

  private vetoed(compiled: CompiledRule<C>, tokens: readonly Token[], start: number, end: number): boolean {
    const clause = tokens[start]!.clause;
    if (compiled.veto.length > 0) {
      for (let k = start; k >= 0 && tokens[k]!.clause === clause; k--) if (alternativeAt(compiled.veto, tokens, k) > 0) return true;
      for (let k = start; k < tokens.length && tokens[k]!.clause === clause; k++) if (alternativeAt(compiled.veto, tokens, k) > 0) return true;
    }
    const next = tokens[end];
    if (compiled.vetoNext.length > 0 && next && next.clause === clause && alternativeAt(compiled.vetoNext, tokens, end) > 0) return true;
    const prev = tokens[start - 1];
    if (compiled.vetoPrev.length > 0 && prev && prev.clause === clause) {
      for (let k = Math.max(0, start - 3); k < start; k++) if (tokens[k]!.clause === clause && alternativeAt(compiled.vetoPrev, tokens, k) > 0) return true;
    }
    return false;
  }
}

/** Index after the last token of a full match of slots[s..] starting exactly at token i, or -1. */
function matchFrom(slots: readonly (readonly Alternative[])[], s: number, tokens: readonly Token[], i: number, clause: number, gap: number): number {
  const length = alternativeAt(slots[s]!, tokens, i, clause);
  if (length === 0) return -1;
  const after = i + length;
  if (s === slots.length - 1) return after;
  for (let j = after; j <= after + gap && j < tokens.length && tokens[j]!.clause === clause; j++) {
    const end = matchFrom(slots, s + 1, tokens, j, clause, gap);
    if (end >= 0) return end;
  }
  return -1;
}

/** Length in tokens of the longest alternative matching at token i (0 when none). */
function alternativeAt(alternatives: readonly Alternative[], tokens: readonly Token[], i: number, clause = tokens[i]?.clause): number {
  let best = 0;
  for (const alt of alternatives) {
    if (alt.length <= best) continue;
    let ok = true;
    for (let k = 0; k < alt.length; k++) {
      const t = tokens[i + k];
      if (!t || t.clause !== clause || !alt[k]!.test(t)) {
        ok = false;
        break;
      }
    }
    if (ok) best = alt.length;
  }
  return best;
}

/** A negator inside the match that the pattern itself does not spell ("he is not having a stroke"). */
function negatorInGap<C extends string>(compiled: CompiledRule<C>, tokens: readonly Token[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    if (!NEGATORS.has(tokens[k]!.key)) continue;
    const spelled = compiled.slots.some((slot) => {
      for (let s = Math.max(start, k - 3); s <= k; s++) if (s + alternativeAt(slot, tokens, s) > k) return true;
      return false;
    });
    if (!spelled) return true;
  }
  return false;
}

function isNegated(tokens: readonly Token[], start: number): boolean {
  const clause = tokens[start]!.clause;
  for (let k = start - 1, skipped = 0; k >= 0 && skipped <= 4; k--, skipped++) {
    const t = tokens[k]!;
    if (t.clause !== clause) return false;
    if (NEGATORS.has(t.key)) return true;
    if (!NEGATION_FILLERS.has(t.key)) return false;
  }
  return false;
}

/** Compiles `a|b c|d`; veto lists match words exactly (`exact`), since a stem would veto too much ("feelings" → "feel"). */
function compileSlot(slot: string, exact = false): Alternative[] {
  return slot
    .split('|')
    .map((alt) => alt.trim())
    .filter(Boolean)
    .map((alt) => alt.split(/\s+/).map((w) => compileWord(exact && /^[a-z0-9]+$/.test(w) ? `=${w}` : w)));
}

function compileWord(word: string): WordTest {
  if (word === '#num') return { test: (t) => /^\d/.test(t.norm), needs: null };
  if (word === '#bignum') return { test: (t) => /^\d+$/.test(t.norm) && Number(t.norm) >= 10 && Number(t.norm) < 1000, needs: null };
  if (word.startsWith('=')) {
    const exact = word.slice(1);
    // With an apostrophe the written form must match ("od'd" is not "odd").
    if (exact.includes("'")) return { test: (t) => t.norm === exact, needs: { keys: [exact.replace(/'/g, '')], stems: [] } };
    return { test: (t) => t.key === exact, needs: { keys: [exact], stems: [] } };
  }
  if (word.endsWith('*')) {
    const prefix = word.slice(0, -1);
    return { test: (t) => t.key.startsWith(prefix), needs: null };
  }
  const fuzzy = word.startsWith('~');
  const plain = fuzzy ? word.slice(1) : word;
  const stem = stemWord(plain);
  if (fuzzy && plain.length >= FUZZY_MIN_LENGTH) {
    return { test: (t) => t.key === plain || t.stem === stem || (t.key.length >= FUZZY_MIN_LENGTH - 1 && withinOneEdit(t.key, plain)), needs: null };
  }
  return { test: (t) => t.key === plain || t.stem === stem, needs: { keys: [plain], stems: [stem] } };
}

function canOccur(word: WordTest, index: MessageIndex): boolean {
  if (word.needs) return word.needs.keys.some((k) => index.keys.has(k)) || word.needs.stems.some((s) => index.stems.has(s));
  let seen = index.scanned.get(word);
  if (seen === undefined) {
    seen = index.distinct.some((t) => word.test(t));
    index.scanned.set(word, seen);
  }
  return seen;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
