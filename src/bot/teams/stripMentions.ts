/** The part of a Teams `mention` entity that matters here. */
export interface MentionEntity {
  readonly type?: string;
  readonly text?: string;
  readonly mentioned?: { readonly id?: string };
}

const atTag = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;

/**
 * Removes the bot's own `<at>…</at>` mention from a Teams message and unwraps everybody else's to
 * the plain name, so "<at>Tandem</at> ask <at>Kim</at> to call me" reads "ask Kim to call me". With
 * no mention entities to tell them apart, mentions that open the message are taken as the bot's.
 */
export function stripMentions(text: string, entities: readonly MentionEntity[] = [], botId?: string): string {
  const mentions = entities.filter((entity) => entity.type === 'mention' && typeof entity.text === 'string');
  const botTags = new Set(
    mentions.filter((entity) => botId !== undefined && entity.mentioned?.id === botId).map((entity) => entity.text!.trim()),
  );
  const leading = mentions.length === 0 ? leadingMentionsLength(text) : 0;
  const cleaned = text.replace(atTag, (tag: string, name: string, offset: number) => {
    const isBot = mentions.length > 0 ? botTags.has(tag.trim()) : offset < leading;
    return isBot ? ' ' : name.trim();
  });
  return cleaned.replace(/\s+/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim();
}

function leadingMentionsLength(text: string): number {
  const match = /^(?:\s*<at(?:\s[^>]*)?>[\s\S]*?<\/at>)+/i.exec(text);
  return match ? match[0].length : 0;
}
