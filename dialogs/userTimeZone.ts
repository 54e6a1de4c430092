import type { TurnContext } from 'botbuilder';

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The user's IANA zone as the channel reports it (`localTimezone`), else the configured default. */
export function userTimeZone(context: TurnContext, fallback: string): string {
  const reported = context.activity.localTimezone;
  return reported && isKnownZone(reported) ? reported : fallback;
}
