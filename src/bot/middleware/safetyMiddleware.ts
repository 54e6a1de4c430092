import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { emergencyGuidance } from '../../../dialogs/emergencyGuidance';
import { markGuidanceGiven } from '../../../dialogs/guidanceGiven';
import type { EmergencyResult } from '../../nlu/types';
import { allowWhileHumanOwned, type HumanSide, ownerChangedThisTurn, ownerThisTurn } from '../humanSide';
import { setSafetyScreening } from '../safetyScreening';

/** Emergency and crisis detection over one message (the NLU engine's `screen`). */
export type SafetyScreen = (text: string) => EmergencyResult;

/**
 * DESIGN §3 step 4, before the ownership gate: emergency or crisis language pre-empts every state.
 * The screening is kept in turn state for the NLU to reuse. In the bot's hands the dialogs give the
 * guidance and hand over urgently; while a person owns the chat, the customer gets the guidance here
 * (the one thing the bot may say then), the chat becomes urgent and the agents are alerted, and the
 * message still goes on to the agent through the gate.
 */
export class SafetyMiddleware implements Middleware {
  constructor(
    private readonly humans: HumanSide,
    private readonly screen: SafetyScreen,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message || !activity.conversation?.id) return next();
    const screening = this.screen(activity.text ?? '');
    setSafetyScreening(context, screening);
    if (!screening.isEmergency) return next();
    if ((await ownerThisTurn(context, this.humans)) === 'bot') return next();

    allowWhileHumanOwned(context);
    // Guidance first, so that it reaches the customer even if raising the priority fails.
    await context.sendActivity(emergencyGuidance(screening.categories));
    markGuidanceGiven(context);
    const update = await this.humans.raiseEmergency(activity.conversation.id, screening.categories);
    if (update) await context.sendActivity(update);
    // Undefined: the person let the chat go between our read and the raise. The bot owns it now, and its
    // own emergency path hands it over urgently (without repeating the guidance).
    else ownerChangedThisTurn(context, 'bot');
    await next();
  }
}
