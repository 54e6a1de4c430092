import { analyze, tokenize } from '../domain/knowledge/textAnalysis';
import type { TranscriptLine } from '../handoff/transcriptLine';

export interface ExtractiveSummaryOptions {
  /** Most informative user lines to quote. Default 3. */
  readonly maxLines?: number;
  /** Longest quote per line, in characters. Default 160. */
  readonly maxQuoteChars?: number;
}

const acknowledgements = /^(hi|hello|hey|ok|okay|yes|yeah|yep|no|nope|thanks|thank you|thx|sure|great|cool|fine|bye|goodbye|please)[\s!.?]*$/i;

const factPatterns: readonly { label: string; pattern: RegExp }[] = [
  { label: 'order', pattern: /\bTD-?\s?\d{6}\b/gi },
  { label: 'return', pattern: /\bRMA-\d{6}\b/gi },
  { label: 'appointment', pattern: /\bAPT-[A-Z0-9]{4,12}\b/g },
  { label: 'date', pattern: /\b\d{4}-\d{2}-\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b/gi },
  { label: 'amount', pattern: /\$\s?\d[\d,]*(?:\.\d{2})?/g },
];
const emailPattern = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;
const phonePattern = /(?:\+?\d[\d\s().-]{8,}\d)/;

function quote(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, flat.lastIndexOf(' ', max - 1) > max / 2 ? flat.lastIndexOf(' ', max - 1) : max - 1)}…`;
}

/** Distinct facts (order numbers, RMAs, appointment ids, dates, amounts) in order of appearance. */
export function keyFacts(lines: readonly TranscriptLine[]): string[] {
  const facts: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    for (const { label, pattern } of factPatterns) {
      for (const match of line.text.matchAll(pattern)) {
        const value = label === 'order' ? `TD-${match[0].replace(/\D/g, '')}` : match[0].trim();
        const key = `${label}:${value.toLowerCase()}`;
        if (!seen.has(key)) {
          seen.add(key);
          facts.push(`${label} ${value}`);
        }
      }
    }
  }
  const userText = lines.filter((l) => l.from === 'user').map((l) => l.text);
  const contact = [userText.some((t) => emailPattern.test(t)) ? 'email' : '', userText.some((t) => phonePattern.test(t)) ? 'phone' : ''].filter(Boolean);
  if (contact.length > 0) facts.push(`contact details given (${contact.join(', ')})`);
  return facts;
}

/**
 * A deterministic summary without a model: the most informative user lines (rare words, facts,
 * length; greetings and one-word replies skipped) in conversation order, then intents and key facts.
 */
export function summarizeExtractively(lines: readonly TranscriptLine[], options: ExtractiveSummaryOptions = {}): string {
  const maxLines = options.maxLines ?? 3;
  const maxQuote = options.maxQuoteChars ?? 160;
  const userLines = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.from === 'user' && line.text.trim() !== '');
  if (userLines.length === 0) return 'No customer messages yet.';

  const termsPerLine = userLines.map(({ line }) => new Set(analyze(line.text)));
  const documentFrequency = new Map<string, number>();
  for (const terms of termsPerLine) for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const scored = userLines.map(({ line, index }, i) => {
    const terms = termsPerLine[i] ?? new Set<string>();
    let score = 0;
    for (const term of terms) score += Math.log(1 + userLines.length / (documentFrequency.get(term) ?? 1));
    if (factPatterns.some(({ pattern }) => new RegExp(pattern.source, pattern.flags).test(line.text))) score += 2;
    if (acknowledgements.test(line.text.trim()) || tokenize(line.text).length < 3) score *= 0.1;
    return { line, index, score };
  });
  const picked = [...scored]
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, maxLines)
    .filter((s) => s.score > 0)
    .sort((a, b) => a.index - b.index);

  const parts: string[] = [];
  if (picked.length > 0) parts.push(`Customer said: ${picked.map((p) => `"${quote(p.line.text, maxQuote)}"`).join(' / ')}.`);
  const intents = [...new Set(lines.flatMap((l) => (l.intent && l.intent !== 'none' ? [l.intent] : [])))];
  if (intents.length > 0) parts.push(`Intents: ${intents.join(', ')}.`);
  const facts = keyFacts(lines);
  if (facts.length > 0) parts.push(`Key facts: ${facts.join('; ')}.`);
  return parts.length > 0 ? parts.join(' ') : 'No customer messages yet.';
}
