import type { Request, Response, Server } from 'restify';
import { sendError } from '../sendError';
import { botActivitySchema, firstIssue, storedBotActivity } from './directLineActivity';
import { type DirectLineChannel, guarded, isConversationId, jsonBytes } from './directLineChannel';

const base = '/connector/:key/v3/conversations/:conversationId';

/**
 * The connector side the bot's CloudAdapter posts to (`serviceUrl` = `<base>/connector/<key>`).
 * The key is an HMAC of the conversation id, so only this server (which put it in the serviceUrl it
 * gave the bot) can post into a conversation. Any `replyToId` is accepted: proactive agent replies
 * use synthetic ids. Event activities are acknowledged but not shown to the page: they are meant for
 * a handoff hub (and carry its transcript), not for the customer.
 */
export function registerDirectLineConnectorRoutes(server: Server, channel: DirectLineChannel): void {
  const checkKey = (req: Request, res: Response): string | undefined => {
    const conversationId: unknown = req.params.conversationId;
    const key: unknown = req.params.key;
    if (!isConversationId(conversationId) || typeof key !== 'string' || !channel.tokens.isConnectorKey(conversationId, key)) {
      sendError(res, 'FORBIDDEN', 'This connector URL does not belong to that conversation.');
      return undefined;
    }
    return conversationId;
  };

  const parseBody = (req: Request, res: Response) => {
    if (jsonBytes(req.body) > channel.maxActivityBytes) {
      sendError(res, 'PAYLOAD_TOO_LARGE', `An activity may be at most ${channel.maxActivityBytes} bytes.`);
      return undefined;
    }
    const parsed = botActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 'BAD_ACTIVITY', `Invalid activity: ${firstIssue(parsed.error)}`);
      return undefined;
    }
    return parsed.data;
  };

  const post = guarded(channel, async (req: Request, res: Response) => {
    const conversationId = checkKey(req, res);
    if (conversationId === undefined) return;
    const input = parseBody(req, res);
    if (input === undefined) return;
    if (input.type === 'event') {
      res.json({ id: `${conversationId}|event` });
      return;
    }
    const activity = storedBotActivity(input, { conversationId, bot: channel.bot, timestamp: new Date().toISOString() });
    const appended = await channel.store.append(conversationId, activity);
    if (!appended) return sendError(res, 'NOT_FOUND', 'No such conversation (it may have expired).');
    res.json({ id: appended.id });
  });

  server.post(`${base}/activities`, post);
  server.post(`${base}/activities/:activityId`, post);

  server.put(`${base}/activities/:activityId`, guarded(channel, async (req: Request, res: Response) => {
    const conversationId = checkKey(req, res);
    if (conversationId === undefined) return;
    const input = parseBody(req, res);
    if (input === undefined) return;
    const activityId = String(req.params.activityId);
    const activity = storedBotActivity(input, { conversationId, bot: channel.bot, timestamp: new Date().toISOString() });
    const replaced = await channel.store.replace(conversationId, activityId, activity);
    if (!replaced) return sendError(res, 'NOT_FOUND', 'No such activity in this conversation.');
    res.json({ id: activityId });
  }));

  server.get(`${base}/members`, guarded(channel, async (req: Request, res: Response) => {
    const conversationId = checkKey(req, res);
    if (conversationId === undefined) return;
    const conversation = await channel.store.get(conversationId);
    if (!conversation) return sendError(res, 'NOT_FOUND', 'No such conversation (it may have expired).');
    res.json([{ id: conversation.userId, role: 'user' }, channel.bot]);
  }));
}
