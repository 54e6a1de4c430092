import type { LlmClient } from './llmClient';
import { buildChatModel, LangchainLlmClient, type LangchainChatModel, type LlmConfig } from './langchainLlmClient';
import { NullLlmClient } from './nullLlmClient';

export interface CreateLlmClientOptions {
  /** Use this chat model instead of building one from config (tests: `FakeListChatModel`). */
  readonly chatModel?: LangchainChatModel;
}

/** LLM_PROVIDER=none (the default) gives NullLlmClient; any other provider a langchain client. */
export function createLlmClient(config: LlmConfig, options: CreateLlmClientOptions = {}): LlmClient {
  if (options.chatModel) return new LangchainLlmClient(options.chatModel, config.LLM_PROVIDER);
  if (config.LLM_PROVIDER === 'none') return new NullLlmClient();
  return new LangchainLlmClient(() => buildChatModel(config), config.LLM_PROVIDER);
}
