import type { Activity, TranscriptStore } from 'botbuilder';
import type { TranscriptLine } from '../handoff/transcriptLine';
import { sealedTextOf } from './sealedText';

/** Opens a sealed text of this conversation; undefined when it cannot. */
export type OpenSealedText = (sealed: string) => string | undefined;

function agentName(activity: Partial<Activity>): string | undefined {
  const channelData: unknown = activity.channelData;
  if (channelData === null || typeof channelData !== 'object') return undefined;
  const agent: unknown = (channelData as { agent?: unknown }).agent;
  if (agent === null || typeof agent !== 'object') return undefined;
  const name: unknown = (agent as { name?: unknown }).name;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

/**
 * A transcript line for a message activity; undefined for other activity types and empty messages.
 * Agent messages are recognised by `channelData.agent.name`; otherwise the sender's role decides
 * (botbuilder's transcript middleware marks incoming activities with role 'user').
 */
export function toTranscriptLine(activity: Partial<Activity>): TranscriptLine | undefined {
  if (activity.type !== 'message') return undefined;
  const attachments = activity.attachments ?? [];
  const text =
    typeof activity.text === 'string' && activity.text.length > 0
      ? activity.text
      : attachments.length > 0
        ? attachments.map((a) => `[attachment: ${a.contentType}]`).join(' ')
        : '';
  if (text.length === 0) return undefined;
  const timestamp: unknown = activity.timestamp;
  const at = timestamp instanceof Date ? timestamp : new Date(typeof timestamp === 'string' ? timestamp : 0);
  const agent = agentName(activity);
  if (agent) return { from: 'agent', text, at: at.toISOString(), agentName: agent };
  return { from: activity.from?.role === 'user' ? 'user' : 'bot', text, at: at.toISOString() };
}

/** Every stored activity of a conversation, oldest first, following continuation tokens. */
export async function readTranscriptActivities(
  store: TranscriptStore,
  channelId: string,
  conversationId: string,
  options: { maxPages?: number } = {},
): Promise<Activity[]> {
  const maxPages = options.maxPages ?? 1000;
  const activities: Activity[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await store.getTranscriptActivities(channelId, conversationId, token);
    activities.push(...result.items);
    token = result.continuationToken;
    if (!token) break;
  }
  return activities;
}

/**
 * The whole (redacted) transcript of a conversation as simple `{from, text, at}` lines; with `open`,
 * each line whose words as written were sealed also carries them as `clearText`.
 */
export async function readTranscriptLines(
  store: TranscriptStore,
  channelId: string,
  conversationId: string,
  open?: OpenSealedText,
): Promise<TranscriptLine[]> {
  const activities = await readTranscriptActivities(store, channelId, conversationId);
  const lines: TranscriptLine[] = [];
  for (const activity of activities) {
    const line = toTranscriptLine(activity);
    if (!line) continue;
    const sealed = open ? sealedTextOf(activity) : undefined;
    const clearText = sealed === undefined ? undefined : open?.(sealed);
    lines.push(clearText === undefined ? line : { ...line, clearText });
  }
  return lines;
}
