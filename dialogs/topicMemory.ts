import type { TurnContext } from 'botbuilder';

/**
 * What the conversation is about across tasks: the order last looked up and the appointment last
 * booked or changed, so "cancel it", "what's the status of it" and "move it to Friday" need no
 * number again. Kept in conversation state by the bot; dialogs read and update it through turn state.
 */
export interface TopicMemory {
  /** `secret` is what verified the order (its email or ZIP): personal data, never logged or shown. */
  order?: { orderId: string; secret: string; at: string };
  appointment?: { id: string; at: string };
  /**
   * Emails or ZIP codes typed for orders not looked up yet ("98103 for the first one and 78704 for the second"),
   * tried before those orders' own question is asked. Personal data, never logged or shown.
   */
  spareSecrets?: { values: string[]; at: string };
  /** The last question the knowledge base answered, so "what about sundays?" can lean on it. Not logged. */
  question?: { text: string; at: string };
}

/** A topic older than this is forgotten: the customer has moved on, and a verified order should not linger. */
export const topicLifetimeMs = 30 * 60_000;

const topicKey = Symbol('tandem.topicMemory');

/** Called by the bot once per turn with the conversation's own (persisted) memory object. */
export function setTopicMemory(context: TurnContext, memory: TopicMemory): void {
  context.turnState.set(topicKey, memory);
}

/** The conversation's topic memory; a throwaway one where the bot set none (a dialog run on its own). */
export function topicMemory(context: TurnContext): TopicMemory {
  let memory = context.turnState.get(topicKey) as TopicMemory | undefined;
  if (!memory) {
    memory = {};
    setTopicMemory(context, memory);
  }
  return memory;
}

/** The order last looked up, if it is recent. */
export function recentOrder(context: TurnContext, now: Date): TopicMemory['order'] {
  const order = topicMemory(context).order;
  return order && now.getTime() - Date.parse(order.at) <= topicLifetimeMs ? order : undefined;
}

/** The appointment last booked or changed, if it is recent. */
export function recentAppointment(context: TurnContext, now: Date): TopicMemory['appointment'] {
  const appointment = topicMemory(context).appointment;
  return appointment && now.getTime() - Date.parse(appointment.at) <= topicLifetimeMs ? appointment : undefined;
}

/** Emails or ZIP codes typed ahead for other orders, if recent. */
export function recentSpareSecrets(context: TurnContext, now: Date): string[] {
  const spare = topicMemory(context).spareSecrets;
  return spare && now.getTime() - Date.parse(spare.at) <= topicLifetimeMs ? spare.values : [];
}

/** The question the knowledge base last answered, if it is recent. */
export function recentQuestion(context: TurnContext, now: Date): TopicMemory['question'] {
  const question = topicMemory(context).question;
  return question && now.getTime() - Date.parse(question.at) <= topicLifetimeMs ? question : undefined;
}
