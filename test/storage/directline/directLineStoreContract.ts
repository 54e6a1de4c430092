import type { DirectLineStore, DirectLineStoreOptions } from '../../../src/storage/directline/directLineStore';

export type DirectLineStoreFactory = (options: DirectLineStoreOptions) => DirectLineStore;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const defaults: DirectLineStoreOptions = { historyMax: 500, ttlSeconds: 3600 };
const conversation = (conversationId: string) => ({ conversationId, userId: 'dl_user', locale: 'en-US', createdAt: '2025-01-02T03:04:05.000Z' });

/** The DirectLineStore contract, run against every implementation. */
export function directLineStoreContract(create: DirectLineStoreFactory): void {
  let store: DirectLineStore;
  let n = 0;
  let conv: string;
  beforeEach(() => {
    store = create(defaults);
    n += 1;
    conv = `conv${n}-${Math.random().toString(36).slice(2, 10)}`;
  });

  it('creates a conversation once and reads it back', async () => {
    await expect(store.create(conversation(conv))).resolves.toBe(true);
    await expect(store.create({ ...conversation(conv), userId: 'someone_else' })).resolves.toBe(false);
    await expect(store.get(conv)).resolves.toEqual(conversation(conv));
    await expect(store.get(`${conv}-missing`)).resolves.toBeUndefined();
  });

  it('refuses to append to or list a conversation that does not exist', async () => {
    await expect(store.append(conv, { type: 'message', text: 'hi' })).resolves.toBeUndefined();
    await expect(store.list(conv, 0)).resolves.toBeUndefined();
  });

  it('numbers appended activities and lists them oldest first with their ids', async () => {
    await store.create(conversation(conv));
    await expect(store.append(conv, { type: 'message', text: 'one' })).resolves.toEqual({ id: `${conv}|0000001`, watermark: 1, duplicate: false });
    await expect(store.append(conv, { type: 'message', text: 'two', id: 'ignored' })).resolves.toEqual({ id: `${conv}|0000002`, watermark: 2, duplicate: false });
    const page = await store.list(conv, 0);
    expect(page).toEqual({
      activities: [
        { type: 'message', text: 'one', id: `${conv}|0000001` },
        { type: 'message', text: 'two', id: `${conv}|0000002` },
      ],
      watermark: 2,
    });
  });

  it('lists only activities newer than the watermark, and keeps the watermark when nothing is new', async () => {
    await store.create(conversation(conv));
    await store.append(conv, { type: 'message', text: 'one' });
    await store.append(conv, { type: 'message', text: 'two' });
    await expect(store.list(conv, 1)).resolves.toEqual({ activities: [{ type: 'message', text: 'two', id: `${conv}|0000002` }], watermark: 2 });
    await expect(store.list(conv, 2)).resolves.toEqual({ activities: [], watermark: 2 });
    await expect(store.list(conv, 99)).resolves.toEqual({ activities: [], watermark: 2 });
  });

  it('round-trips JSON faithfully (unicode, empty arrays and objects, nesting, identical activities)', async () => {
    await store.create(conversation(conv));
    const activity = { type: 'message', text: 'héllo 👋 <b>x</b> "q" \n line:2', attachments: [], channelData: {}, value: { a: [1, { b: null }] } };
    await store.append(conv, activity);
    await store.append(conv, activity);
    const page = await store.list(conv, 0);
    expect(page?.activities).toEqual([
      { ...activity, id: `${conv}|0000001` },
      { ...activity, id: `${conv}|0000002` },
    ]);
  });

  it('keeps only the newest historyMax activities, while numbering continues', async () => {
    store = create({ ...defaults, historyMax: 10 });
    await store.create(conversation(conv));
    for (let i = 1; i <= 15; i += 1) await store.append(conv, { type: 'message', text: `m${i}` });
    const page = await store.list(conv, 0);
    expect(page?.activities.map((a) => a.text)).toEqual(['m6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12', 'm13', 'm14', 'm15']);
    expect(page?.watermark).toBe(15);
  });

  it('returns at most 100 activities per page, and the rest from the returned watermark', async () => {
    await store.create(conversation(conv));
    for (let i = 1; i <= 120; i += 1) await store.append(conv, { type: 'message', text: `m${i}` });
    const first = await store.list(conv, 0);
    expect(first?.activities).toHaveLength(100);
    expect(first?.watermark).toBe(100);
    const second = await store.list(conv, first!.watermark);
    expect(second?.activities.map((a) => a.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 101}`));
    expect(second?.watermark).toBe(120);
  });

  it('keeps a re-posted client activity once and hands back the first id', async () => {
    await store.create(conversation(conv));
    const first = await store.append(conv, { type: 'message', text: 'hi' }, { clientActivityId: 'wc-1' });
    expect(first).toEqual({ id: `${conv}|0000001`, watermark: 1, duplicate: false });
    await expect(store.append(conv, { type: 'message', text: 'hi' }, { clientActivityId: 'wc-1' })).resolves.toEqual({ ...first, duplicate: true });
    await expect(store.append(conv, { type: 'message', text: 'hi' }, { clientActivityId: 'wc-2' })).resolves.toEqual({ id: `${conv}|0000002`, watermark: 2, duplicate: false });
    await expect(store.append(conv, { type: 'message', text: 'hi' })).resolves.toMatchObject({ watermark: 3, duplicate: false });
    await store.create(conversation(`${conv}-other`));
    await expect(store.append(`${conv}-other`, { type: 'message' }, { clientActivityId: 'wc-1' })).resolves.toMatchObject({ duplicate: false });
    expect((await store.list(conv, 0))?.activities).toHaveLength(3);
  });

  it('keeps conversations apart', async () => {
    await store.create(conversation(conv));
    await store.create(conversation(`${conv}-b`));
    await store.append(conv, { type: 'message', text: 'a1' });
    await expect(store.append(`${conv}-b`, { type: 'message', text: 'b1' })).resolves.toEqual({ id: `${conv}-b|0000001`, watermark: 1, duplicate: false });
    expect((await store.list(conv, 0))?.activities.map((a) => a.text)).toEqual(['a1']);
  });

  it('replaces a kept activity in place, and refuses unknown or foreign ids', async () => {
    await store.create(conversation(conv));
    const { id } = (await store.append(conv, { type: 'message', text: 'draft' }))!;
    await store.append(conv, { type: 'message', text: 'after' });
    await expect(store.replace(conv, id, { type: 'message', text: 'final' })).resolves.toBe(true);
    await expect(store.replace(conv, `${conv}|0000009`, { type: 'message', text: 'x' })).resolves.toBe(false);
    await expect(store.replace(conv, `other|0000001`, { type: 'message', text: 'x' })).resolves.toBe(false);
    await expect(store.replace(conv, 'not-an-id', { type: 'message', text: 'x' })).resolves.toBe(false);
    expect((await store.list(conv, 0))?.activities).toEqual([
      { type: 'message', text: 'final', id },
      { type: 'message', text: 'after', id: `${conv}|0000002` },
    ]);
  });

  it('forgets a conversation after its TTL', async () => {
    store = create({ ...defaults, ttlSeconds: 1 });
    await store.create(conversation(conv));
    await store.append(conv, { type: 'message', text: 'soon gone' });
    await sleep(1150);
    await expect(store.get(conv)).resolves.toBeUndefined();
    await expect(store.list(conv, 0)).resolves.toBeUndefined();
    await expect(store.create(conversation(conv))).resolves.toBe(true);
    await expect(store.list(conv, 0)).resolves.toEqual({ activities: [], watermark: 0 });
  });
}
