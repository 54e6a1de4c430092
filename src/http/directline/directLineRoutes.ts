import type { Activity, ChannelAccount } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isRetryable, TandemError, toTandemError } from '../../errors';
import type { Logger } from '../../observability/logger';
import { clientAddress, withinLimit } from '../rateLimit/requestLimiter';
import { sendError } from '../sendError';
import type { DirectLineCaller } from './directLineAuth';
import { directLineServiceUrl } from './directLineConnector';
import { DirectLineStream } from './directLineStream';
import { authenticate } from './directLineAuth';
import { activitySet, firstIssue, storedUserActivity, userActivitySchema, webChatChannelId } from './directLineActivity';
import {
  type DirectLineChannel,
  guarded,
  isConversationId,
  jsonBytes,
  newConversationId,
  newUserId,
  streamUrl,
  userIdPattern,
} from './directLineChannel';

const prefix = '/v3/directline';

const startBodySchema = z
  .object({
    user: z.object({ id: z.string().regex(userIdPattern).optional(), name: z.string().max(128).optional() }).passthrough().optional(),
    locale: z.string().max(35).regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/).optional(),
  })
  .passthrough();

function noStore(res: Response): void {
  res.setHeader('cache-control', 'no-store');
}

function conversationBody(channel: DirectLineChannel, conversationId: string, userId: string) {
  const { token, expiresIn } = channel.tokens.issue(conversationId, userId);
  return { conversationId, token, expires_in: expiresIn };
}

/** A conversation's body with its WebSocket `streamUrl` (resuming from `watermark` when given), as Direct Line 3.0 answers. */
function streamingConversationBody(channel: DirectLineChannel, req: Request, conversationId: string, userId: string, watermark?: number) {
  const body = conversationBody(channel, conversationId, userId);
  return { ...body, streamUrl: streamUrl(req, DirectLineStream.path(conversationId, body.token, watermark)) };
}

function parseStartBody(body: unknown): z.infer<typeof startBodySchema> | string {
  if (body === undefined || body === null || body === '') return {};
  const parsed = startBodySchema.safeParse(body);
  return parsed.success ? parsed.data : firstIssue(parsed.error);
}

function parseWatermark(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return 0;
  return typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * The client side of the Direct Line 3.0 subset that Web Chat (DirectLineJS) uses: start/resume a
 * conversation (with the `streamUrl` of its WebSocket stream), post activities, poll with watermarks
 * (the fallback), generate and refresh tokens.
 */
export function registerDirectLineRoutes(server: Server, channel: DirectLineChannel): void {
  /** Runs the welcome turn once, when the conversation is first created. */
  const startConversation = async (req: Request, conversationId: string, userId: string, locale?: string, name?: string) => {
    const created = await channel.store.create({
      conversationId,
      userId,
      createdAt: new Date().toISOString(),
      ...(locale !== undefined ? { locale } : {}),
    });
    if (!created) return false;
    const user = { id: userId, ...(name !== undefined ? { name } : {}), role: 'user' } as ChannelAccount;
    const bot = channel.bot as ChannelAccount;
    const update: Partial<Activity> = {
      type: 'conversationUpdate',
      id: `${conversationId}|start`,
      channelId: webChatChannelId,
      serviceUrl: directLineServiceUrl,
      conversation: { id: conversationId } as Activity['conversation'],
      from: user,
      recipient: bot,
      membersAdded: [user, bot],
      timestamp: new Date(),
      ...(locale !== undefined ? { locale } : {}),
    };
    try {
      await channel.bridge.run(update);
    } catch {
      // Logged by the bridge; the conversation still exists and the customer can talk.
    }
    return true;
  };

  server.post(`${prefix}/tokens/generate`, guarded(channel, async (req: Request, res: Response) => {
    noStore(res);
    const auth = authenticate(req, channel.tokens);
    if (!auth.ok) return sendError(res, auth.code, auth.reason);
    if (auth.caller.kind !== 'secret') return sendError(res, 'FORBIDDEN', 'Generating tokens needs the Direct Line secret.');
    if (!(await withinLimit(channel.limits.chatTokensPerAddress, clientAddress(req), res))) return;
    const body = parseStartBody(req.body);
    if (typeof body === 'string') return sendError(res, 'BAD_REQUEST', body);
    res.json(conversationBody(channel, newConversationId(), body.user?.id ?? newUserId()));
  }));

  server.post(`${prefix}/tokens/refresh`, guarded(channel, async (req: Request, res: Response) => {
    noStore(res);
    const auth = authenticate(req, channel.tokens);
    if (!auth.ok) return sendError(res, auth.code, auth.reason);
    if (auth.caller.kind !== 'token') return sendError(res, 'BAD_REQUEST', 'Refresh needs a Direct Line token, not the secret.');
    const { conversationId, userId } = auth.caller.claims;
    if (!(await withinLimit(channel.limits.refreshesPerConversation, conversationId, res))) return;
    res.json(conversationBody(channel, conversationId, userId));
  }));

  server.post(`${prefix}/conversations`, guarded(channel, async (req: Request, res: Response) => {
    noStore(res);
    const auth = authenticate(req, channel.tokens);
    if (!auth.ok) return sendError(res, auth.code, auth.reason);
    const body = parseStartBody(req.body);
    if (typeof body === 'string') return sendError(res, 'BAD_REQUEST', body);
    if (!(await withinLimit(channel.limits.conversationsPerAddress, clientAddress(req), res))) return;
    const { conversationId, userId } =
      auth.caller.kind === 'token' ? auth.caller.claims : { conversationId: newConversationId(), userId: body.user?.id ?? newUserId() };
    const created = await startConversation(req, conversationId, userId, body.locale, body.user?.name);
    res.status(created ? 201 : 200);
    res.json(streamingConversationBody(channel, req, conversationId, userId));
  }));

  server.get(`${prefix}/conversations/:conversationId`, guarded(channel, async (req: Request, res: Response) => {
    noStore(res);
    const conversationId: unknown = req.params.conversationId;
    const auth = authenticate(req, channel.tokens, String(conversationId));
    if (!auth.ok) return sendError(res, auth.code, auth.reason);
    const watermark = parseWatermark(((req.query ?? {}) as Record<string, unknown>).watermark);
    if (watermark === undefined) return sendError(res, 'BAD_REQUEST', 'watermark must be a non-negative integer.');
    const conversation = isConversationId(conversationId) ? await channel.store.get(conversationId) : undefined;
    if (!conversation) return sendError(res, 'NOT_FOUND', 'No such conversation (it may have expired).');
    res.json(streamingConversationBody(channel, req, conversation.conversationId, conversation.userId, watermark));
  }));

  server.post(`${prefix}/conversations/:conversationId/activities`, guarded(channel, async (req: Request, res: Response) => {
    noStore(res);
    const conversationId: unknown = req.params.conversationId;
    const auth = authenticate(req, channel.tokens, String(conversationId));
    if (!auth.ok) return sendError(res, auth.code, auth.reason);
    if (!(await withinLimit(channel.limits.activitiesPerConversation, String(conversationId), res))) return;
    if (jsonBytes(req.body) > channel.maxActivityBytes) {
      return sendError(res, 'PAYLOAD_TOO_LARGE', `An activity may be at most ${channel.maxActivityBytes} bytes.`);
    }
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      return sendError(res, 'BAD_ACTIVITY', 'Body must be a JSON object (an Activity).');
    }
    const parsed = userActivitySchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'BAD_ACTIVITY', `Invalid activity: ${firstIssue(parsed.error)}`);
    const conversation = isConversationId(conversationId) ? await channel.store.get(conversationId) : undefined;
    if (!conversation) return sendError(res, 'NOT_FOUND', 'No such conversation (it may have expired); start a new one.');

    const userId = userFor(auth.caller, parsed.data.from?.id);
    if (userId === undefined) return sendError(res, 'BAD_ACTIVITY', 'Invalid activity: from.id is required when posting with the secret.');
    const activity = storedUserActivity(parsed.data, {
      conversationId: conversation.conversationId,
      user: { id: userId, role: 'user' },
      bot: channel.bot,
      timestamp: new Date().toISOString(),
    });
    // User typing is only for the bot; messages and events are echoed so Web Chat can mark them sent.
    // A re-post with the same clientActivityID keeps the first id, so the bot's dedupe answers it once.
    const appended =
      activity.type === 'typing'
        ? { id: `${conversation.conversationId}|typing` }
        : await channel.store.append(conversation.conversationId, activity, { clientActivityId: parsed.data.channelData?.clientActivityID });
    if (!appended) return sendError(res, 'NOT_FOUND', 'No such conversation (it may have expired); start a new one.');

    const runTurn = () =>
      channel.bridge.run({
        ...(activity as Partial<Activity>),
        id: appended.id,
        serviceUrl: directLineServiceUrl,
      });
    const turn = runTurn();
    const outcome = await waitAtMost(turn, channel.turnWaitMs);
    // Never acknowledge a message that was not answered: a retryable failure (Redis down, the same
    // message still in progress) is refused with 503 + Retry-After so the page posts it again...
    if (outcome instanceof TandemError && isRetryable(outcome)) return sendError(res, outcome.code);
    // ...and a turn still running when we answer is retried here if it later fails that way.
    if (outcome === 'pending') retryWhileRetryable(turn, runTurn, channel.logger);
    res.json({ id: appended.id });
  }));

  server.get(`${prefix}/conversations/:conversationId/activities`, guarded(channel, async (req: Request, res: Response) => {
    noStore(res);
    const conversationId: unknown = req.params.conversationId;
    const auth = authenticate(req, channel.tokens, String(conversationId));
    if (!auth.ok) return sendError(res, auth.code, auth.reason);
    const query = (req.query ?? {}) as Record<string, unknown>;
    const watermark = parseWatermark(query.watermark);
    if (watermark === undefined) return sendError(res, 'BAD_REQUEST', 'watermark must be a non-negative integer.');
    const page = isConversationId(conversationId) ? await channel.store.list(conversationId, watermark) : undefined;
    if (!page) return sendError(res, 'NOT_FOUND', 'No such conversation (it may have expired).');
    res.json(activitySet(page, Date.now()));
  }));

  server.post(`${prefix}/conversations/:conversationId/upload`, guarded(channel, async (_req: Request, res: Response) => {
    sendError(res, 'UNPROCESSABLE', 'File uploads are not supported on this channel.');
  }));
}

function userFor(caller: DirectLineCaller, bodyUserId: string | undefined): string | undefined {
  if (caller.kind === 'token') return caller.claims.userId;
  return bodyUserId !== undefined && userIdPattern.test(bodyUserId) ? bodyUserId : undefined;
}

/** Waits for the turn, but no longer than `ms`: its failure, 'done', or 'pending' when it carries on. */
async function waitAtMost(turn: Promise<void>, ms: number): Promise<TandemError | 'done' | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const settled = turn.then(
    () => 'done' as const,
    (error: unknown) => toTandemError(error),
  );
  const outcome = await Promise.race([settled, new Promise<'pending'>((resolve) => (timer = setTimeout(() => resolve('pending'), ms)))]);
  clearTimeout(timer);
  return outcome;
}

/**
 * Delays between re-runs of an acknowledged turn that failed retryably: doubling up to 30 s, about ten
 * minutes in all, so an acknowledged message outlives a Redis outage of that length in this process.
 */
const retryDelaysMs = [1000, 2000, 4000, 8000, 15_000, ...Array.from({ length: 19 }, () => 30_000)];

/** Re-runs an acknowledged turn while it fails retryably, so an accepted message is answered once Redis is back. */
function retryWhileRetryable(turn: Promise<void>, runTurn: () => Promise<void>, logger: Logger, attempt = 0): void {
  turn.catch((error: unknown) => {
    const failure = toTandemError(error);
    const delay = retryDelaysMs[attempt];
    if (!isRetryable(failure)) return;
    if (delay === undefined) {
      logger.error({ code: failure.code }, 'direct line turn still failing after its retries; the message stays unanswered');
      return;
    }
    setTimeout(() => retryWhileRetryable(runTurn(), runTurn, logger, attempt + 1), delay).unref();
  });
}
