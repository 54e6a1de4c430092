import type { LlmProvider } from '../config/schema';
import type { TranscriptLine } from '../handoff/transcriptLine';

/** A knowledge-base passage offered to the model as the only source of facts. */
export interface ContextPassage {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

export const llmTextSources = ['model', 'retrieval', 'extractive'] as const;
/** Where a text came from: a language model, a knowledge-base passage, or lines picked from the transcript. */
export type LlmTextSource = (typeof llmTextSources)[number];

export interface LlmText {
  readonly text: string;
  readonly source: LlmTextSource;
}

/** What the model must reply, exactly, when the passages do not answer the question. */
export const refusalToken = 'NO_ANSWER';

/**
 * The language-model port. Implementations: NullLlmClient (no model; retrieval and extractive
 * answers) and LangchainLlmClient. Output is untrusted: callers run it through the grounding check
 * and the safety filter (GroundedAnswerer, ConversationSummarizer do).
 */
export interface LlmClient {
  readonly provider: LlmProvider;
  /** Answers from `passages` only, or returns `refusalToken`. */
  answerFromContext(request: { question: string; passages: readonly ContextPassage[]; signal?: AbortSignal }): Promise<LlmText>;
  /** A short summary of the conversation for a human agent. */
  summarize(request: { lines: readonly TranscriptLine[]; signal?: AbortSignal }): Promise<LlmText>;
}
