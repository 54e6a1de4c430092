import { FakeListChatModel } from '@langchain/core/utils/testing';
import { loadConfig } from '../../src/config';
import { ConversationSummarizer } from '../../src/llm/conversationSummarizer';
import { createLlmClient } from '../../src/llm/createLlmClient';
import { summarizeExtractively } from '../../src/llm/extractiveSummary';
import type { TranscriptLine } from '../../src/handoff/transcriptLine';
import { NullLlmClient } from '../../src/llm/nullLlmClient';
import { summarySystemPrompt } from '../../src/llm/prompts';
import { RecordingChatModel } from './recordingChatModel';

/** When a line was said; the code under test does not read it. */
const at = '2026-12-02T15:00:00.000Z';

const config = loadConfig({ LLM_PROVIDER: 'ollama' });
const lines: TranscriptLine[] = [
  { from: 'user', at, text: 'Where is my order TD-100003? It was due yesterday.', intent: 'order.check_status' },
  { from: 'bot', at, text: 'It shipped with FedEx and is on its way.' },
  { from: 'user', at, text: 'I need it before Friday, can I talk to someone?', intent: 'handoff.request' },
];

const summarizerWith = (model: FakeListChatModel, timeoutMs = 1000) =>
  new ConversationSummarizer({ llm: createLlmClient(config, { chatModel: model }), timeoutMs });

describe('ConversationSummarizer', () => {
  it('uses a safe model summary, sending the transcript as data', async () => {
    const model = new RecordingChatModel({ responses: ['Customer asks about late order TD-100003 (shipped with FedEx) and needs it before Friday; wants an agent.'] });
    const summary = await summarizerWith(model).summarize(lines);
    expect(summary).toEqual({ text: expect.stringContaining('TD-100003'), source: 'model' });
    expect(model.calls[0]?.[0]?.content).toBe(summarySystemPrompt);
    expect(String(model.calls[0]?.[1]?.content)).toContain('<line from="user">Where is my order TD-100003?');
  });

  it("falls back to extractive when the model mentions another customer's data", async () => {
    const summary = await summarizerWith(new FakeListChatModel({ responses: ['Customer is ann.lee@example.com asking about TD-100003.'] })).summarize(lines);
    expect(summary).toEqual({ text: summarizeExtractively(lines), source: 'extractive', fallbackReason: 'unsafe', violations: ['foreign_email'] });
  });

  it('falls back to extractive when the model gives medical advice', async () => {
    const summary = await summarizerWith(new FakeListChatModel({ responses: ['Patient should take 2 tablets of aspirin.'] })).summarize(lines);
    expect(summary).toMatchObject({ source: 'extractive', fallbackReason: 'unsafe', violations: ['medical_advice'] });
  });

  it('falls back to extractive on timeout, without waiting for the model', async () => {
    const slow = new RecordingChatModel({ responses: ['late'], sleep: 400 });
    const summary = await summarizerWith(slow, 50).summarize(lines);
    // The timeout's timer is set before the model's own, so it always fires first, whatever the machine's load.
    expect(slow.calls).toHaveLength(1);
    expect(slow.finished).toBe(0);
    expect(summary).toEqual({ text: summarizeExtractively(lines), source: 'extractive', fallbackReason: 'timeout' });
  });

  it('falls back to extractive on an empty reply', async () => {
    expect(await summarizerWith(new FakeListChatModel({ responses: ['   '] })).summarize(lines)).toMatchObject({ source: 'extractive', fallbackReason: 'empty' });
  });

  it('summarises extractively without a model, and without calling one for an empty conversation', async () => {
    const summarizer = new ConversationSummarizer({ llm: new NullLlmClient(), timeoutMs: 1000 });
    expect(await summarizer.summarize(lines)).toEqual({ text: summarizeExtractively(lines), source: 'extractive' });
    const model = new RecordingChatModel({ responses: ['x'] });
    expect(await summarizerWith(model).summarize([])).toEqual({ text: 'No customer messages yet.', source: 'extractive' });
    expect(model.calls).toHaveLength(0);
  });

  it('caps long model summaries', async () => {
    const summary = await new ConversationSummarizer({
      llm: createLlmClient(config, { chatModel: new FakeListChatModel({ responses: [`Customer asks about order TD-100003. ${'More detail. '.repeat(80)}`] }) }),
      timeoutMs: 1000,
      maxChars: 100,
    }).summarize(lines);
    expect(summary.text.length).toBe(100);
  });
});
