import { redactPii } from '../../privacy/redactPii';
import type { TextSealer } from '../../privacy/textSealer';
import { sealedTextField } from '../sealedText';
import type { ActivityPage, AppendOptions, AppendResult, DirectLineConversation, DirectLineStore, StoredActivity } from './directLineStore';

/**
 * Web chat history without personal data at rest: a message's text is stored redacted, with the words
 * as written sealed beside it, and opened again only when the history is served to the conversation's
 * own token holder. Without a sealer the customer's history shows the redacted text.
 */
export class SealedDirectLineStore implements DirectLineStore {
  constructor(
    private readonly inner: DirectLineStore,
    private readonly sealer: TextSealer | undefined,
  ) {}

  create(conversation: DirectLineConversation): Promise<boolean> {
    return this.inner.create(conversation);
  }

  get(conversationId: string): Promise<DirectLineConversation | undefined> {
    return this.inner.get(conversationId);
  }

  append(conversationId: string, activity: StoredActivity, options?: AppendOptions): Promise<AppendResult | undefined> {
    return this.inner.append(conversationId, this.seal(conversationId, activity), options);
  }

  async list(conversationId: string, after: number): Promise<ActivityPage | undefined> {
    const page = await this.inner.list(conversationId, after);
    return page && { ...page, activities: page.activities.map((activity) => this.open(conversationId, activity)) };
  }

  replace(conversationId: string, id: string, activity: StoredActivity): Promise<boolean> {
    return this.inner.replace(conversationId, id, this.seal(conversationId, activity));
  }

  private seal(conversationId: string, activity: StoredActivity): StoredActivity {
    const { text } = activity;
    if (typeof text !== 'string') return activity;
    const redacted = redactPii(text);
    if (redacted === text) return activity;
    return { ...activity, text: redacted, ...(this.sealer ? { [sealedTextField]: this.sealer.seal(text, conversationId) } : {}) };
  }

  private open(conversationId: string, activity: StoredActivity): StoredActivity {
    const { [sealedTextField]: sealed, ...rest } = activity;
    if (typeof sealed !== 'string') return rest;
    const text = this.sealer?.open(sealed, conversationId);
    return text === undefined ? rest : { ...rest, text };
  }
}
