import type { TurnContext } from 'botbuilder';
import { isTimeZone } from '../src/time/isTimeZone';

/** The user's IANA zone as the channel reports it (`localTimezone`), else the configured default. */
export function userTimeZone(context: TurnContext, fallback: string): string {
  const reported = context.activity.localTimezone;
  return reported && isTimeZone(reported) ? reported : fallback;
}

/** True when the channel reported a zone we know (`localTimezone`), so the user's own clock is known. */
export function reportsTimeZone(context: TurnContext): boolean {
  const reported = context.activity.localTimezone;
  return Boolean(reported && isTimeZone(reported));
}
