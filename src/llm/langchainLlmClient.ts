import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { AppConfig } from '../config';
import type { LlmProvider } from '../config/schema';
import type { TranscriptLine } from '../handoff/transcriptLine';
import type { ContextPassage, LlmClient, LlmText } from './llmClient';
import { buildGroundedAnswerPrompt, buildSummaryPrompt, type ChatPrompt } from './prompts';

/** Any langchain chat model (tests inject `FakeListChatModel`). */
export type LangchainChatModel = BaseChatModel;

/** The config keys the LLM client reads. */
export type LlmConfig = Pick<
  AppConfig,
  | 'LLM_PROVIDER'
  | 'LLM_MODEL'
  | 'LLM_API_KEY'
  | 'LLM_BASE_URL'
  | 'LLM_TIMEOUT_MS'
  | 'AZURE_OPENAI_API_INSTANCE_NAME'
  | 'AZURE_OPENAI_API_DEPLOYMENT_NAME'
  | 'AZURE_OPENAI_API_VERSION'
>;

/** Answers are short; this caps cost and latency. */
const maxOutputTokens = 400;

/** Plain text of a chat model reply, whichever content shape the provider returns. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) =>
        typeof part === 'string' ? part : part && typeof part === 'object' && 'text' in part && typeof part.text === 'string' ? part.text : '',
      )
      .join('');
  }
  return '';
}

/**
 * Builds the provider's chat model from config. Construction never touches the network; the first
 * call does. Retries are off: the caller's timeout and fallback are the retry policy. The provider
 * packages are imported here, not at the top: loading them costs a quarter of a second of start-up, which a
 * bot without an LLM, or one that has not needed it yet, should not pay.
 */
export async function buildChatModel(config: LlmConfig): Promise<LangchainChatModel> {
  const common = { temperature: 0, maxRetries: 0, timeout: config.LLM_TIMEOUT_MS };
  switch (config.LLM_PROVIDER) {
    case 'openai': {
      const { ChatOpenAI } = await import('@langchain/openai');
      return new ChatOpenAI({
        ...common,
        model: config.LLM_MODEL || 'gpt-4o-mini',
        apiKey: config.LLM_API_KEY,
        maxTokens: maxOutputTokens,
        ...(config.LLM_BASE_URL ? { configuration: { baseURL: config.LLM_BASE_URL } } : {}),
      });
    }
    case 'azure-openai': {
      const { AzureChatOpenAI } = await import('@langchain/openai');
      return new AzureChatOpenAI({
        ...common,
        maxTokens: maxOutputTokens,
        azureOpenAIApiKey: config.LLM_API_KEY,
        azureOpenAIApiDeploymentName: config.AZURE_OPENAI_API_DEPLOYMENT_NAME,
        azureOpenAIApiVersion: config.AZURE_OPENAI_API_VERSION,
        ...(config.LLM_BASE_URL
          ? { azureOpenAIEndpoint: config.LLM_BASE_URL }
          : { azureOpenAIApiInstanceName: config.AZURE_OPENAI_API_INSTANCE_NAME }),
      });
    }
    case 'ollama': {
      const { ChatOllama } = await import('@langchain/ollama');
      return new ChatOllama({
        temperature: 0,
        model: config.LLM_MODEL || 'llama3.1',
        baseUrl: config.LLM_BASE_URL ?? 'http://127.0.0.1:11434',
        numPredict: maxOutputTokens,
      });
    }
    case 'none':
      throw new Error('LLM_PROVIDER=none has no chat model; use NullLlmClient');
  }
}

/** LlmClient over a langchain chat model. The only class (with buildChatModel) that talks to langchain. */
export class LangchainLlmClient implements LlmClient {
  private model: Promise<LangchainChatModel> | undefined;

  /** The chat model, or how to build it on the first call. */
  constructor(
    private readonly modelSource: LangchainChatModel | (() => Promise<LangchainChatModel>),
    readonly provider: LlmProvider,
  ) {}

  private chatModel(): Promise<LangchainChatModel> {
    const source = this.modelSource;
    this.model ??= typeof source === 'function' ? source() : Promise.resolve(source);
    return this.model;
  }

  private async complete(prompt: ChatPrompt, signal?: AbortSignal): Promise<LlmText> {
    const model = await this.chatModel();
    const reply = await model.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], signal ? { signal } : {});
    return { text: textOf(reply.content).trim(), source: 'model' };
  }

  answerFromContext(request: { question: string; passages: readonly ContextPassage[]; signal?: AbortSignal }): Promise<LlmText> {
    return this.complete(buildGroundedAnswerPrompt(request.question, request.passages), request.signal);
  }

  summarize(request: { lines: readonly TranscriptLine[]; signal?: AbortSignal }): Promise<LlmText> {
    return this.complete(buildSummaryPrompt(request.lines), request.signal);
  }
}
