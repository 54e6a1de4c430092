import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { Order } from '../../src/domain/orders/order';
import type { OrderService } from '../../src/domain/orders/orderService';
import { HandoffReason } from '../../src/handoff/vocabulary';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';
import { FlowDialog, type FlowTurn } from '../flowDialog';
import type { RoutedDialogOptions } from '../mainDialog';
import { TaskDialog, type TaskResult } from '../taskDialog';
import { userTimeZone } from '../userTimeZone';
import { type ActionOutcome, type OrderActionContext, orderActions } from './orderActions';
import { type OrderCredentials, readCredentials } from './orderCredentials';

export interface OrdersDialogDeps {
  readonly orders: OrderService;
  readonly now: () => Date;
  readonly defaultTimeZone: string;
  /** Failed verifications before a person is offered. */
  readonly maxVerificationFailures?: number;
}

type Phase = 'orderId' | 'secret' | 'retry' | 'chooseAction' | 'actionStep' | 'offerHuman' | 'followUp';

interface OrdersState {
  /** Key into `orderActions` (the routed intent's name). */
  action?: string;
  phase?: Phase;
  step?: string;
  /** What the customer has typed towards verification. Personal data: stays in state, never logged. */
  credentials: OrderCredentials;
  verified?: { orderId: string; secret: string };
  failures: number;
}

const flowId = 'orders.flow';
const actionLabels = Object.entries(orderActions).map(([intent, action]) => ({ intent, label: action.label }));

const verifyFailed =
  "I couldn't verify an order with those details. Please check the order number and the email address or ZIP code on the order, and send them again (for example: TD-123456, name@example.com).";

class OrdersFlow extends FlowDialog<OrdersState, RoutedDialogOptions> {
  constructor(private readonly deps: OrdersDialogDeps) {
    super(flowId);
  }

  protected initialState(options: RoutedDialogOptions | undefined): OrdersState {
    const name = options?.intent?.name;
    return { ...(name && orderActions[name] ? { action: name } : {}), credentials: {}, failures: 0 };
  }

  protected async start(turn: FlowTurn<OrdersState>, options: RoutedDialogOptions | undefined): Promise<DialogTurnResult> {
    // Details given in the first message are used, never asked for again. After "start over" there is none.
    if (options?.signals) {
      const found = readCredentials(turn.text, turn.entities, false);
      turn.state.credentials = { ...(found.orderId ? { orderId: found.orderId } : {}), ...(found.secret ? { secret: found.secret } : {}) };
    }
    return this.proceed(turn);
  }

  protected async onMessage(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    switch (state.phase) {
      case 'orderId':
      case 'secret':
      case 'retry':
        return this.takeCredentials(turn);
      case 'chooseAction':
        return this.chooseAction(turn);
      case 'actionStep':
        return this.continueAction(turn);
      case 'offerHuman':
        return this.answerOffer(turn);
      case 'followUp':
      case undefined:
        return this.followUp(turn);
    }
  }

  private async proceed(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    if (!state.verified) {
      const { orderId, secret } = state.credentials;
      if (!orderId) {
        state.phase = 'orderId';
        return turn.ask("Sure. What's your order number? It looks like TD-123456 and is in your confirmation email.");
      }
      if (!secret) {
        state.phase = 'secret';
        return turn.ask(`Thanks. To confirm order ${orderId} is yours, what's the email address or ZIP code on the order?`);
      }
      return this.verify(turn, orderId, secret);
    }
    const action = state.action ? orderActions[state.action] : undefined;
    if (!action) {
      state.phase = 'chooseAction';
      return turn.ask(`What would you like to do with order ${state.verified.orderId}?`, actionLabels.map((a) => a.label));
    }
    return this.apply(turn, await action.start(this.actionContext(turn)));
  }

  private async verify(turn: FlowTurn<OrdersState>, orderId: string, secret: string): Promise<DialogTurnResult> {
    const order = await this.deps.orders.verify(orderId, secret);
    if (order) {
      turn.note({ slots: { orderId: order.id }, lookups: [{ kind: 'order.verify', summary: `verified ${order.id}` }] });
      turn.state.verified = { orderId: order.id, secret };
      turn.state.credentials = {};
      turn.state.failures = 0;
      return this.proceed(turn);
    }
    return this.fail(turn, verifyFailed);
  }

  private async fail(turn: FlowTurn<OrdersState>, message: string): Promise<DialogTurnResult> {
    const { state } = turn;
    state.failures += 1;
    turn.note({ lookups: [{ kind: 'order.verify', summary: `not verified (${state.failures} failed)` }] });
    if (state.failures >= (this.deps.maxVerificationFailures ?? 3)) {
      state.phase = 'offerHuman';
      state.credentials = {};
      return turn.ask(
        "I'm sorry, I still couldn't verify that order, so I can't share its details. Would you like me to connect you with a person on our team?",
        ['Yes', 'No'],
      );
    }
    state.phase = 'retry';
    return turn.ask(message);
  }

  private async takeCredentials(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const askedForOrderId = state.phase !== 'secret';
    const found = readCredentials(turn.text, turn.entities, askedForOrderId);
    if (!found.orderId && !found.secret) {
      if (state.phase === 'orderId') {
        return this.fail(turn, "That doesn't look like an order number. Order numbers look like TD-123456; please type yours.");
      }
      if (state.phase === 'secret') {
        return this.fail(
          turn,
          found.malformedEmail
            ? "That doesn't look like a complete email address. Please type the email address (name@example.com) or the 5-digit ZIP code on the order."
            : 'Please type the email address (name@example.com) or the 5-digit ZIP code on the order.',
        );
      }
      return this.fail(turn, verifyFailed);
    }
    // In a retry, whatever part is sent replaces the old one; the other part is kept.
    state.credentials = { ...state.credentials, ...(found.orderId ? { orderId: found.orderId } : {}), ...(found.secret ? { secret: found.secret } : {}) };
    return this.proceed(turn);
  }

  private async chooseAction(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const picked = this.actionFromMessage(turn);
    if (!picked) return turn.ask('Please pick one of these:', actionLabels.map((a) => a.label));
    turn.state.action = picked;
    return this.proceed(turn);
  }

  private async continueAction(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const action = state.action ? orderActions[state.action] : undefined;
    if (!action?.answer || !state.step) return this.followUp(turn);
    return this.apply(turn, await action.answer(this.actionContext(turn), state.step, turn.text));
  }

  private async apply(turn: FlowTurn<OrdersState>, outcome: ActionOutcome): Promise<DialogTurnResult> {
    const { state } = turn;
    if ('ask' in outcome) {
      if (outcome.reply) await turn.say(outcome.reply);
      state.phase = 'actionStep';
      state.step = outcome.step;
      return turn.ask(outcome.ask, outcome.choices);
    }
    // Answered: stay around for follow-ups on the same order, so it isn't verified twice.
    turn.note({ lookups: [{ kind: state.action ?? 'order', summary: outcome.reply.split('\n')[0]?.slice(0, 200) ?? '' }] });
    state.phase = 'followUp';
    delete state.step;
    const orderId = state.verified?.orderId ?? '';
    const others = actionLabels.filter((a) => a.intent !== state.action).map((a) => a.label);
    return turn.waitAfter(MessageFactory.suggestedActions(others, outcome.reply), {
      text: `Is there anything else about order ${orderId}?`,
      choices: others,
    });
  }

  private async followUp(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const picked = this.actionFromMessage(turn);
    if (!picked) return turn.end({ reroute: true } satisfies TaskResult);
    state.action = picked;
    const mentioned = readCredentials(turn.text, turn.entities, false);
    if (mentioned.orderId && mentioned.orderId !== state.verified?.orderId) {
      // Another order: it must be verified on its own.
      delete state.verified;
      state.failures = 0;
      state.credentials = { orderId: mentioned.orderId, ...(mentioned.secret ? { secret: mentioned.secret } : {}) };
    }
    return this.proceed(turn);
  }

  private async answerOffer(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const yes = parseYesNo(turn.text);
    if (yes === true) {
      return turn.end({
        handoff: { decision: { action: 'handoff', priority: 'normal', reasonCodes: [HandoffReason.formFailure], sendEmergencyGuidance: false } },
      } satisfies TaskResult);
    }
    if (yes === false) {
      await turn.say("OK. If you find your order confirmation email, just ask me again and I'll look it up.");
      return turn.end();
    }
    return turn.ask('Would you like me to connect you with a person on our team? Please answer yes or no.', ['Yes', 'No']);
  }

  /** An action picked by its label, or by a message NLU routed to this dialog. */
  private actionFromMessage(turn: FlowTurn<OrdersState>): string | undefined {
    const byLabel = matchChoice(turn.text, actionLabels.map((a) => a.label));
    if (byLabel !== undefined && turn.text.length <= 40) return actionLabels[byLabel]?.intent;
    const intent = turn.signals?.intent;
    return intent && intent.dialog === OrdersDialog.id && orderActions[intent.name] ? intent.name : undefined;
  }

  private actionContext(turn: FlowTurn<OrdersState>): OrderActionContext {
    const verified = turn.state.verified;
    if (!verified) throw new Error('Order actions need a verified order');
    return {
      orders: this.deps.orders,
      orderId: verified.orderId,
      now: this.deps.now(),
      timeZone: userTimeZone(turn.context, this.deps.defaultTimeZone),
      loadOrder: (): Promise<Order | null> => this.deps.orders.verify(verified.orderId, verified.secret),
    };
  }
}

/**
 * Order status, tracking, returns, cancellations and refunds. The customer proves the order is
 * theirs (order number + the order's email or ZIP code) before anything about it is said; a wrong
 * number and a wrong email get the same answer, so nobody can probe which orders exist.
 */
export class OrdersDialog extends TaskDialog {
  static readonly id = 'orders';
  protected override readonly taskTitle = 'your order question';
  protected readonly helpText =
    'I can tell you where your order is, track it, start a return, cancel it before it ships, or check a refund. I need the order number and the email address or ZIP code on the order.';

  constructor(deps: OrdersDialogDeps) {
    super(OrdersDialog.id);
    this.addDialog(new OrdersFlow(deps));
    this.initialDialogId = flowId;
  }
}
