import type { KnowledgeBase } from '../domain/knowledge/knowledgeBase';
import { ConversationSummarizer } from './conversationSummarizer';
import { createLlmClient, type CreateLlmClientOptions } from './createLlmClient';
import { GroundedAnswerer } from './groundedAnswerer';
import type { LlmConfig } from './langchainLlmClient';
import type { LlmClient } from './llmClient';

export interface LlmServices {
  readonly llm: LlmClient;
  readonly answerer: GroundedAnswerer;
  readonly summarizer: ConversationSummarizer;
}

/** Everything LLM-related the composition root wires into dialogs and handoff. */
export function createLlmServices(config: LlmConfig, knowledge: KnowledgeBase, options: CreateLlmClientOptions = {}): LlmServices {
  const llm = createLlmClient(config, options);
  return {
    llm,
    answerer: new GroundedAnswerer({ knowledge, llm, timeoutMs: config.LLM_TIMEOUT_MS }),
    summarizer: new ConversationSummarizer({ llm, timeoutMs: config.LLM_TIMEOUT_MS }),
  };
}
