import { summarizeExtractively } from './extractiveSummary';
import type { TranscriptLine } from '../handoff/transcriptLine';
import type { LlmClient, LlmText, LlmTextSource } from './llmClient';
import { checkOutputSafety, type SafetyViolation } from './safetyFilter';
import { LlmTimeoutError, withTimeout } from './withTimeout';

export type SummaryFallbackReason = 'timeout' | 'error' | 'unsafe' | 'empty';

export interface ConversationSummary {
  readonly text: string;
  readonly source: Extract<LlmTextSource, 'model' | 'extractive'>;
  readonly fallbackReason?: SummaryFallbackReason;
  readonly violations?: readonly SafetyViolation[];
}

export interface ConversationSummarizerOptions {
  readonly llm: LlmClient;
  /** Budget for one model call (LLM_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Longest summary kept from a model, in characters. Default 600. */
  readonly maxChars?: number;
}

/**
 * Summaries for the agent taking over a conversation (handoff.initiate `summary`): by the model when
 * one is configured and it answers in time with safe text, extractive otherwise.
 */
export class ConversationSummarizer {
  constructor(private readonly options: ConversationSummarizerOptions) {}

  async summarize(lines: readonly TranscriptLine[]): Promise<ConversationSummary> {
    const extractive = (fallbackReason?: SummaryFallbackReason, violations?: readonly SafetyViolation[]): ConversationSummary => ({
      text: summarizeExtractively(lines),
      source: 'extractive',
      ...(fallbackReason ? { fallbackReason } : {}),
      ...(violations ? { violations } : {}),
    });
    if (!lines.some((l) => l.from === 'user' && l.text.trim() !== '')) return extractive();
    let reply: LlmText;
    try {
      reply = await withTimeout(this.options.timeoutMs, (signal) => this.options.llm.summarize({ lines, signal }));
    } catch (error) {
      return extractive(error instanceof LlmTimeoutError ? 'timeout' : 'error');
    }
    if (reply.source !== 'model') return { text: reply.text, source: 'extractive' };
    const text = reply.text.replace(/\s+/g, ' ').trim();
    if (text === '') return extractive('empty');
    const verdict = checkOutputSafety(text, lines.map((l) => l.text));
    if (!verdict.safe) return extractive('unsafe', verdict.violations);
    const max = this.options.maxChars ?? 600;
    return { text: text.length <= max ? text : `${text.slice(0, max - 1)}…`, source: 'model' };
  }
}
