import { randomBytes } from 'node:crypto';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { checkFreeText, freeTextProblemMessage } from './answers/freeText';
import type { FlowTurn } from './flowTurn';
import type { RoutedDialogOptions } from './mainDialog';
import { TaskDialog, type TaskResult } from './taskDialog';

const maxChars = 2000;
// A first message this long already says what happened ("…the courier threw my parcel over the fence").
const wordsThatTellTheStory = 12;
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** "CMP-" + 8 random base-32 characters. */
export function newComplaintReference(): string {
  return `CMP-${Array.from(randomBytes(8), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

interface ComplaintState {
  intent?: RoutedDialogOptions['intent'];
  attempts: number;
}

/** Complaints: acknowledge, capture what happened, give a reference, then hand to a person. */
export class ComplaintDialog extends TaskDialog<ComplaintState, RoutedDialogOptions> {
  static readonly id = 'complaint';
  protected readonly helpText = "I'm taking down your complaint so a person on our team can look into it.";

  constructor(private readonly newReference: () => string = newComplaintReference) {
    super(ComplaintDialog.id);
  }

  protected initialState(options: RoutedDialogOptions | undefined): ComplaintState {
    return { ...(options?.intent ? { intent: options.intent } : {}), attempts: 0 };
  }

  protected async start(turn: FlowTurn<ComplaintState>, options: RoutedDialogOptions | undefined): Promise<DialogTurnResult> {
    const told = options?.signals && turn.text.split(/\s+/).filter(Boolean).length >= wordsThatTellTheStory;
    if (told && !checkFreeText(turn.text, maxChars)) {
      await turn.say("I'm sorry about this, and thank you for telling me what happened.");
      return this.handOver(turn);
    }
    return turn.ask("I'm sorry to hear that. Could you tell me what happened, in a few sentences? A person on our team will read it.", undefined, {
      narrative: true,
    });
  }

  protected async onMessage(turn: FlowTurn<ComplaintState>): Promise<DialogTurnResult> {
    const problem = checkFreeText(turn.text, maxChars);
    if (problem) {
      turn.state.attempts += 1;
      // Never trap an upset customer in a loop: after two unusable answers, hand over anyway.
      if (turn.state.attempts >= 2) return this.handOver(turn);
      return turn.ask(`${freeTextProblemMessage(problem, maxChars)} Could you tell me what happened?`, undefined, { narrative: true });
    }
    await turn.say('Thank you for explaining.');
    return this.handOver(turn);
  }

  private async handOver(turn: FlowTurn<ComplaintState>): Promise<DialogTurnResult> {
    const reference = this.newReference();
    turn.note({ slots: { complaintReference: reference }, lookups: [{ kind: 'complaint', summary: `complaint ${reference} captured` }] });
    await turn.say(`Your complaint reference is ${reference}. I'm passing this to a person on our team now so they can put it right.`);
    const { intent } = turn.state;
    return turn.end({ handoff: intent ? { intent } : {} } satisfies TaskResult);
  }
}
