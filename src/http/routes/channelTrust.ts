import { createHash, timingSafeEqual } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { JwtTokenValidation, type ClaimsIdentity } from 'botframework-connector';
import type { Request } from 'restify';

/** The header a handoff hub sends its HANDOFF_HUB_TOKEN in (Authorization carries the Bot Framework JWT). */
export const hubTokenHeader = 'x-handoff-hub-token';

export interface ChannelTrust {
  /** HANDOFF_HUB_TOKEN: a hub that sends it may post `handoff.status`. */
  readonly hubToken?: string;
  /** HANDOFF_HUB_APP_IDS: hubs whose Bot Framework JWT (checked by CloudAdapter) names one of these app ids. */
  readonly hubAppIds: readonly string[];
  /** The channel a conversation was started on, when Tandem knows it (web chat, or a handoff record). */
  channelOf(conversationId: string): Promise<string | undefined>;
  /**
   * Where Tandem sends a conversation's replies when it knows (the saved conversation reference); only
   * consulted while anonymous, because with MICROSOFT_APP_ID the channel's JWT vouches for the serviceUrl.
   */
  serviceUrlOf?(conversationId: string): Promise<string | undefined>;
}

/** True when an anonymous activity would move a known conversation's replies to another address. */
export async function redirectsReplies(trust: ChannelTrust, conversationId: string, serviceUrl: string | undefined): Promise<boolean> {
  if (!trust.serviceUrlOf) return false;
  const known = await trust.serviceUrlOf(conversationId);
  return known !== undefined && known !== serviceUrl;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison of the hub token header with the configured token. */
export function sentHubToken(req: Request, token: string | undefined): boolean {
  const sent = req.header(hubTokenHeader);
  return token !== undefined && typeof sent === 'string' && sent.length > 0 && timingSafeEqual(digest(sent), digest(token));
}

/** True when CloudAdapter authenticated the sender as one of `appIds` (needs MICROSOFT_APP_ID). */
export function authenticatedAsHub(context: TurnContext, appIds: readonly string[], botIdentityKey: symbol): boolean {
  if (appIds.length === 0) return false;
  const identity = context.turnState.get<ClaimsIdentity | undefined>(botIdentityKey);
  if (!identity?.isAuthenticated) return false;
  const appId = JwtTokenValidation.getAppIdFromClaims(identity.claims);
  return typeof appId === 'string' && appIds.includes(appId);
}
