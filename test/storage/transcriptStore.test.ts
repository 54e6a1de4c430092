import type { Activity } from 'botbuilder';
import { MemoryTranscriptStore } from '../../src/storage/memory/memoryTranscriptStore';
import { RedisTranscriptStore } from '../../src/storage/redis/redisTranscriptStore';
import { describeRedis } from '../support/redis';
import { transcriptStoreContract } from './contracts/transcriptStoreContract';
import { useRedisFixture } from './redisFixture';

describe('MemoryTranscriptStore', () => {
  transcriptStoreContract((options) => new MemoryTranscriptStore(options));

  const line = (conversationId: string) =>
    ({
      type: 'message',
      channelId: 'webchat',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'u', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      timestamp: new Date('2024-05-01T10:00:00.000Z'),
      text: 'hello',
    }) as Activity;

  it('stays within maxConversations by dropping the earliest conversations first', async () => {
    const store = new MemoryTranscriptStore({ maxConversations: 2 });
    for (const id of ['a', 'b', 'c']) await store.logActivity(line(id));
    expect((await store.listTranscripts('webchat')).items.map((t) => t.id).sort()).toEqual(['b', 'c']);
    expect((await store.getTranscriptActivities('webchat', 'a')).items).toEqual([]);
  });

  it('expires a conversation a lifetime after its last activity (injected clock)', async () => {
    let now = 0;
    const store = new MemoryTranscriptStore({ ttlSeconds: 60, now: () => now });
    await store.logActivity(line('a'));
    now = 50_000;
    await store.logActivity(line('a'));
    await store.logActivity(line('b'));
    now = 100_000;
    expect((await store.getTranscriptActivities('webchat', 'a')).items).toHaveLength(2);
    now = 111_000;
    expect((await store.getTranscriptActivities('webchat', 'a')).items).toEqual([]);
    expect((await store.listTranscripts('webchat')).items).toEqual([]);
  });
});

describeRedis('RedisTranscriptStore', () => {
  const fixture = useRedisFixture('transcript');
  transcriptStoreContract((options) => new RedisTranscriptStore(fixture.redis(), fixture.keys(), options));

  it('drops conversations whose transcript expired from the listing', async () => {
    const keys = fixture.keys();
    const store = new RedisTranscriptStore(fixture.redis(), keys, { ttlSeconds: 1 });
    await store.logActivity({
      type: 'message',
      id: 'a1',
      channelId: 'webchat',
      conversation: { id: 'short-lived', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'u', role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      text: 'hello',
    } as Activity);
    expect((await store.listTranscripts('webchat')).items.map((t) => t.id)).toEqual(['short-lived']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(store.listTranscripts('webchat')).resolves.toEqual({ items: [], continuationToken: '' });
    await expect(fixture.redis().zcard(keys.transcriptIndex('webchat'))).resolves.toBe(0);
  });
});

describe('MemoryTranscriptStore bounds', () => {
  it('keeps at most maxConversations, dropping the earliest created', async () => {
    const store = new MemoryTranscriptStore({ maxConversations: 2 });
    for (const id of ['c1', 'c2', 'c3']) {
      await store.logActivity({
        type: 'message',
        channelId: 'webchat',
        conversation: { id, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: 'u', role: 'user' },
        recipient: { id: 'bot', role: 'bot' },
        text: id,
      } as Activity);
    }
    expect((await store.listTranscripts('webchat')).items.map((t) => t.id)).toEqual(['c2', 'c3']);
    await expect(store.getTranscriptActivities('webchat', 'c1')).resolves.toMatchObject({ items: [] });
  });
});
