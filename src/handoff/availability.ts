import type { BusinessCalendar } from './businessCalendar';
import { CallbackReason } from './vocabulary';

export interface RouteInput {
  readonly now: number;
  readonly agentsOnline: number;
  /** The conversation has waited longer than HANDOFF_QUEUE_TIMEOUT_SECONDS. */
  readonly queueTimeoutExceeded: boolean;
}

export type RouteDecision =
  | { readonly route: 'queue' }
  | {
      readonly route: 'callback';
      readonly reason: CallbackReason;
      /** When the customer can expect contact; null when the calendar never opens. */
      readonly expectedContactBy: number | null;
      /** "We'll contact you by Tuesday 9:00 AM ET." */
      readonly whenText: string;
      /** Why, then when; ready to show. */
      readonly customerMessage: string;
    };

export interface RouteOptions {
  /** Business minutes within which a callback is promised. */
  readonly callbackSlaMinutes: number;
}

const why: Readonly<Record<CallbackReason, string>> = {
  after_hours: 'Our team is offline right now.',
  no_agent: 'Nobody from our team is free to chat right now.',
  timeout: "I'm sorry for the long wait; nobody has been free to take your conversation.",
};

/** "We'll contact you by …" for a callback promised at `now`. */
export function callbackPromise(calendar: BusinessCalendar, now: number, options: RouteOptions): { by: number | null; text: string } {
  const raw = calendar.addBusinessMinutes(now, options.callbackSlaMinutes);
  if (raw === null) return { by: null, text: "We'll contact you as soon as our team is back." };
  // Quarter-hour promises read as commitments, not as machine output.
  const quarter = 15 * 60_000;
  const by = Math.ceil(raw / quarter) * quarter;
  return { by, text: `We'll contact you by ${calendar.describe(by, now)}.` };
}

/**
 * Where a handoff goes: the live queue, or a callback ticket when the team is closed (after_hours),
 * nobody is online (no_agent) or the wait has run too long (timeout), checked in that order.
 */
export function routeHandoff(input: RouteInput, calendar: BusinessCalendar, options: RouteOptions): RouteDecision {
  let reason: CallbackReason | null = null;
  if (!calendar.isOpen(input.now)) reason = CallbackReason.afterHours;
  else if (input.agentsOnline <= 0) reason = CallbackReason.noAgent;
  else if (input.queueTimeoutExceeded) reason = CallbackReason.timeout;
  if (reason === null) return { route: 'queue' };
  const promise = callbackPromise(calendar, input.now, options);
  return {
    route: 'callback',
    reason,
    expectedContactBy: promise.by,
    whenText: promise.text,
    customerMessage: `${why[reason]} ${promise.text}`,
  };
}

/**
 * After emergency guidance, when nobody can take the chat: why, that the customer must not wait for
 * us, and the urgent callback already filed with when to expect it. Never "a person right now".
 */
export function urgentCallbackMessage(reason: CallbackReason, whenText: string): string {
  return `${urgentWhy[reason]} Please don't wait for us: use the numbers above. I've filed an urgent callback request for our team. ${whenText}`;
}

/** Worded so that no part of it can be read as help arriving "right now". */
const urgentWhy: Readonly<Record<CallbackReason, string>> = {
  after_hours: 'Our team is offline at this hour.',
  no_agent: 'Nobody from our team is free to chat at the moment.',
  timeout: 'Nobody from our team has been free to take your conversation.',
};
