import { randomUUID } from 'node:crypto';
import { dedupeKey } from '../../src/bot/middleware/dedupeMiddleware';
import { call, testSecret } from './directline/directLineHarness';
import { message, post, type RunningApp, startApp } from '../support/startApp';

type Page = { activities: { text?: string; from: { role: string } }[] };

async function postRaw(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('Exactly-once turns over HTTP (memory state)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ DIRECTLINE_SECRET: testSecret });
  });
  afterAll(async () => {
    await running.stop();
  });

  it('answers a channel retry of a finished turn with nothing', async () => {
    const activity = message(`c-${randomUUID()}`, 'what are your opening hours');
    const first = await post(running.baseUrl, activity);
    expect(first.status).toBe(200);
    expect(first.json.activities?.length).toBeGreaterThan(0);
    const retry = await post(running.baseUrl, activity);
    expect(retry.status).toBe(200);
    expect(retry.json.activities ?? []).toEqual([]);
  });

  it('refuses a retry that arrives while the same activity is in progress with 503 + Retry-After, then answers it once', async () => {
    const conversationId = `c-${randomUUID()}`;
    const activity = message(conversationId, 'what are your opening hours');
    const key = dedupeKey('test', conversationId, String(activity.id));
    const held = await running.app.backend.dedupe.begin(key, 60_000);
    if (held.status !== 'started') throw new Error('lease not taken');

    const during = await postRaw(running.baseUrl, activity);
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('TURN_IN_PROGRESS');

    // The holder crashed: once its lease is gone the retry is processed, and only once.
    await running.app.backend.dedupe.abandon(key, held.token);
    const answered = await post(running.baseUrl, activity);
    expect(answered.json.activities?.length).toBeGreaterThan(0);
    expect((await post(running.baseUrl, activity)).json.activities ?? []).toEqual([]);
  });

  it('answers a Web Chat re-post with the same clientActivityID once, keeping one copy in the history', async () => {
    const started = await call(`${running.baseUrl}/v3/directline/conversations`, { method: 'POST', auth: testSecret });
    const { conversationId, token } = started.json as { conversationId: string; token: string };
    const url = `${running.baseUrl}/v3/directline/conversations/${conversationId}/activities`;
    const body = { type: 'message', text: 'what are your opening hours', channelData: { clientActivityID: 'wc-42' } };
    const first = await call(url, { auth: token, body });
    const again = await call(url, { auth: token, body });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const page = (await call(url, { auth: token })).json as Page;
    const userCopies = page.activities.filter((a) => a.from.role === 'user');
    const replies = page.activities.filter((a) => a.from.role === 'bot');
    expect(userCopies).toHaveLength(1);
    // The welcome, then the answer to the one question: a second answer would add a third reply.
    const afterQuestion = page.activities.slice(page.activities.indexOf(userCopies[0]!) + 1);
    expect(afterQuestion.length).toBeGreaterThan(0);
    expect(afterQuestion.every((a) => a.from.role === 'bot')).toBe(true);
    const secondPost = await call(url, { auth: token, body: { ...body, text: 'thanks', channelData: { clientActivityID: 'wc-43' } } });
    expect(secondPost.json.id).not.toBe(first.json.id);
    expect(replies.length).toBeGreaterThan(1);
  });
});
