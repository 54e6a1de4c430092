import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { orderStatusLabels, type Order } from '../../src/domain/orders/order';
import type { OrderService, OrderSummary } from '../../src/domain/orders/orderService';
import { IntentRole } from '../../intents/schema';
import { HandoffReason } from '../../src/handoff/vocabulary';
import { matchChoice } from '../answers/choice';
import { parseYesNo } from '../answers/yesNo';
import type { FlowTurn } from '../flowTurn';
import type { RoutedDialogOptions } from '../mainDialog';
import { TaskDialog, type TaskResult } from '../taskDialog';
import { userTimeZone } from '../userTimeZone';
import { type ActionOutcome, type OrderActionContext, orderActions } from './orderActions';
import { type OrderCredentials, mentionsOtherOrder, readCredentials, readLookup, readOrderIds, readSecrets, saysNoOrderNumber } from './orderCredentials';
import { orderDay } from './orderDay';
import { recentOrder, recentSpareSecrets, topicMemory } from '../topicMemory';
import type { DateClock } from '../../src/clock';

export interface OrdersDialogDeps {
  readonly orders: OrderService;
  readonly now: DateClock;
  readonly defaultTimeZone: string;
  /** Failed verifications before a person is offered. */
  readonly maxVerificationFailures?: number;
}

type Phase = 'orderId' | 'secret' | 'retry' | 'lookup' | 'pickOrder' | 'chooseAction' | 'actionStep' | 'offerHuman' | 'followUp';

interface OrdersState {
  /** Key into `orderActions` (the routed intent's name). */
  action?: string;
  phase?: Phase;
  step?: string;
  /** What the customer has typed towards verification. Personal data: stays in state, never logged. */
  credentials: OrderCredentials;
  verified?: { orderId: string; secret: string };
  failures: number;
  /** What an action keeps between its questions (a return's reason while it is confirmed). */
  memo?: string;
  /** Finding orders without their number: the email and ZIP typed so far. Personal data, never logged. */
  lookup?: { email?: string; zip?: string };
  /** Orders the customer may pick from, and the email that proved them theirs. */
  candidates?: { orderIds: string[]; secret: string };
  /** Orders named in the same message as the current one, handled after it, in the order named. */
  next?: string[];
}

/** After an answer about an order, an unsure reading this strong that names an order action is taken as one. */
const followUpReadingFloor = 0.1;
/** "cancel it", "cancel that order": a cancel with an object, unlike a bare "cancel" or "never mind". */
const cancelsSomething = /\bcancel(?:l?ing)?\s+(?:it|that|this|the order|my order|the whole order)\b/iu;
const actionLabels = Object.entries(orderActions).map(([intent, action]) => ({ intent, label: action.label }));

const lookupQuestion = "No problem: I can find your orders with the email address and the ZIP code they were placed with. Please send both (for example: name@example.com, 10027).";
const lookupFailed =
  "I couldn't find any orders with that email address and ZIP code. Please check both and send them again (for example: name@example.com, 10027).";
const humanOffer = "I'm sorry, I still couldn't find that order, so I can't share its details. Would you like me to connect you with a person on our team?";

const verifyFailed =
  "I couldn't verify an order with those details. Please check the order number and the email address or ZIP code on the order, and send them again (for example: TD-123456, name@example.com).";

/**
 * Order status, tracking, returns, cancellations and refunds. The customer proves the order is
 * theirs (order number + the order's email or ZIP code) before anything about it is said; a wrong
 * number and a wrong email get the same answer, so nobody can probe which orders exist.
 */
export class OrdersDialog extends TaskDialog<OrdersState, RoutedDialogOptions> {
  static readonly id = 'orders';
  protected override readonly taskTitle = 'your order question';
  protected override readonly taskTopic = 'order';
  // "cancel the order" asks for an order action, not to stop the lookup.
  protected override taskWords(): readonly string[] {
    return ['question', 'lookup', 'search'];
  }
  protected readonly helpText =
    'I can tell you where your order is, track it, start a return, cancel it before it ships, or check a refund. I need the order number and the email address or ZIP code on the order.';

  constructor(private readonly deps: OrdersDialogDeps) {
    super(OrdersDialog.id);
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
      // One of several requests of a message: emails or ZIP codes anywhere in it may prove this order.
      const whole = options.signals.understanding;
      if ((options.signals.requests?.length ?? 0) > 1) this.keepSpareSecrets(turn, readSecrets(whole.text, whole.entities));
      const named = readOrderIds(turn.entities);
      const [first, ...others] = named;
      if (first && others.length > 0) {
        this.keepSpareSecrets(turn, readSecrets(turn.text, turn.entities).slice(1));
        turn.state.credentials = { orderId: first, ...(found.secret ? { secret: found.secret } : {}) };
        turn.state.next = others;
        await turn.say(`You named ${named.length} orders. I'll look at ${first} first, then ${others.join(' and then ')}.`);
        return this.proceed(turn);
      }
      if (!found.orderId && saysNoOrderNumber(turn.text)) return this.startLookup(turn);
      const topic = recentOrder(turn.context, this.deps.now());
      if (topic && (!found.orderId || found.orderId === topic.orderId)) {
        if (mentionsOtherOrder(turn.text)) return this.otherOrder(turn, topic);
        // The order this conversation is about: no number and no verification again.
        turn.state.verified = { orderId: topic.orderId, secret: topic.secret };
        turn.state.credentials = {};
      }
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
      case 'lookup':
        return this.takeLookup(turn);
      case 'pickOrder':
        return this.pickOrder(turn);
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
        const known = await this.knownSecret(turn, orderId);
        if (known) return this.verified(turn, orderId, known);
        state.phase = 'secret';
        return turn.ask(`Thanks. To confirm order ${orderId} is yours, what's the email address or ZIP code on the order?`);
      }
      return this.verify(turn, orderId, secret);
    }
    const action = state.action ? orderActions[state.action] : undefined;
    if (!action) {
      state.phase = 'chooseAction';
      return turn.ask(`What would you like to do with order ${state.verified.orderId}?`, await this.applicableLabels(turn));
    }
    return this.apply(turn, await action.start(this.actionContext(turn)));
  }

  private async verify(turn: FlowTurn<OrdersState>, orderId: string, secret: string): Promise<DialogTurnResult> {
    const order = await this.deps.orders.verify(orderId, secret);
    // Several emails or ZIP codes given at once: the one that fits this order, whichever came first.
    const proof = order ? secret : await this.knownSecret(turn, orderId);
    if (proof) {
      turn.note({ slots: { orderId }, lookups: [{ kind: 'order.verify', summary: `verified ${orderId}` }] });
      return this.verified(turn, orderId, proof);
    }
    return this.fail(turn, verifyFailed);
  }

  /**
   * An email or ZIP code this customer already gave that proves `orderId` too: one typed ahead for it ("…and
   * 78704 for the second"), or the one that proved the last order. Tried quietly: a miss is not a failure.
   */
  private async knownSecret(turn: FlowTurn<OrdersState>, orderId: string): Promise<string | undefined> {
    const now = this.deps.now();
    const spare = recentSpareSecrets(turn.context, now);
    const previous = recentOrder(turn.context, now)?.secret;
    for (const secret of [...spare, ...(previous ? [previous] : [])]) {
      if (await this.deps.orders.verify(orderId, secret)) {
        this.keepSpareSecrets(turn, spare.filter((s) => s !== secret));
        return secret;
      }
    }
    return undefined;
  }

  /** Emails or ZIP codes typed beyond the one asked for, kept for the other orders named with it. */
  private keepSpareSecrets(turn: FlowTurn<OrdersState>, values: readonly string[]): void {
    const memory = topicMemory(turn.context);
    if (values.length === 0) delete memory.spareSecrets;
    else memory.spareSecrets = { values: [...values], at: this.deps.now().toISOString() };
  }

  /** The order is the customer's: it becomes what the conversation is about. */
  private async verified(turn: FlowTurn<OrdersState>, orderId: string, secret: string): Promise<DialogTurnResult> {
    const { state } = turn;
    state.verified = { orderId, secret };
    state.credentials = {};
    state.failures = 0;
    delete state.lookup;
    delete state.candidates;
    topicMemory(turn.context).order = { orderId, secret, at: this.deps.now().toISOString() };
    return this.proceed(turn);
  }

  // ── without an order number: email + ZIP ──────────────────────────────────

  private async startLookup(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    state.phase = 'lookup';
    state.lookup = {};
    state.credentials = {};
    delete state.verified;
    const found = readLookup(turn.text, turn.entities);
    if (found.email || found.zip) return this.takeLookup(turn);
    return turn.ask(lookupQuestion);
  }

  private async takeLookup(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const found = readLookup(turn.text, turn.entities);
    // Found the number after all: verify as usual.
    const typed = readCredentials(turn.text, turn.entities, false);
    if (typed.orderId) {
      state.credentials = { orderId: typed.orderId, ...(found.email ?? found.zip ? { secret: found.email ?? found.zip } : {}) };
      delete state.lookup;
      return this.proceed(turn);
    }
    state.lookup = { ...state.lookup, ...(found.email ? { email: found.email } : {}), ...(found.zip ? { zip: found.zip } : {}) };
    const { email, zip } = state.lookup;
    if (!found.email && !found.zip) return this.fail(turn, lookupFailed);
    if (!email) return turn.ask('Thanks. And the email address the orders were placed with?');
    if (!zip) return turn.ask('Thanks. And the 5-digit ZIP code of the delivery address?');
    const orders = await this.deps.orders.findOrders(email, zip);
    turn.note({ lookups: [{ kind: 'order.lookup', summary: `${orders.length} order(s) found by email and ZIP` }] });
    if (orders.length === 0) {
      state.lookup = {};
      return this.fail(turn, lookupFailed);
    }
    return this.offerOrders(turn, orders, email, 'I found');
  }

  /** One order is taken at once; several are listed to pick from. */
  private async offerOrders(turn: FlowTurn<OrdersState>, orders: readonly OrderSummary[], secret: string, lead: string): Promise<DialogTurnResult> {
    const { state } = turn;
    const [only] = orders;
    if (orders.length === 1 && only) {
      await turn.say(`${lead} one order: ${this.summaryLine(turn, only)}.`);
      return this.verified(turn, only.orderId, secret);
    }
    state.candidates = { orderIds: orders.map((o) => o.orderId), secret };
    state.phase = 'pickOrder';
    const lines = orders.map((o, i) => `${i + 1}. ${this.summaryLine(turn, o)}`).join('\n');
    return turn.ask(`${lead} ${orders.length} orders:\n\n${lines}\n\nWhich one do you mean?`, orders.map((o) => o.orderId));
  }

  private summaryLine(turn: FlowTurn<OrdersState>, o: OrderSummary): string {
    const zone = userTimeZone(turn.context, this.deps.defaultTimeZone);
    return `${o.orderId}, ${o.firstItem}${o.itemCount > 1 ? ` and ${o.itemCount - 1} more` : ''}, placed ${orderDay(o.placedAt, zone)} (${orderStatusLabels[o.status]})`;
  }

  private async pickOrder(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const candidates = state.candidates;
    if (!candidates) return this.proceed(turn);
    const typed = readCredentials(turn.text, turn.entities, true).orderId;
    const index = typed ? candidates.orderIds.indexOf(typed) : matchChoice(turn.text, candidates.orderIds);
    const orderId = index !== undefined && index >= 0 ? candidates.orderIds[index] : undefined;
    if (!orderId) return turn.ask('Please pick one of the orders by its number in the list, or type its order number.', candidates.orderIds);
    return this.verified(turn, orderId, candidates.secret);
  }

  /** "and my other order?": the customer's other orders (same email and ZIP as the one they proved), never the same one again. */
  private async otherOrder(turn: FlowTurn<OrdersState>, current: { orderId: string; secret: string }): Promise<DialogTurnResult> {
    const { state } = turn;
    const order = await this.deps.orders.verify(current.orderId, current.secret);
    const others = order ? (await this.deps.orders.findOrders(order.email, order.postcode)).filter((o) => o.orderId !== current.orderId) : [];
    delete state.verified;
    state.failures = 0;
    if (others.length === 0 || !order) {
      state.credentials = {};
      state.phase = 'orderId';
      return turn.ask(`Order ${current.orderId} is the only one I can see for you. What's the number of the other order? It looks like TD-123456.`);
    }
    return this.offerOrders(turn, others, order.email, `Besides ${current.orderId}, I found`);
  }

  private async fail(turn: FlowTurn<OrdersState>, message: string): Promise<DialogTurnResult> {
    const { state } = turn;
    state.failures += 1;
    turn.note({ lookups: [{ kind: 'order.verify', summary: `not verified (${state.failures} failed)` }] });
    if (state.failures >= (this.deps.maxVerificationFailures ?? 2)) {
      state.phase = 'offerHuman';
      // The order number stays: a right email or ZIP typed instead of yes or no is still tried.
      state.credentials = state.credentials.orderId ? { orderId: state.credentials.orderId } : {};
      delete state.lookup;
      return turn.ask(humanOffer, ['Yes', 'No']);
    }
    if (state.phase !== 'lookup') state.phase = 'retry';
    return turn.ask(message);
  }

  private async takeCredentials(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const askedForOrderId = state.phase !== 'secret';
    const found = readCredentials(turn.text, turn.entities, askedForOrderId);
    if (!found.orderId && saysNoOrderNumber(turn.text)) return this.startLookup(turn);
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
    // "98103 for the first one and 78704 for the second": the first is this order's, the others wait for theirs.
    const secrets = readSecrets(turn.text, turn.entities);
    if (secrets.length > 1) this.keepSpareSecrets(turn, secrets.slice(1));
    // In a retry, whatever part is sent replaces the old one; the other part is kept.
    state.credentials = { ...state.credentials, ...(found.orderId ? { orderId: found.orderId } : {}), ...(found.secret ? { secret: found.secret } : {}) };
    return this.proceed(turn);
  }

  private async chooseAction(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const picked = this.actionFromMessage(turn);
    if (!picked) return turn.ask('Please pick one of these:', await this.applicableLabels(turn));
    turn.state.action = picked;
    return this.proceed(turn);
  }

  private async continueAction(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const action = state.action ? orderActions[state.action] : undefined;
    if (!action?.answer || !state.step) return this.followUp(turn);
    return this.apply(turn, await action.answer(this.actionContext(turn), state.step, turn.text, state.memo));
  }

  private async apply(turn: FlowTurn<OrdersState>, outcome: ActionOutcome): Promise<DialogTurnResult> {
    const { state } = turn;
    if ('ask' in outcome) {
      if (outcome.reply) await turn.say(outcome.reply);
      state.phase = 'actionStep';
      state.step = outcome.step;
      if (outcome.memo === undefined) delete state.memo;
      else state.memo = outcome.memo;
      return turn.ask(outcome.ask, outcome.choices);
    }
    // Answered: stay around for follow-ups on the same order, so it isn't verified twice.
    turn.note({ lookups: [{ kind: state.action ?? 'order', summary: outcome.reply.split('\n')[0]?.slice(0, 200) ?? '' }] });
    const [next, ...later] = state.next ?? [];
    if (next) {
      // The next order named in the same message, with the same question.
      await turn.say(outcome.reply);
      await turn.say(`Next, order ${next}.`);
      if (later.length > 0) state.next = later;
      else delete state.next;
      delete state.verified;
      delete state.step;
      delete state.memo;
      state.failures = 0;
      state.credentials = { orderId: next };
      return this.proceed(turn);
    }
    state.phase = 'followUp';
    delete state.step;
    delete state.memo;
    const orderId = state.verified?.orderId ?? '';
    // Only what applies to the order as it is now: no "Cancel" for a delivered order, no "Track" for a cancelled one.
    const others = await this.applicableLabels(turn, state.action);
    return turn.waitAfter(MessageFactory.suggestedActions(others, outcome.reply), {
      text: `Is there anything else about order ${orderId}?`,
      choices: others,
    });
  }

  private async followUp(turn: FlowTurn<OrdersState>): Promise<DialogTurnResult> {
    const { state } = turn;
    const mentionedId = readCredentials(turn.text, turn.entities, false).orderId;
    if (state.verified && !mentionedId && mentionsOtherOrder(turn.text)) return this.otherOrder(turn, state.verified);
    const picked = this.actionFromMessage(turn);
    if (!picked && state.verified && !mentionedId && turn.signals?.intent?.role === IntentRole.help) {
      // "what can I do with it?" right after an answer about an order: what applies to that order now.
      const labels = await this.applicableLabels(turn, state.action);
      const order = await this.deps.orders.verify(state.verified.orderId, state.verified.secret);
      const onItsWay = order && ['shipped', 'out_for_delivery'].includes(order.status);
      const later = onItsWay ? ` Once it arrives, you can return it within ${this.deps.orders.returnPolicy().windowDays} days.` : '';
      const offer =
        labels.length > 0
          ? `For order ${state.verified.orderId} I can do this: ${labels.join(', ').toLowerCase()}.${later}`
          : `There's nothing more I can do with order ${state.verified.orderId} in the chat.${later}`;
      return turn.waitAfter(MessageFactory.suggestedActions(labels, `${offer} You can also ask me about anything else, or say "talk to a human".`), {
        text: `Is there anything else about order ${state.verified.orderId}?`,
        choices: labels,
      });
    }
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
    const found = readCredentials(turn.text, turn.entities, true);
    if (found.orderId || found.secret) {
      // "oh wait, my zip is 78704": one more try with what they found, instead of yes or no.
      turn.state.phase = 'retry';
      return this.takeCredentials(turn);
    }
    const yes = parseYesNo(turn.text);
    if (yes === true) {
      return turn.end({
        handoff: { decision: { action: 'handoff', priority: 'normal', reasonCodes: [HandoffReason.formFailure], sendEmergencyGuidance: false } },
      } satisfies TaskResult);
    }
    if (yes === false) {
      await turn.say("OK. If you find your order confirmation email, just ask me again and I'll look it up. You can also ask for a person at any time.");
      return turn.end();
    }
    return turn.ask('Would you like me to connect you with a person on our team? Please answer yes or no.', ['Yes', 'No']);
  }

  /**
   * An action picked by its label, or by a message NLU routed to this dialog. After an answer about an order,
   * the classifier's best reading counts even when it is unsure, if nothing else outranks it: "what's the status
   * of it now?" is about the order just discussed.
   */
  private actionFromMessage(turn: FlowTurn<OrdersState>): string | undefined {
    const byLabel = matchChoice(turn.text, actionLabels.map((a) => a.label));
    if (byLabel !== undefined && turn.text.length <= 40) return actionLabels[byLabel]?.intent;
    const intent = turn.signals?.intent;
    const understanding = turn.signals?.understanding;
    const aboutThisOrder = turn.state.phase === 'followUp' && turn.state.verified !== undefined && understanding?.language === 'en';
    // "ok then please cancel it" right after an answer about an order cancels the order, not the conversation.
    const cancelsTheOrder = aboutThisOrder && intent?.role === IntentRole.cancel && cancelsSomething.test(turn.text);
    if (intent && !cancelsTheOrder) return intent.dialog === OrdersDialog.id && orderActions[intent.name] ? intent.name : undefined;
    const ranking = understanding?.intent.ranking ?? [];
    // The words decide there, however sure the classifier is of "stop": the order action it ranks first.
    if (cancelsTheOrder) return ranking.find((r) => orderActions[r.intent] !== undefined)?.intent;
    const best = ranking[0];
    return aboutThisOrder && best && best.confidence >= followUpReadingFloor && orderActions[best.intent] ? best.intent : undefined;
  }

  /** Labels of the actions that apply to the verified order now, except `except`. */
  private async applicableLabels(turn: FlowTurn<OrdersState>, except?: string): Promise<string[]> {
    const verified = turn.state.verified;
    const order = verified ? await this.deps.orders.verify(verified.orderId, verified.secret) : null;
    const now = this.deps.now();
    const policy = this.deps.orders.returnPolicy();
    return actionLabels
      .filter((a) => a.intent !== except && (!order || orderActions[a.intent]?.appliesTo(order, now, policy)))
      .map((a) => a.label);
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
