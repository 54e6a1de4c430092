import type { Middleware, TurnContext } from 'botbuilder';
import { stripMentions, type MentionEntity } from './stripMentions';

export const teamsChannelId = 'msteams';

const tenantKey = Symbol('tandem.teams.tenantId');

/** The Microsoft 365 tenant of this Teams turn (from channelData.tenant.id), when there is one. */
export function teamsTenantId(context: TurnContext): string | undefined {
  return context.turnState.get(tenantKey) as string | undefined;
}

function tenantOf(context: TurnContext): string | undefined {
  const channelData: unknown = context.activity.channelData;
  const tenant = (channelData as { tenant?: { id?: unknown } } | undefined)?.tenant;
  if (typeof tenant?.id === 'string' && tenant.id.length > 0) return tenant.id;
  const fromConversation: unknown = (context.activity.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  return typeof fromConversation === 'string' && fromConversation.length > 0 ? fromConversation : undefined;
}

/**
 * Normalises inbound Teams activities before anything reads them: the bot's @mention is removed
 * from the text (others become plain names) and the tenant id is kept in turn state. Other channels
 * pass through untouched.
 */
export class TeamsInboundMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId === teamsChannelId) {
      const tenantId = tenantOf(context);
      if (tenantId !== undefined) context.turnState.set(tenantKey, tenantId);
      const { text } = context.activity;
      if (context.activity.type === 'message' && typeof text === 'string' && /<at[\s>]/i.test(text)) {
        context.activity.text = stripMentions(text, (context.activity.entities ?? []) as MentionEntity[], context.activity.recipient?.id);
      }
    }
    await next();
  }
}
