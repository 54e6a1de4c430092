import { z } from 'zod';
import type { ActivityPage, StoredActivity } from '../../storage/directline/directLineStore';
import { watermarkOf } from '../../storage/directline/directLineStore';

/** The channel id the bot sees for web chat conversations. */
export const webChatChannelId = 'webchat';

/** What a page (or a server holding the secret) may post as the user. */
export const userActivityTypes = ['message', 'event', 'typing'] as const;

const shortText = (max: number) => z.string().max(max);

/**
 * A user activity from the page. Only the fields Web Chat sends are kept; anything else is
 * dropped, and identity (`from.id`, `role`) comes from the token, never from the body.
 */
export const userActivitySchema = z.object({
  type: z.enum(userActivityTypes, { message: `must be one of: ${userActivityTypes.join(', ')}` }),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: shortText(35).regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, { message: 'must be a BCP 47 language tag' }).optional(),
  localTimezone: shortText(64).optional(),
  localTimestamp: shortText(64).optional(),
  name: shortText(128).optional(),
  value: z.unknown().optional(),
  from: z.object({ id: shortText(128).optional(), name: shortText(128).optional() }).passthrough().optional(),
  channelData: z
    .object({ clientActivityID: shortText(128).optional(), clientTimestamp: shortText(64).optional() })
    .passthrough()
    .optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(16).optional(),
  attachments: z.array(z.unknown()).max(0, { message: 'file uploads are not supported on this channel' }).optional(),
});

export type UserActivityInput = z.infer<typeof userActivitySchema>;

/** A bot activity handed to the in-process connector. Loose: it comes from our own bot. */
export const botActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    text: z.string().optional(),
    replyToId: z.string().max(512).optional(),
    from: z.object({ id: z.string().max(512).optional(), name: z.string().max(512).optional() }).passthrough().optional(),
  })
  .passthrough();

export type BotActivityInput = z.infer<typeof botActivitySchema>;

export interface Account {
  readonly id: string;
  readonly name?: string;
  readonly role: 'user' | 'bot';
}

/** One-line reason naming the first bad field, for a 400 body. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'activity: invalid';
  return `${issue.path.map(String).join('.') || 'activity'}: ${issue.message}`;
}

/** The user activity as stored in the history (and echoed to the page so Web Chat marks it sent). */
export function storedUserActivity(
  input: UserActivityInput,
  context: { conversationId: string; user: Account; bot: Account; timestamp: string },
): StoredActivity {
  const { clientActivityID, clientTimestamp } = input.channelData ?? {};
  const channelData = {
    ...(clientActivityID !== undefined ? { clientActivityID } : {}),
    ...(clientTimestamp !== undefined ? { clientTimestamp } : {}),
  };
  const fromName = input.from?.name ?? context.user.name;
  return dropUndefined({
    type: input.type,
    channelId: webChatChannelId,
    conversation: { id: context.conversationId },
    from: { id: context.user.id, ...(fromName !== undefined ? { name: fromName } : {}), role: 'user' },
    recipient: context.bot,
    timestamp: context.timestamp,
    text: input.text,
    textFormat: input.textFormat,
    locale: input.locale,
    localTimezone: input.localTimezone,
    localTimestamp: input.localTimestamp,
    name: input.name,
    value: input.value,
    entities: input.entities,
    channelData: Object.keys(channelData).length > 0 ? channelData : undefined,
  });
}

/**
 * A bot activity as stored for the page: `from` is always the bot (role `bot`, so nothing the
 * sends can pose as the customer), the serviceUrl is removed, and a `replyToId` that names no activity of this conversation (proactive agent replies
 * use synthetic ids) is dropped, because Web Chat would hold the reply back waiting for it.
 */
export function storedBotActivity(
  input: BotActivityInput,
  context: { conversationId: string; bot: Account; timestamp: string },
): StoredActivity {
  const {
    serviceUrl: _serviceUrl,
    id: _id,
    channelId: _channelId,
    conversation: _conversation,
    recipient: _recipient,
    from,
    replyToId,
    ...rest
  } = input;
  const name = typeof from?.name === 'string' && from.name.length > 0 ? from.name : context.bot.name;
  const keepReply = replyToId !== undefined && watermarkOf(context.conversationId, replyToId) !== undefined;
  return dropUndefined({
    ...rest,
    channelId: webChatChannelId,
    conversation: { id: context.conversationId },
    from: { id: context.bot.id, ...(name !== undefined ? { name } : {}), role: 'bot' },
    timestamp: context.timestamp,
    replyToId: keepReply ? replyToId : undefined,
  });
}

function dropUndefined(activity: Record<string, unknown>): StoredActivity {
  return Object.fromEntries(Object.entries(activity).filter(([, value]) => value !== undefined));
}

/** Typing activities older than this are not replayed to a page that reads from an old watermark. */
const typingFreshMs = 10_000;

function isStaleTyping(activity: StoredActivity, now: number): boolean {
  if (activity.type !== 'typing' || typeof activity.timestamp !== 'string') return false;
  return now - Date.parse(activity.timestamp) > typingFreshMs;
}

/** A page of history as Direct Line serves it (`GET .../activities` and the stream's frames). */
export function activitySet(page: ActivityPage, now: number): { activities: StoredActivity[]; watermark: string } {
  return { activities: page.activities.filter((activity) => !isStaleTyping(activity, now)), watermark: String(page.watermark) };
}
