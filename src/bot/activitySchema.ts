import { ActivityTypes } from 'botbuilder';
import { z } from 'zod';

const knownTypes = Object.values(ActivityTypes) as [string, ...string[]];

// Replies copy the conversation, the accounts (swapped) and the locale from the inbound activity, and the
// connector's serializer rejects a wrong type in any of them: such an activity would fail its turn, not just be odd.
const account = z
  .object({
    id: z.string().min(1).max(512),
    name: z.string().max(512).optional(),
    role: z.string().max(64).optional(),
    aadObjectId: z.string().max(128).optional(),
  })
  .passthrough();
const conversationAccount = z
  .object({
    // The connector sends it in the x-ms-conversation-id header, where a control character or anything
    // beyond Latin-1 is refused by Node's HTTP client (every reply of the turn would fail).
    id: z
      .string()
      .min(1)
      .max(512)
      .regex(/^[\x20-\x7e\u00a0-\u00ff]+$/, { message: 'must be printable ASCII or Latin-1 characters' }),
    name: z.string().max(512).optional(),
    isGroup: z.boolean().optional(),
    conversationType: z.string().max(64).optional(),
    tenantId: z.string().max(128).optional(),
    role: z.string().max(64).optional(),
    aadObjectId: z.string().max(128).optional(),
  })
  .passthrough();

/** More members than this in one conversationUpdate is not a chat Tandem serves (and would amplify welcomes). */
export const maxMembersPerUpdate = 50;
const members = z.array(account).max(maxMembersPerUpdate, { message: `at most ${maxMembersPerUpdate} members per activity` });

/**
 * The part of the Activity schema Tandem relies on. Anything that fails here is answered with
 * 400 and a reason, before it can reach the adapter or touch state.
 */
export const inboundActivitySchema = z
  .object({
    type: z.enum(knownTypes, { message: `must be one of: ${knownTypes.join(', ')}` }),
    id: z.string().min(1).max(512).optional(),
    channelId: z.string().min(1).max(128),
    // Replies are POSTed there: only http(s) (file:, ftp:, javascript: … fail every turn).
    serviceUrl: z.string().url().max(2048).regex(/^https?:\/\//i, { message: 'must be an http(s) URL' }),
    conversation: conversationAccount,
    from: account,
    recipient: account.optional(),
    text: z.string().optional(),
    timestamp: z.string().optional(),
    localTimezone: z.string().max(64).optional(),
    locale: z.string().max(64).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    membersAdded: members.optional(),
    membersRemoved: members.optional(),
    // The Bot Framework's Entity and Attachment are objects with a type; redaction and the dialogs read it.
    entities: z.array(z.object({ type: z.string().max(256) }).passthrough()).max(64).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).passthrough()).max(32).optional(),
  })
  .passthrough();

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/** Returns the activity, or a one-line reason naming the first bad field. */
export function validateInboundActivity(
  body: unknown,
): { ok: true; activity: InboundActivity } | { ok: false; reason: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'body must be a JSON object (an Activity)' };
  }
  const parsed = inboundActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.') || 'activity';
  return { ok: false, reason: `${path}: ${issue.message}` };
}
