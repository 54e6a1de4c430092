import type { TurnContext } from 'botbuilder';
import type { Logger } from '../observability/logger';

const loggerKey = Symbol('tandem.turnLogger');

/** Attaches a child logger (conversation id, activity id) to the turn. */
export function setTurnLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(loggerKey, logger);
}

export function turnLogger(context: TurnContext): Logger | undefined {
  return context.turnState.get(loggerKey) as Logger | undefined;
}
