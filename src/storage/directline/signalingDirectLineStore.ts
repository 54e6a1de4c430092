import type { DirectLineSignal } from './directLineSignal';
import type { ActivityPage, AppendOptions, AppendResult, DirectLineConversation, DirectLineStore, StoredActivity } from './directLineStore';

/** Signals every new activity of a conversation once it is stored, so streams push it without polling. */
export class SignalingDirectLineStore implements DirectLineStore {
  constructor(
    private readonly inner: DirectLineStore,
    private readonly signal: Pick<DirectLineSignal, 'notify'>,
  ) {}

  create(conversation: DirectLineConversation): Promise<boolean> {
    return this.inner.create(conversation);
  }

  get(conversationId: string): Promise<DirectLineConversation | undefined> {
    return this.inner.get(conversationId);
  }

  async append(conversationId: string, activity: StoredActivity, options?: AppendOptions): Promise<AppendResult | undefined> {
    const appended = await this.inner.append(conversationId, activity, options);
    if (appended && !appended.duplicate) this.signal.notify(conversationId);
    return appended;
  }

  list(conversationId: string, after: number): Promise<ActivityPage | undefined> {
    return this.inner.list(conversationId, after);
  }

  /** Not signalled: streams push what lies past their watermark, and a replaced activity keeps its place. */
  replace(conversationId: string, id: string, activity: StoredActivity): Promise<boolean> {
    return this.inner.replace(conversationId, id, activity);
  }
}
