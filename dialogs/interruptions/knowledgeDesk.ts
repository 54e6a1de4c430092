import type { TurnContext } from 'botbuilder';
import type { KnowledgeVerdict } from '../dialogModule';

/** The dialog that answers questions from the knowledge base, and whether it can answer a text confidently. */
export interface KnowledgeDesk {
  readonly dialogId: string;
  knows(text: string, context: TurnContext): boolean;
  /** How it would answer the text; undefined when it would not answer confidently. */
  verdict(text: string, context: TurnContext): KnowledgeVerdict | undefined;
}

const deskKey = Symbol('tandem.knowledgeDesk');

/** Set by the main dialog each turn, so a task can answer a question in passing. */
export function setKnowledgeDesk(context: TurnContext, desk: KnowledgeDesk | undefined): void {
  if (desk) context.turnState.set(deskKey, desk);
}

export function getKnowledgeDesk(context: TurnContext): KnowledgeDesk | undefined {
  return context.turnState.get(deskKey) as KnowledgeDesk | undefined;
}
