import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { buildApp, type App } from '../../src/buildApp';
import { loadConfig } from '../../src/config';
import { DirectLineTokens } from '../../src/http/directline/directLineTokens';
import { createLogger } from '../../src/observability/logger';
import { ChannelSink } from './channelSink';
import type { FuzzFixtures } from './fuzzCase';
import { memoryFingerprints, redisFingerprint } from './stateFingerprint';

export interface StateSnapshot {
  readonly digest: string;
  /** Per store (memory) or per key (Redis), to say what changed. */
  readonly parts: ReadonlyMap<string, string>;
}

export interface FuzzTarget {
  readonly app: App;
  readonly port: number;
  readonly fixtures: FuzzFixtures;
  /** Warning- and error-level log lines since the last `takeLogs()`. */
  takeLogs(): Record<string, unknown>[];
  /** Waits until no turn or agent request is in flight, so the stores are at rest; false if one outlives `timeoutMs`. */
  settle(timeoutMs: number): Promise<boolean>;
  snapshot(): Promise<StateSnapshot>;
  stop(): Promise<void>;
}

export interface FuzzTargetOptions {
  /** Redis mode: the server and a key prefix of the run's own. */
  readonly redis?: { readonly url: string; readonly keyPrefix: string };
}

const agentToken = 'dev-agent-token';
const supervisorToken = 'dev-supervisor-token';

/** Names the parts of two snapshots that differ. */
export function changedParts(before: StateSnapshot, after: StateSnapshot): string[] {
  const names = new Set([...before.parts.keys(), ...after.parts.keys()]);
  return [...names].filter((name) => before.parts.get(name) !== after.parts.get(name)).map((name) => {
    if (!before.parts.has(name)) return `+${name}`;
    if (!after.parts.has(name)) return `-${name}`;
    return `~${name}`;
  });
}

async function call(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function startChat(baseUrl: string): Promise<{ conversationId: string; token: string; userId: string }> {
  const session = await call(baseUrl, 'POST', '/chat/token');
  const token = String(session.json.token);
  const started = await call(baseUrl, 'POST', '/v3/directline/conversations', { token });
  if (started.status !== 201) throw new Error(`fixture: web chat did not start (${started.status})`);
  return { conversationId: String(session.json.conversationId), token, userId: String(session.json.userId) };
}

async function handoffConversation(baseUrl: string, serviceUrl: string, conversationId: string): Promise<void> {
  const activity = {
    type: 'message',
    id: `fixture-${conversationId}`,
    channelId: 'test',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'tandem' },
    text: 'I want to talk to a human agent please',
    deliveryMode: 'expectReplies',
  };
  const answered = await call(baseUrl, 'POST', '/api/messages', { body: activity });
  if (answered.status !== 200) throw new Error(`fixture: handoff request answered ${answered.status}`);
}

/**
 * The real app (buildApp) on an ephemeral port, in memory or on Redis, with rate limits raised so
 * that the fuzz cases reach the code behind them, and the fixtures the generator aims at: two web
 * chats, an expired and a forged token, a queued and an agent-owned conversation.
 */
export async function startFuzzTarget(options: FuzzTargetOptions = {}): Promise<FuzzTarget> {
  const logLines: Record<string, unknown>[] = [];
  const logger = createLogger('warn', {
    write: (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const directLineSecret = randomBytes(36).toString('base64url');
  const sink = await new ChannelSink().start();
  const high = '1000000';
  const config = loadConfig({
    LOG_LEVEL: 'error',
    DIRECTLINE_SECRET: directLineSecret,
    RATE_LIMIT_CHAT_TOKENS_PER_MINUTE: high,
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: high,
    RATE_LIMIT_TOKEN_REFRESHES_PER_MINUTE: high,
    RATE_LIMIT_ACTIVITIES_PER_MINUTE: high,
    RATE_LIMIT_MESSAGES_PER_MINUTE: high,
    AGENT_RATE_LIMIT_PER_SECOND: '100000',
    AGENT_RATE_LIMIT_BURST: '100000',
    // Nothing may change the stores behind the requests' backs: no sweeps, no presence expiring mid-run.
    HANDOFF_SWEEP_INTERVAL_SECONDS: '3600',
    AGENT_PRESENCE_TTL_SECONDS: '3600',
    HANDOFF_LEASE_SECONDS: '3600',
    ...(options.redis ? { REDIS_URL: options.redis.url, REDIS_KEY_PREFIX: options.redis.keyPrefix } : {}),
  });
  // The app's clock stands still: housekeeping that time drives (records past their retention dropped on
  // the next read, claims expiring) would otherwise show up as "state changed by a refused request".
  const startedAt = Date.now();
  const app = buildApp(config, { logger, clock: () => startedAt });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const port = (app.server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const reader = options.redis ? new Redis(options.redis.url, { maxRetriesPerRequest: 1 }) : undefined;

  const chat = await startChat(baseUrl);
  const otherChat = await startChat(baseUrl);
  const tokensOfThePast = new DirectLineTokens({ secret: directLineSecret, ttlSeconds: 900, now: () => Date.now() - 2 * 3600_000 });
  const heartbeat = await call(baseUrl, 'POST', '/api/agent/heartbeat', { token: agentToken, body: {} });
  if (heartbeat.status !== 200) throw new Error(`fixture: heartbeat answered ${heartbeat.status}`);
  const queuedConversationId = `fuzz-queued-${randomBytes(4).toString('hex')}`;
  const assignedConversationId = `fuzz-assigned-${randomBytes(4).toString('hex')}`;
  await handoffConversation(baseUrl, sink.url, queuedConversationId);
  await handoffConversation(baseUrl, sink.url, assignedConversationId);
  const claim = await call(baseUrl, 'POST', `/api/agent/conversations/${assignedConversationId}/claim`, { token: agentToken });
  if (claim.status !== 200) throw new Error(`fixture: claim answered ${claim.status} ${JSON.stringify(claim.json)}`);
  for (const id of [queuedConversationId, assignedConversationId]) {
    const record = await app.handoffPorts.store.getRecord(id);
    if (record?.state !== (id === queuedConversationId ? 'queued' : 'assigned')) throw new Error(`fixture: ${id} is ${record?.state}`);
  }

  const fixtures: FuzzFixtures = {
    serviceUrl: sink.url,
    directLineSecret,
    chat,
    otherChat,
    expiredChatToken: tokensOfThePast.issue(chat.conversationId, chat.userId).token,
    queuedConversationId,
    assignedConversationId,
    agentToken,
    supervisorToken,
  };

  const stores = {
    botState: app.backend.storage,
    transcripts: app.backend.transcripts,
    references: app.backend.references,
    dedupe: app.backend.dedupe,
    handoff: app.handoffPorts.store,
    insights: app.handoffPorts.insights,
    idempotency: app.handoffPorts.idempotency,
    presence: app.handoffPorts.presence,
    directLine: app.directLineStore,
  };

  return {
    app,
    port,
    fixtures,
    takeLogs: () => logLines.splice(0),
    settle: async (timeoutMs) => {
      const idle = await app.inflight.drain(timeoutMs);
      await new Promise((resolve) => setImmediate(resolve));
      return idle;
    },
    snapshot: async () => {
      if (reader && options.redis) {
        const { digest, keys } = await redisFingerprint(reader, `${options.redis.keyPrefix}:*`);
        return { digest, parts: keys };
      }
      const parts = new Map(Object.entries(memoryFingerprints(stores)));
      return { digest: [...parts.values()].join(''), parts };
    },
    stop: async () => {
      app.server.server.closeAllConnections();
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.close();
      await sink.stop();
      if (reader && options.redis) {
        let cursor = '0';
        do {
          const [next, keys] = await reader.scan(cursor, 'MATCH', `${options.redis.keyPrefix}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) await reader.del(...keys);
        } while (cursor !== '0');
        await reader.quit();
      }
    },
  };
}
