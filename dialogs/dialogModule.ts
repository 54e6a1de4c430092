import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';

/** A dialog the main dialog can route to, with the one line it adds to "what I can do". */
export interface DialogModule {
  readonly dialog: Dialog;
  /** User-facing capability, e.g. "check, track, return or cancel an order". Omit for internal dialogs. */
  readonly capability?: string;
  /**
   * For the dialog that answers questions from the knowledge base: whether it answers this text confidently
   * (in the conversation of `context`, where "what about sundays?" follows the question before it).
   */
  readonly answers?: (text: string, context: TurnContext) => KnowledgeVerdict | undefined;
}

/** How the knowledge base would answer a text it answers confidently. */
export interface KnowledgeVerdict {
  /** The text asks for a kind of fact (an amount, a length of time, an address…) and the answer states it. */
  readonly statesAskedFact: boolean;
  /** The text follows up the last question answered ("what about sundays?") and was read with it. */
  readonly followsUp: boolean;
}

export function describeCapabilities(modules: readonly DialogModule[]): string {
  // A blank line before the list so Web Chat's markdown renders it as a list, not one paragraph.
  const lines = modules.flatMap((m) => (m.capability ? [`- ${m.capability}`] : []));
  return lines.length > 0 ? `Here's what I can help with:\n\n${lines.join('\n')}\n\n` : '';
}
