import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { KnowledgeBase } from '../../src/domain/knowledge/knowledgeBase';
import { HandoffReason } from '../../src/handoff/vocabulary';
import { matchChoice } from '../answers/choice';
import { FlowDialog, type FlowTurn } from '../flowDialog';
import type { RoutedDialogOptions } from '../mainDialog';
import { TaskDialog, type TaskResult } from '../taskDialog';

export interface FaqDialogDeps {
  readonly knowledge: KnowledgeBase;
}

interface Suggestion {
  readonly title: string;
  readonly snippet: string;
}

interface FaqState {
  suggestions?: Suggestion[];
}

const flowId = 'faq.flow';
const human = 'Talk to a human';
const maxSuggestions = 3;

class FaqFlow extends FlowDialog<FaqState, RoutedDialogOptions> {
  constructor(private readonly deps: FaqDialogDeps) {
    super(flowId);
  }

  protected initialState(): FaqState {
    return {};
  }

  protected async start(turn: FlowTurn<FaqState>, options: RoutedDialogOptions | undefined): Promise<DialogTurnResult> {
    if (!options?.signals) return turn.ask('What would you like to know?');
    return this.answer(turn, turn.text);
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

  private async answer(turn: FlowTurn<FaqState>, question: string): Promise<DialogTurnResult> {
    const { knowledge } = this.deps;
    const found = knowledge.answer(question);
    if (found) {
      await turn.say(`${found.passage.text}\n(From our article "${found.article.title}".)`);
      return turn.end();
    }
    const hits = knowledge.search(question, maxSuggestions).filter((h) => h.score > 0);
    turn.state.suggestions = hits.map((h) => ({ title: h.article.title, snippet: h.snippet }));
    const offer = hits.length > 0 ? ' One of these articles might help, or I can connect you with a person.' : ' I can connect you with a person who can help.';
    return turn.ask(`I'm not sure I have a reliable answer to that, and I'd rather not guess.${offer}`, [...turn.state.suggestions.map((s) => s.title), human]);
  }
}

/** Questions answered from the help-centre articles, always naming the article; honest below the threshold. */
export class FaqDialog extends TaskDialog {
  static readonly id = 'faq';
  protected readonly helpText = 'I answer questions from our help-centre articles, like opening hours, locations or payment.';

  constructor(deps: FaqDialogDeps) {
    super(FaqDialog.id);
    this.addDialog(new FaqFlow(deps));
    this.initialDialogId = flowId;
  }
}
