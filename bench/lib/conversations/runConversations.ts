import { randomUUID } from 'node:crypto';
import type { BotTarget } from './botTarget';
import { startConnectorSink } from './connectorSink';
import { httpCall } from './httpCall';
import { scriptedTurns, type ConversationTest, type TurnExpectation } from './transcriptFormat';

/** One expectation that did not hold. `turn` is 1-based; null for the conversation-level expectation. */
export interface ConversationFailure {
  readonly turn: number | null;
  readonly user: string | null;
  readonly expected: string;
  readonly got: string;
}

export interface ConversationResult {
  readonly id: string;
  readonly category: string;
  readonly passed: boolean;
  readonly failures: readonly ConversationFailure[];
  /** Intent expectations that could not be checked (the target does not expose intents). */
  readonly uncheckedIntents: number;
}

/**
 * How often a fresh app is started: once per conversation (isolated; measured 0.58 s a conversation on dev.jsonl)
 * or once for the whole file (0.17 s a conversation; conversations run in file order, so the ones that change an
 * order come last, and each handoff is closed by the agent before the next conversation).
 */
export const Isolation = { conversation: 'conversation', file: 'file' } as const;
export type Isolation = (typeof Isolation)[keyof typeof Isolation];

export interface RunOptions {
  /** Starts (or connects to) the bot; called once per conversation or once per run, as `isolation` says. */
  readonly startTarget: () => Promise<BotTarget>;
  readonly isolation: Isolation;
  /** Longest wait for one turn's HTTP response. */
  readonly turnTimeoutMs?: number;
  readonly onResult?: (result: ConversationResult) => void;
}

interface Activity {
  readonly type?: string;
  readonly name?: string;
  readonly text?: string;
  readonly value?: { reason?: unknown };
  readonly suggestedActions?: { actions?: { title?: string }[] };
  readonly attachments?: { content?: { buttons?: { title?: string }[] } }[];
}

interface TurnReplies {
  readonly texts: string[];
  readonly buttons: string[];
  readonly handoffReasons: string[];
}

/** Runs every conversation, each as a fresh conversation over POST /api/messages with expectReplies. */
export async function runConversations(tests: readonly ConversationTest[], options: RunOptions): Promise<ConversationResult[]> {
  const results: ConversationResult[] = [];
  const sink = await startConnectorSink();
  const shared = options.isolation === Isolation.file ? await options.startTarget() : undefined;
  try {
    for (const test of tests) {
      const target = shared ?? (await options.startTarget());
      try {
        const result = await runConversation(target, test, { serviceUrl: sink.url, turnTimeoutMs: options.turnTimeoutMs ?? 30_000 });
        results.push(result);
        options.onResult?.(result);
      } finally {
        if (!shared) await target.close();
      }
    }
  } finally {
    await shared?.close();
    await sink.close();
  }
  return results;
}

export interface ConversationOptions {
  /** Where the bot sends proactive messages (see connectorSink.ts). */
  readonly serviceUrl: string;
  readonly turnTimeoutMs: number;
}

export async function runConversation(target: BotTarget, test: ConversationTest, options: ConversationOptions): Promise<ConversationResult> {
  const conversationId = `eval-${randomUUID()}`;
  const failures: ConversationFailure[] = [];
  if (test.agents === 'none') {
    if (!target.signOutAgents) {
      const skipped = { turn: null, user: null, expected: 'no agent online', got: 'agents cannot be signed out of a bot given by --url' };
      return { id: test.id, category: test.category, passed: false, failures: [skipped], uncheckedIntents: 0 };
    }
    await target.signOutAgents();
  } else {
    await signInAgent(target, options.turnTimeoutMs);
  }
  const handoffReasons: string[] = [];
  let uncheckedIntents = 0;
  let intentMarker = target.intents ? (await target.intents(conversationId)).marker : '';

  const turns = scriptedTurns(test);
  for (const [index, turn] of turns.entries()) {
    const replies = await sendTurn(target, conversationId, turn.user, options);
    handoffReasons.push(...replies.handoffReasons);
    let intent: string | undefined;
    if (target.intents) {
      const recorded = await target.intents(conversationId);
      intent = recorded.marker !== intentMarker ? (recorded.intent ?? 'none') : 'none';
      intentMarker = recorded.marker;
    } else if (turn.expect.intent !== undefined) {
      uncheckedIntents++;
    }
    for (const problem of checkTurn(turn.expect, replies, intent)) failures.push({ turn: index + 1, user: turn.user, ...problem });
  }

  const expectHandoff = test.expect?.handoff;
  const handedOff = handoffReasons.length > 0;
  if (expectHandoff !== undefined && expectHandoff !== handedOff) {
    failures.push({
      turn: null,
      user: null,
      expected: expectHandoff ? 'a handoff (handoff.initiate) in the conversation' : 'no handoff in the conversation',
      got: handedOff ? `handoff.initiate with reason ${handoffReasons[0]}` : 'no handoff.initiate',
    });
  }
  if (handedOff) await closeHandoff(target, conversationId, options.turnTimeoutMs);
  const reason = test.expect?.reason;
  if (reason !== undefined && handedOff && handoffReasons[0] !== reason) {
    failures.push({ turn: null, user: null, expected: `handoff reason ${reason}`, got: `handoff reason ${handoffReasons[0]}` });
  }
  return { id: test.id, category: test.category, passed: failures.length === 0, failures, uncheckedIntents };
}

function checkTurn(expect: TurnExpectation, replies: TurnReplies, intent: string | undefined): Omit<ConversationFailure, 'turn' | 'user'>[] {
  const said = replies.texts.join('\n');
  const got = said.length > 0 ? said : '(no message reply)';
  const problems: Omit<ConversationFailure, 'turn' | 'user'>[] = [];
  if (expect.reply_matches !== undefined && !new RegExp(expect.reply_matches, 'i').test(said)) {
    problems.push({ expected: `reply matching /${expect.reply_matches}/i`, got });
  }
  if (expect.reply_not_matches !== undefined) {
    const hit = new RegExp(expect.reply_not_matches, 'i').exec(said);
    if (hit) problems.push({ expected: `reply not matching /${expect.reply_not_matches}/i (matched "${hit[0]}")`, got });
  }
  const offered = replies.buttons.join('\n');
  const shown = replies.buttons.length > 0 ? replies.buttons.map((b) => `[${b}]`).join(' ') : '(no buttons)';
  if (expect.buttons_match !== undefined && !new RegExp(expect.buttons_match, 'i').test(offered)) {
    problems.push({ expected: `buttons matching /${expect.buttons_match}/i`, got: shown });
  }
  if (expect.buttons_not_match !== undefined) {
    const hit = new RegExp(expect.buttons_not_match, 'i').exec(offered);
    if (hit) problems.push({ expected: `no button matching /${expect.buttons_not_match}/i (matched "${hit[0]}")`, got: shown });
  }
  if (expect.intent !== undefined && intent !== undefined && !new RegExp(`^(?:${expect.intent})$`, 'i').test(intent)) {
    problems.push({ expected: `intent /^(?:${expect.intent})$/`, got: `intent ${intent}` });
  }
  if (expect.handoff !== undefined && expect.handoff !== replies.handoffReasons.length > 0) {
    problems.push({
      expected: expect.handoff ? 'handoff.initiate on this turn' : 'no handoff.initiate on this turn',
      got: replies.handoffReasons.length > 0 ? `handoff.initiate (${replies.handoffReasons[0]}); said: ${got}` : `no handoff.initiate; said: ${got}`,
    });
  }
  return problems;
}

/** Signs the agent in (presence lasts AGENT_PRESENCE_TTL_SECONDS, so this runs before every conversation). */
async function signInAgent(target: BotTarget, timeoutMs: number): Promise<void> {
  const response = await httpCall(`${target.baseUrl}/api/agent/heartbeat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.agentToken}`, 'content-type': 'application/json' },
    body: '{}',
    timeoutMs,
  });
  if (response.status !== 200) {
    throw new Error(`the agent could not sign in at ${target.baseUrl} (POST /api/agent/heartbeat gave HTTP ${response.status}); check --agent-token`);
  }
}

/**
 * Takes a conversation the test handed off out of the queue (claim, then release as resolved), so the next
 * conversation on the same bot is not told it waits behind it.
 */
async function closeHandoff(target: BotTarget, conversationId: string, timeoutMs: number): Promise<void> {
  const call = (method: string, path: string, body?: unknown) =>
    httpCall(`${target.baseUrl}/api/agent/conversations/${encodeURIComponent(conversationId)}${path}`, {
      method,
      headers: { authorization: `Bearer ${target.agentToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      timeoutMs,
    });
  const pack = await call('GET', '');
  if (pack.status !== 200) return;
  const { state } = JSON.parse(pack.text) as { state?: string };
  if (state !== 'queued' && state !== 'assigned') return;
  if (state === 'queued') await call('POST', '/claim', {});
  await call('POST', '/release', { disposition: 'resolved' });
}

async function sendTurn(target: BotTarget, conversationId: string, text: string, options: ConversationOptions): Promise<TurnReplies> {
  const response = await httpCall(`${target.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    timeoutMs: options.turnTimeoutMs,
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      channelId: 'test',
      serviceUrl: options.serviceUrl,
      conversation: { id: conversationId },
      from: { id: `user-${conversationId}`, role: 'user' },
      recipient: { id: 'tandem', role: 'bot' },
      text,
      deliveryMode: 'expectReplies',
    }),
  });
  const body = response.text;
  if (response.status !== 200) {
    return { texts: [`(HTTP ${response.status}: ${body.slice(0, 200)})`], buttons: [], handoffReasons: [] };
  }
  const activities = body ? ((JSON.parse(body) as { activities?: Activity[] }).activities ?? []) : [];
  const messages = activities.filter((a) => a.type === 'message');
  return {
    texts: messages.map((a) => a.text ?? ''),
    buttons: messages.flatMap((a) => [
      ...(a.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
      ...(a.attachments ?? []).flatMap((attachment) => (attachment.content?.buttons ?? []).map((button) => button.title ?? '')),
    ]),
    handoffReasons: activities.filter((a) => a.type === 'event' && a.name === 'handoff.initiate').map((a) => String(a.value?.reason ?? '')),
  };
}
