import type { Activity, TranscriptStore } from 'botbuilder';
import type { TranscriptStoreOptions } from '../../../src/storage/transcriptPaging';
import { readTranscriptActivities, readTranscriptLines } from '../../../src/storage/transcriptLines';
import { AesGcmSealer } from '../../../src/privacy/textSealer';

export type TranscriptStoreFactory = (options?: Partial<TranscriptStoreOptions>) => TranscriptStore;

const base = Date.parse('2024-05-01T10:00:00.000Z');

function message(n: number, overrides: Partial<Activity> = {}): Activity {
  return {
    type: 'message',
    id: `act-${n}`,
    channelId: 'webchat',
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Jane Roe', role: 'user' },
    recipient: { id: 'bot', name: 'Tandem', role: 'bot' },
    timestamp: new Date(base + n * 1000),
    text: `message ${n}`,
    ...overrides,
  } as Activity;
}

const ids = (items: Array<Partial<Activity>>) => items.map((a) => a.id);

/** The botbuilder TranscriptStore contract (plus redaction, order and cap), for any implementation. */
export function transcriptStoreContract(create: TranscriptStoreFactory): void {
  it('returns nothing for an unknown conversation', async () => {
    const store = create();
    await expect(store.getTranscriptActivities('webchat', 'nobody')).resolves.toEqual({ items: [], continuationToken: '' });
    await expect(store.listTranscripts('webchat')).resolves.toEqual({ items: [], continuationToken: '' });
  });

  it('stores a PII-redacted copy and leaves the logged activity untouched', async () => {
    const store = create();
    const original = message(1, { text: 'I am jane@roe.com, born 01/02/1980, call 555-123-4567', value: { card: '4111111111111111' } });
    const before = JSON.stringify(original);
    await store.logActivity(original);
    expect(JSON.stringify(original)).toBe(before);
    const [stored] = (await store.getTranscriptActivities('webchat', 'conv-1')).items;
    expect(stored?.text).toBe('I am [email], born [date], call [phone]');
    expect(stored?.value).toBe('[redacted]');
    expect(stored?.from).toEqual({ id: 'user-1', name: '[name]', role: 'user' });
    expect(stored?.id).toBe('act-1');
    expect(stored?.conversation.id).toBe('conv-1');
    expect(stored?.timestamp).toEqual(new Date(base + 1000));
  });

  it('with a sealer, keeps the words as written sealed beside the redacted copy, for readers that can open them', async () => {
    const sealer = AesGcmSealer.ephemeral();
    const store = create({ sealer });
    const said = 'my SSN is 123-45-6789';
    await store.logActivity(message(1, { text: said }));
    await store.logActivity(message(2, { text: 'nothing personal' }));
    const activities = await readTranscriptActivities(store, 'webchat', 'conv-1');
    expect(activities.map((a) => a.text)).toEqual(['my SSN is [ssn]', 'nothing personal']);
    expect(JSON.stringify(activities)).not.toMatch(/6789|tandemSealedText/);
    const opened = await readTranscriptLines(store, 'webchat', 'conv-1', (sealed) => sealer.open(sealed, 'conv-1'));
    expect(opened.map((l) => [l.text, l.clearText])).toEqual([['my SSN is [ssn]', said], ['nothing personal', undefined]]);
    const elsewhere = await readTranscriptLines(store, 'webchat', 'conv-1', (sealed) => sealer.open(sealed, 'conv-2'));
    expect(elsewhere.map((l) => l.clearText)).toEqual([undefined, undefined]);
  });

  it('gives an activity without a timestamp the time it was logged', async () => {
    const store = create();
    const before = Date.now();
    await store.logActivity(message(1, { timestamp: undefined }));
    const [stored] = (await store.getTranscriptActivities('webchat', 'conv-1')).items;
    expect(stored?.timestamp).toBeInstanceOf(Date);
    expect(stored?.timestamp?.getTime()).toBeGreaterThanOrEqual(before - 5);
  });

  it("logs a user's activity once per id (a channel's retry after a refused turn), and bot activities every time", async () => {
    const store = create();
    await store.logActivity(message(1));
    await store.logActivity(message(1, { text: 'the retry of message 1' }));
    const reply = { ...message(2), from: { id: 'bot', name: 'Tandem', role: 'bot' } } as Activity;
    await store.logActivity(reply);
    await store.logActivity(reply);
    await store.logActivity(message(3, { id: undefined } as Partial<Activity>));
    await store.logActivity(message(3, { id: undefined } as Partial<Activity>));
    const { items } = await store.getTranscriptActivities('webchat', 'conv-1');
    expect(items.map((a) => a.text)).toEqual(['message 1', 'message 2', 'message 2', 'message 3', 'message 3']);
  });

  it('pages through a conversation with continuation tokens', async () => {
    const store = create({ pageSize: 3 });
    for (let n = 1; n <= 7; n += 1) await store.logActivity(message(n));
    const first = await store.getTranscriptActivities('webchat', 'conv-1');
    expect(ids(first.items)).toEqual(['act-1', 'act-2', 'act-3']);
    expect(first.continuationToken).not.toBe('');
    const second = await store.getTranscriptActivities('webchat', 'conv-1', first.continuationToken);
    expect(ids(second.items)).toEqual(['act-4', 'act-5', 'act-6']);
    const third = await store.getTranscriptActivities('webchat', 'conv-1', second.continuationToken);
    expect(ids(third.items)).toEqual(['act-7']);
    expect(third.continuationToken).toBe('');
  });

  it('ends with an empty token when the last page is exactly full', async () => {
    const store = create({ pageSize: 3 });
    for (let n = 1; n <= 3; n += 1) await store.logActivity(message(n));
    const page = await store.getTranscriptActivities('webchat', 'conv-1');
    expect(page.items).toHaveLength(3);
    expect(page.continuationToken).toBe('');
  });

  it('keeps only activities at or after startDate, across pages', async () => {
    const store = create({ pageSize: 2 });
    for (let n = 1; n <= 6; n += 1) await store.logActivity(message(n));
    const startDate = new Date(base + 4000);
    const first = await store.getTranscriptActivities('webchat', 'conv-1', undefined, startDate);
    expect(ids(first.items)).toEqual(['act-4', 'act-5']);
    const second = await store.getTranscriptActivities('webchat', 'conv-1', first.continuationToken, startDate);
    expect(ids(second.items)).toEqual(['act-6']);
    expect(second.continuationToken).toBe('');
  });

  it('stores activities in call order even when calls are not awaited one by one', async () => {
    const store = create({ pageSize: 50 });
    // botbuilder's TranscriptLoggerMiddleware fires logActivity without awaiting the previous call.
    await Promise.all(Array.from({ length: 30 }, (_unused, i) => store.logActivity(message(i + 1, { timestamp: new Date(base) }))));
    const page = await store.getTranscriptActivities('webchat', 'conv-1');
    expect(ids(page.items)).toEqual(Array.from({ length: 30 }, (_unused, i) => `act-${i + 1}`));
  });

  it('caps a conversation at maxActivitiesPerConversation, dropping the oldest', async () => {
    const store = create({ pageSize: 2, maxActivitiesPerConversation: 5 });
    for (let n = 1; n <= 4; n += 1) await store.logActivity(message(n));
    const early = await store.getTranscriptActivities('webchat', 'conv-1');
    expect(ids(early.items)).toEqual(['act-1', 'act-2']);
    for (let n = 5; n <= 8; n += 1) await store.logActivity(message(n));
    const all = await readTranscriptActivities(store, 'webchat', 'conv-1');
    expect(ids(all)).toEqual(['act-4', 'act-5', 'act-6', 'act-7', 'act-8']);
    // A token into the dropped part resumes at the oldest activity still kept.
    const resumed = await store.getTranscriptActivities('webchat', 'conv-1', early.continuationToken);
    expect(ids(resumed.items)).toEqual(['act-4', 'act-5']);
  });

  it('lists the conversations of a channel, oldest first, in pages', async () => {
    const store = create({ pageSize: 2 });
    for (const [i, id] of ['conv-a', 'conv-b', 'conv-c'].entries()) {
      await store.logActivity(message(1, { conversation: { id, isGroup: false, conversationType: 'personal', name: '' }, timestamp: new Date(base + i * 60_000) }));
      await store.logActivity(message(2, { conversation: { id, isGroup: false, conversationType: 'personal', name: '' }, timestamp: new Date(base + i * 60_000 + 5) }));
    }
    await store.logActivity(message(1, { channelId: 'msteams', conversation: { id: 'teams-1', isGroup: false, conversationType: 'personal', name: '' } }));
    const first = await store.listTranscripts('webchat');
    expect(first.items).toEqual([
      { channelId: 'webchat', id: 'conv-a', created: new Date(base) },
      { channelId: 'webchat', id: 'conv-b', created: new Date(base + 60_000) },
    ]);
    const second = await store.listTranscripts('webchat', first.continuationToken);
    expect(second.items.map((t) => t.id)).toEqual(['conv-c']);
    expect(second.continuationToken).toBe('');
    expect((await store.listTranscripts('msteams')).items.map((t) => t.id)).toEqual(['teams-1']);
  });

  it('forgets a conversation once its lifetime (ttlSeconds) has passed since its last activity', async () => {
    const store = create({ ttlSeconds: 1 });
    await store.logActivity(message(1, { conversation: { id: 'short-lived', isGroup: false, conversationType: 'personal', name: '' } }));
    expect((await store.getTranscriptActivities('webchat', 'short-lived')).items).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await store.getTranscriptActivities('webchat', 'short-lived')).items).toEqual([]);
    expect((await store.listTranscripts('webchat')).items.map((t) => t.id)).not.toContain('short-lived');
  });

  it('deletes one conversation and nothing else', async () => {
    const store = create();
    await store.logActivity(message(1));
    await store.logActivity(message(2, { conversation: { id: 'conv-2', isGroup: false, conversationType: 'personal', name: '' } }));
    await store.deleteTranscript('webchat', 'conv-1');
    await expect(store.getTranscriptActivities('webchat', 'conv-1')).resolves.toMatchObject({ items: [] });
    expect((await store.listTranscripts('webchat')).items.map((t) => t.id)).toEqual(['conv-2']);
    expect((await store.getTranscriptActivities('webchat', 'conv-2')).items).toHaveLength(1);
  });

  it('rejects activities without channel or conversation, and bad tokens, with BAD_REQUEST', async () => {
    const store = create();
    await expect(store.logActivity({ type: 'message', text: 'x' } as Activity)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.logActivity(message(1, { channelId: '' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.getTranscriptActivities('webchat', 'conv-1', 'not-a-token')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.listTranscripts('webchat', 'garbage')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.getTranscriptActivities('', 'conv-1')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(store.listTranscripts('webchat')).resolves.toMatchObject({ items: [] });
  });

  it('reads a whole conversation as user, bot and agent lines', async () => {
    const store = create({ pageSize: 2 });
    await store.logActivity(message(1, { text: 'my email is jane@roe.com' }));
    await store.logActivity(message(2, { from: { id: 'bot', name: 'Tandem', role: 'bot' }, text: 'Let me get someone.' }));
    await store.logActivity(message(3, { type: 'typing', text: undefined, from: { id: 'bot', name: 'Tandem', role: 'bot' } }));
    await store.logActivity(message(4, { from: { id: 'bot', name: 'Tandem', role: 'bot' }, text: 'Hi, Dana here.', channelData: { agent: { name: 'Dana' } } }));
    await store.logActivity(message(5, { text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'https://x/y.png' }] }));
    await expect(readTranscriptLines(store, 'webchat', 'conv-1')).resolves.toEqual([
      { from: 'user', text: 'my email is [email]', at: new Date(base + 1000).toISOString() },
      { from: 'bot', text: 'Let me get someone.', at: new Date(base + 2000).toISOString() },
      { from: 'agent', text: 'Hi, Dana here.', at: new Date(base + 4000).toISOString(), agentName: 'Dana' },
      { from: 'user', text: '[attachment: image/png]', at: new Date(base + 5000).toISOString() },
    ]);
  });
}
