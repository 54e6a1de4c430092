import { summarizeExtractively } from './extractiveSummary';
import type { TranscriptLine } from '../handoff/transcriptLine';
import { refusalToken, type ContextPassage, type LlmClient, type LlmText } from './llmClient';

/** No language model: answers are the best passage itself, summaries are extractive. Never touches a network. */
export class NullLlmClient implements LlmClient {
  readonly provider = 'none' as const;

  async answerFromContext(request: { question: string; passages: readonly ContextPassage[] }): Promise<LlmText> {
    const [best] = request.passages;
    return best ? { text: best.text, source: 'retrieval' } : { text: refusalToken, source: 'retrieval' };
  }

  async summarize(request: { lines: readonly TranscriptLine[] }): Promise<LlmText> {
    return { text: summarizeExtractively(request.lines), source: 'extractive' };
  }
}
