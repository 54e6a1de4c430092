import { FakeListChatModel } from '@langchain/core/utils/testing';
import { ConfigError, loadConfig } from '../../src/config';
import { createLlmClient } from '../../src/llm/createLlmClient';
import { createLlmServices } from '../../src/llm/createLlmServices';
import { ChatOllama } from '@langchain/ollama';
import { AzureChatOpenAI, ChatOpenAI } from '@langchain/openai';
import { buildChatModel, LangchainLlmClient } from '../../src/llm/langchainLlmClient';
import { NullLlmClient } from '../../src/llm/nullLlmClient';
import { TfidfKnowledgeBase } from '../../src/domain/knowledge/tfidfKnowledgeBase';

/** When a line was said; the code under test does not read it. */
const at = '2026-12-02T15:00:00.000Z';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.issues.map((i) => `${i.key}: ${i.problem}`);
  }
};

describe('LLM configuration', () => {
  it('defaults to no model', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ LLM_PROVIDER: 'none', LLM_MODEL: '', LLM_TIMEOUT_MS: 8000, AZURE_OPENAI_API_VERSION: '2024-10-21' });
    expect(createLlmClient(config)).toBeInstanceOf(NullLlmClient);
  });

  it('names the missing key when a provider needs credentials', () => {
    expect(problems({ LLM_PROVIDER: 'openai' })).toEqual(['LLM_API_KEY: is required when LLM_PROVIDER=openai']);
    expect(problems({ LLM_PROVIDER: 'azure-openai', LLM_API_KEY: 'k' })).toEqual([
      'AZURE_OPENAI_API_DEPLOYMENT_NAME: is required when LLM_PROVIDER=azure-openai',
      'AZURE_OPENAI_API_INSTANCE_NAME: is required when LLM_PROVIDER=azure-openai and LLM_BASE_URL is unset',
    ]);
    expect(problems({ LLM_PROVIDER: 'gemini' })[0]).toMatch(/^LLM_PROVIDER:/);
    expect(problems({ LLM_PROVIDER: 'ollama', LLM_BASE_URL: 'localhost:11434' })[0]).toMatch(/^LLM_BASE_URL: must be an http/);
    expect(problems({ LLM_PROVIDER: 'ollama' })).toEqual([]);
    expect(problems({ LLM_PROVIDER: 'azure-openai', LLM_API_KEY: 'k', AZURE_OPENAI_API_DEPLOYMENT_NAME: 'd', LLM_BASE_URL: 'https://x.openai.azure.com' })).toEqual([]);
  });

  it.each([
    [{ LLM_PROVIDER: 'openai', LLM_API_KEY: 'sk-test' }, 'openai'],
    [{ LLM_PROVIDER: 'azure-openai', LLM_API_KEY: 'k', AZURE_OPENAI_API_INSTANCE_NAME: 'i', AZURE_OPENAI_API_DEPLOYMENT_NAME: 'd' }, 'azure-openai'],
    [{ LLM_PROVIDER: 'ollama', LLM_MODEL: 'llama3.2' }, 'ollama'],
  ])('builds a langchain client for %j without touching the network', (env, provider) => {
    const client = createLlmClient(loadConfig(env));
    expect(client).toBeInstanceOf(LangchainLlmClient);
    expect(client.provider).toBe(provider);
  });

  it.each([
    [{ LLM_PROVIDER: 'openai', LLM_API_KEY: 'sk-test' }, ChatOpenAI],
    [{ LLM_PROVIDER: 'azure-openai', LLM_API_KEY: 'k', AZURE_OPENAI_API_INSTANCE_NAME: 'i', AZURE_OPENAI_API_DEPLOYMENT_NAME: 'd' }, AzureChatOpenAI],
    [{ LLM_PROVIDER: 'ollama' }, ChatOllama],
  ])('loads the provider package only when the model is built: %j', async (env, modelClass) => {
    expect(await buildChatModel(loadConfig(env))).toBeInstanceOf(modelClass);
  });

  it('builds the chat model once, on the first call', async () => {
    const build = jest.fn(async () => new FakeListChatModel({ responses: ['one', 'two'] }));
    const client = new LangchainLlmClient(build, 'ollama');
    expect(build).not.toHaveBeenCalled();
    expect((await client.answerFromContext({ question: 'q', passages: [] })).text).toBe('one');
    expect((await client.summarize({ lines: [{ from: 'user', text: 'hi', at: '2026-06-10T14:00:00.000Z' }] })).text).toBe('two');
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('uses an injected chat model', async () => {
    const client = createLlmClient(loadConfig({ LLM_PROVIDER: 'ollama' }), { chatModel: new FakeListChatModel({ responses: ['hello'] }) });
    expect(await client.answerFromContext({ question: 'q', passages: [] })).toEqual({ text: 'hello', source: 'model' });
  });

  it('wires answerer and summarizer with the configured timeout', async () => {
    const services = createLlmServices(loadConfig({}), new TfidfKnowledgeBase());
    expect(services.llm.provider).toBe('none');
    expect((await services.answerer.answer('How much is shipping?')).kind).toBe('answer');
    expect((await services.summarizer.summarize([{ from: 'user', at, text: 'Where is my parcel TD-100003?' }])).source).toBe('extractive');
  });
});
