import type { TurnContext } from 'botbuilder';

/** The dialog that answers questions from the knowledge base, and whether it can answer a text confidently. */
export interface KnowledgeDesk {
  readonly dialogId: string;
  knows(text: string): boolean;
}

const deskKey = Symbol('tandem.knowledgeDesk');

/** Set by the main dialog each turn, so a task can answer a question in passing. */
export function setKnowledgeDesk(context: TurnContext, desk: KnowledgeDesk | undefined): void {
  if (desk) context.turnState.set(deskKey, desk);
}

export function getKnowledgeDesk(context: TurnContext): KnowledgeDesk | undefined {
  return context.turnState.get(deskKey) as KnowledgeDesk | undefined;
}
