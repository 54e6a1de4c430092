import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { AnswerHint, KnowledgeBase } from '../../src/domain/knowledge/knowledgeBase';
import { HandoffReason } from '../../src/handoff/vocabulary';
import type { GroundedAnswer } from '../../src/llm/groundedAnswerer';
import { IntentRole } from '../../intents/schema';
import { matchChoice } from '../answers/choice';
import { questionInContext, rememberQuestion } from './followUp';
import type { FlowTurn } from '../flowTurn';
import type { RoutedDialogOptions } from '../mainDialog';
import { TaskDialog, type TaskResult } from '../taskDialog';
import type { DateClock } from '../../src/clock';

/** The LLM side of answering: rephrases retrieved passages, and refuses when they don't answer. */
export interface FaqAnswerer {
  answer(question: string): Promise<GroundedAnswer>;
}

export interface FaqDialogDeps {
  readonly knowledge: KnowledgeBase;
  /** Given when a language model is configured; otherwise the best passage is shown as written. */
  readonly answerer?: FaqAnswerer;
  /** Clock for how long a question is remembered for a follow-up. Default: system clock. */
  readonly now?: DateClock;
}

interface Suggestion {
  readonly title: string;
  readonly snippet: string;
}

interface FaqState {
  suggestions?: Suggestion[];
}

const human = 'Talk to a human';
const maxSuggestions = 3;

/** Questions answered from the help-centre articles, always naming the article; honest below the threshold. */
export class FaqDialog extends TaskDialog<FaqState, RoutedDialogOptions> {
  static readonly id = 'faq';
  protected override readonly taskTitle = 'your question';
  protected readonly helpText = 'I answer questions from our help-centre articles, like opening hours, locations or payment.';

  constructor(private readonly deps: FaqDialogDeps) {
    super(FaqDialog.id);
  }

  protected initialState(): FaqState {
    return {};
  }

  protected async start(turn: FlowTurn<FaqState>, options: RoutedDialogOptions | undefined): Promise<DialogTurnResult> {
    if (!options?.signals) return turn.ask('What would you like to know?');
    // The classifier's topic, when it is sure the message is a question, lets a passage on that topic answer.
    const topic = options.intent?.role === IntentRole.question ? options.intent.label : undefined;
    return this.answer(turn, turn.text, { ...(topic ? { topic } : {}), ...(options.taskTopic ? { task: options.taskTopic } : {}) }, options.offer?.label);
  }

  protected async onMessage(turn: FlowTurn<FaqState>): Promise<DialogTurnResult> {
    const suggestions = turn.state.suggestions;
    if (!suggestions) return this.answer(turn, turn.text);
    const labels = [...suggestions.map((s) => s.title), human];
    const index = matchChoice(turn.text, labels);
    if (index === suggestions.length) {
      return turn.end({
        handoff: { decision: { action: 'handoff', priority: 'normal', reasonCodes: [HandoffReason.userRequested], sendEmergencyGuidance: false } },
      } satisfies TaskResult);
    }
    const picked = index !== undefined ? suggestions[index] : undefined;
    if (!picked) return turn.end({ reroute: true } satisfies TaskResult);
    await turn.say(`${picked.snippet}\n(From our article "${picked.title}".)`);
    return turn.end();
  }

  private async answer(turn: FlowTurn<FaqState>, message: string, hint: AnswerHint = {}, offer?: string): Promise<DialogTurnResult> {
    const now = (this.deps.now ?? (() => new Date()))();
    const question = questionInContext(turn.context, message, now);
    const found = await this.find(question, hint);
    if (found) rememberQuestion(turn.context, question, now);
    turn.note({ lookups: [{ kind: 'faq', summary: found ? `answered from ${found.titles.join(', ')}` : 'no confident answer' }] });
    if (found) {
      const reply = `${found.text}\n(From our article${found.titles.length > 1 ? 's' : ''} ${found.titles.map((t) => `"${t}"`).join(', ')}.)`;
      await turn.say(offer ? MessageFactory.suggestedActions([offer], reply) : reply);
      return turn.end();
    }
    const hits = this.deps.knowledge.search(question, maxSuggestions).filter((h) => h.score > 0);
    turn.state.suggestions = hits.map((h) => ({ title: h.article.title, snippet: h.snippet }));
    const options = hits.length > 0 ? ' One of these articles might help, or I can connect you with a person.' : ' I can connect you with a person who can help.';
    return turn.ask(`I'm not sure I have a reliable answer to that, and I'd rather not guess.${options}`, [...turn.state.suggestions.map((s) => s.title), human]);
  }

  /** An answer and the articles it came from; undefined below the knowledge base's threshold or when the model refuses. */
  private async find(question: string, hint: AnswerHint): Promise<{ text: string; titles: string[] } | undefined> {
    const { knowledge, answerer } = this.deps;
    if (answerer) {
      const result = await answerer.answer(question);
      return result.kind === 'answer' ? { text: result.text, titles: result.articles.map((a) => a.title) } : undefined;
    }
    const found = knowledge.answer(question, hint);
    return found ? { text: found.text, titles: [found.article.title] } : undefined;
  }
}
