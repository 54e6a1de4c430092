import type { DialogTurnResult } from 'botbuilder-dialogs';
import { matchChoice } from './answers/choice';
import { parseYesNo } from './answers/yesNo';
import type { FlowTurn } from './flowTurn';
import type { RoutedDialogOptions } from './mainDialog';
import { TaskDialog, type TaskResult } from './taskDialog';

const choices = ['Yes, connect me', 'No, thanks'] as const;

interface ClinicalState {
  intent?: RoutedDialogOptions['intent'];
}

/** Clinical questions: never advice; a kind word and the offer of a nurse or a person. */
export class ClinicalDialog extends TaskDialog<ClinicalState, RoutedDialogOptions> {
  static readonly id = 'clinical';
  protected readonly helpText = "I can't give medical advice, but I can connect you with a nurse or someone on our care team.";

  constructor() {
    super(ClinicalDialog.id);
  }

  protected initialState(options: RoutedDialogOptions | undefined): ClinicalState {
    return options?.intent ? { intent: options.intent } : {};
  }

  protected async start(turn: FlowTurn<ClinicalState>): Promise<DialogTurnResult> {
    return turn.ask(
      "That's a good question to ask, and I want you to get a safe answer. I'm a virtual assistant and I can't give medical advice, but a nurse or another member of our care team can. If you feel very unwell or it's getting worse, please call 911 or your local emergency number.\nWould you like me to connect you with a nurse or someone on our team?",
      choices,
    );
  }

  protected async onMessage(turn: FlowTurn<ClinicalState>): Promise<DialogTurnResult> {
    const picked = matchChoice(turn.text, choices);
    const yes = picked === 0 ? true : picked === 1 ? false : parseYesNo(turn.text);
    if (yes === true) {
      const { intent } = turn.state;
      return turn.end({ handoff: intent ? { intent } : {} } satisfies TaskResult);
    }
    if (yes === false) {
      await turn.say("OK. Please take care. If anything changes or you'd like to speak to the care team later, just say \"talk to a nurse\". I can also book an appointment for you.");
      return turn.end();
    }
    // Anything else is a new request; the router decides what it is (another clinical question comes back here).
    return turn.end({ reroute: true } satisfies TaskResult);
  }
}
