import type { ConversationReference } from 'botbuilder';
import type { ConversationReferenceStore } from '../../../src/storage/ports';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const reference = (id: string, serviceUrl = 'https://smba.example/'): Partial<ConversationReference> => ({
  activityId: 'a1',
  bot: { id: 'bot', name: 'Tandem', role: 'bot' },
  user: { id: 'user-1', name: 'Jane', role: 'user' },
  channelId: 'webchat',
  conversation: { id, isGroup: false, conversationType: 'personal', name: '' },
  serviceUrl,
  locale: 'en-US',
});

/** The ConversationReferenceStore contract, for any implementation. */
export function referenceStoreContract(create: (options?: { ttlSeconds?: number }) => ConversationReferenceStore): void {
  let store: ConversationReferenceStore;
  beforeEach(() => {
    store = create();
  });

  it('returns a saved reference by conversation id', async () => {
    await store.save(reference('conv-1'));
    await expect(store.get('conv-1')).resolves.toEqual(reference('conv-1'));
  });

  it('returns undefined for an unknown conversation', async () => {
    await expect(store.get('nobody')).resolves.toBeUndefined();
  });

  it('replaces a reference when the conversation is saved again', async () => {
    await store.save(reference('conv-1', 'https://old.example/'));
    await store.save(reference('conv-1', 'https://new.example/'));
    await expect(store.get('conv-1')).resolves.toMatchObject({ serviceUrl: 'https://new.example/' });
  });

  it('returns a copy that callers may change freely', async () => {
    await store.save(reference('conv-1'));
    const copy = await store.get('conv-1');
    if (copy?.conversation) copy.conversation.id = 'changed';
    await expect(store.get('conv-1')).resolves.toMatchObject({ conversation: { id: 'conv-1' } });
  });

  it('forgets a deleted reference', async () => {
    await store.save(reference('conv-1'));
    await store.save(reference('conv-2'));
    await store.delete('conv-1');
    await expect(store.get('conv-1')).resolves.toBeUndefined();
    await expect(store.get('conv-2')).resolves.toBeDefined();
  });

  it('rejects a reference without a conversation id with BAD_REQUEST', async () => {
    await expect(store.save({ channelId: 'webchat' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.get('')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('forgets a reference after the configured TTL', async () => {
    const expiring = create({ ttlSeconds: 1 });
    await expiring.save(reference('conv-ttl'));
    await expect(expiring.get('conv-ttl')).resolves.toBeDefined();
    await sleep(1100);
    await expect(expiring.get('conv-ttl')).resolves.toBeUndefined();
  });
}
