import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { AuthenticationError } from 'botframework-connector';
import { toTandemError } from '../../errors';
import { validateInboundActivity } from '../../bot/activitySchema';
import type { TandemAdapter } from '../../bot/createAdapter';
import { markHubCaller } from '../../bot/handoff/hubCaller';
import { HandoffProtocol } from '../../handoff/vocabulary';
import { webChatChannelId } from '../directline/directLineActivity';
import { runTurn, type TurnDeps } from '../runTurn';
import type { RateLimits } from '../rateLimit/rateLimits';
import { clientAddress, withinLimit } from '../rateLimit/requestLimiter';
import { sendError } from '../sendError';
import { authenticatedAsHub, redirectsReplies, sentHubToken, type ChannelTrust } from './channelTrust';

export interface MessagesRouteDeps extends TurnDeps {
  readonly adapter: TandemAdapter;
  readonly channelTrust: ChannelTrust;
  readonly limits: Pick<RateLimits, 'messagesPerAddress' | 'activitiesPerConversation'>;
}

/**
 * `POST /api/messages`: validate, check that the conversation belongs to the channel the activity
 * claims (a web chat conversation takes activities only through Direct Line), then hand the
 * activity to CloudAdapter (which checks the JWT). `handoff.status` needs an authenticated hub.
 */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!(await withinLimit(deps.limits.messagesPerAddress, clientAddress(req), res))) return;
    const checked = validateInboundActivity(req.body);
    if (!checked.ok) {
      deps.metrics.errors.inc({ code: 'BAD_ACTIVITY' });
      return sendError(res, 'BAD_ACTIVITY', `Invalid activity: ${checked.reason}`);
    }
    const activity = checked.activity as unknown as Activity;
    if (!(await withinLimit(deps.limits.activitiesPerConversation, `${activity.channelId}:${activity.conversation.id}`, res))) return;
    // Tandem handles no invoke: the SDK would run the turn (transcript, dedupe) and then answer 501, a 5xx anyone
    // could cause at will. Refused before anything runs instead.
    if (activity.type === 'invoke') {
      return sendError(res, 'BAD_ACTIVITY', `Invalid activity: invoke "${String(activity.name ?? '').slice(0, 64)}" is not supported.`);
    }
    const trust = deps.channelTrust;
    if (activity.channelId === webChatChannelId) {
      return sendError(res, 'FORBIDDEN', 'Web chat conversations take activities only through Direct Line.');
    }
    let owner: string | undefined;
    let redirects = false;
    try {
      owner = await trust.channelOf(activity.conversation.id);
      redirects = await redirectsReplies(trust, activity.conversation.id, activity.serviceUrl);
    } catch (error) {
      // State unreachable: a retryable refusal, before anything ran (never a 500).
      const failure = toTandemError(error);
      if (failure.status >= 500) res.setHeader('retry-after', '1');
      return sendError(res, failure.code === 'INTERNAL' ? 'STATE_UNAVAILABLE' : failure.code, failure.userMessage);
    }
    if (owner !== undefined && owner !== activity.channelId) {
      return sendError(res, 'FORBIDDEN', 'This conversation belongs to another channel.');
    }
    if (redirects) {
      return sendError(res, 'FORBIDDEN', "This conversation's replies go to another serviceUrl.");
    }
    const hubByToken = sentHubToken(req, trust.hubToken);
    const isHandoffStatus = activity.type === 'event' && activity.name === HandoffProtocol.statusEvent;
    if (isHandoffStatus && !hubByToken && trust.hubAppIds.length === 0) {
      return sendError(res, 'FORBIDDEN', 'handoff.status is accepted only from a configured hub (HANDOFF_HUB_TOKEN or HANDOFF_HUB_APP_IDS).');
    }
    try {
      const invokeResponse = await runTurn(
        deps,
        activity,
        (logic) => deps.adapter.handleActivity(req.header('authorization') ?? '', activity, logic),
        (context) => {
          if (hubByToken || authenticatedAsHub(context, trust.hubAppIds, deps.adapter.BotIdentityKey)) markHubCaller(context);
        },
      );
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (error) {
      if (error instanceof AuthenticationError) return sendError(res, 'UNAUTHORIZED');
      sendError(res, toTandemError(error).code);
    }
  });
}
