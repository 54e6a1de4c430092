import { createDomainServices } from '../../../src/domain/createDomainServices';
import { TfidfKnowledgeBase } from '../../../src/domain/knowledge/tfidfKnowledgeBase';
import { GroundedAnswerer } from '../../../src/llm/groundedAnswerer';
import { refusalToken, type LlmClient, type LlmText } from '../../../src/llm/llmClient';
import { createDialogTestBot, type DialogCase } from '../support/dialogTestBot';

const cases: readonly DialogCase[] = [
  {
    name: 'a clear question is answered from an article, naming it',
    steps: [['what are your opening hours', /\(From our article "Opening hours"\.\)/]],
  },
];

// Nothing reaches this threshold, so every question takes the honest "not sure" path.
const unsure = () => createDialogTestBot({ domain: { ...createDomainServices(), knowledge: new TfidfKnowledgeBase({ threshold: 0.99 }) } });

const belowThreshold: readonly DialogCase[] = [
  {
    name: 'below the threshold the bot says so and offers articles and a person',
    steps: [['where is the Riverside clinic', /I'm not sure I have a reliable answer to that, and I'd rather not guess\. One of these articles might help/]],
  },
  {
    name: 'an offered article can be opened',
    steps: [
      ['where is the Riverside clinic', /not sure/],
      ['Our locations and directions', /\(From our article "Our locations and directions"\.\)/],
    ],
  },
  {
    name: 'something else after the offer is routed afresh',
    steps: [
      ['where is the Riverside clinic', /not sure/],
      ['I want to book an appointment', /What kind of appointment would you like\?/],
    ],
  },
];

/** An LlmClient that answers with a canned reply, like a model would. */
class CannedLlmClient implements LlmClient {
  readonly provider = 'openai' as const;
  readonly questions: string[] = [];
  constructor(private readonly reply: string) {}
  async answerFromContext(request: { question: string }): Promise<LlmText> {
    this.questions.push(request.question);
    return { text: this.reply, source: 'model' };
  }
  async summarize(): Promise<LlmText> {
    return { text: '', source: 'model' };
  }
}

describe('FAQ dialog', () => {
  it.each(cases)('$name', async ({ steps }) => {
    await createDialogTestBot().run(steps);
  });

  it.each(belowThreshold)('$name', async ({ steps }) => {
    await unsure().run(steps);
  });

  it('offers suggested actions below the threshold, including a person', async () => {
    const bot = unsure();
    const [reply] = await bot.say('where is the Riverside clinic');
    expect(reply?.suggestedActions?.actions.map((a) => a.title)).toEqual(expect.arrayContaining(['Our locations and directions', 'Talk to a human']));
  });

  it('"Talk to a human" from the offer reaches the handoff gateway', async () => {
    const bot = unsure();
    await bot.run([['where is the Riverside clinic', /not sure/], ['Talk to a human', /queue/]]);
    expect(bot.gateway.requests).toHaveLength(1);
  });

  it('with a language model, a grounded answer is given with its articles', async () => {
    const domain = createDomainServices();
    const hours = domain.knowledge.answer('what are your opening hours');
    if (!hours) throw new Error('the shipped knowledge base should answer opening hours');
    const llm = new CannedLlmClient(hours.passage.text);
    const answerer = new GroundedAnswerer({ knowledge: domain.knowledge, llm, timeoutMs: 1000 });
    const bot = createDialogTestBot({ domain, dialogDeps: { answerer } });
    await bot.run([['what are your opening hours', /From our article.* "Opening hours"/]]);
    expect(llm.questions).toEqual(['what are your opening hours']);
  });

  it('with a language model that refuses, the bot says it does not know rather than guess', async () => {
    const domain = createDomainServices();
    const answerer = new GroundedAnswerer({ knowledge: domain.knowledge, llm: new CannedLlmClient(refusalToken), timeoutMs: 1000 });
    const bot = createDialogTestBot({ domain, dialogDeps: { answerer } });
    await bot.run([['what are your opening hours', /not sure I have a reliable answer/]]);
  });
});
