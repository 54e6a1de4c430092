import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../src/buildApp';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/observability/logger';
import { devAgentToken } from './conversationDefaults';

/** The intent the bot recorded for a conversation's latest turn, or undefined when it recorded none. */
export interface RecordedIntent {
  readonly intent: string | null;
  /** Changes whenever the bot records a turn (the list is bounded, so its length alone is not enough). */
  readonly marker: string;
}

/** A running Tandem that conversation tests talk to over HTTP. */
export interface BotTarget {
  readonly baseUrl: string;
  /** Bearer token of an agent who signs in, so that a handoff queues instead of becoming a callback. */
  readonly agentToken: string;
  /** Only in process: signs every agent out, for conversations that need nobody online. */
  readonly signOutAgents?: () => Promise<void>;
  /** Only in process: what the bot recorded per turn, for intent expectations. */
  readonly intents?: (conversationId: string) => Promise<RecordedIntent>;
  close(): Promise<void>;
}



export interface InProcessOptions {
  /** Where the bot's clock starts; it then advances with real time. Omit for the system clock. */
  readonly clockStart?: Date;
}

/**
 * A fresh Tandem in this process on an ephemeral port, on embedded defaults only (memory state, sample orders
 * and calendar, no LLM): the developer's environment is not read.
 */
export async function startInProcessTandem(options: InProcessOptions = {}): Promise<BotTarget> {
  const { clockStart } = options;
  // The clock still moves, so queue waits and rate limits behave; only the date is pinned.
  const startedAt = Date.now();
  const clock = clockStart ? () => clockStart.getTime() + (Date.now() - startedAt) : undefined;
  // The runner signs its agent in before every conversation; one-turn conversations on a fast machine would
  // outrun the agent API's per-agent budget (20/s) and fail on 429s that say nothing about the bot.
  const config = loadConfig({ LOG_LEVEL: 'silent', AGENT_RATE_LIMIT_PER_SECOND: '100000', AGENT_RATE_LIMIT_BURST: '100000' });
  const app = buildApp(config, { logger: silentLogger, ...(clock ? { clock } : {}) });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    agentToken: devAgentToken,
    signOutAgents: async () => {
      const { presence } = app.handoffPorts;
      for (const agentId of await presence.online()) await presence.offline(agentId);
    },
    intents: async (conversationId) => {
      const { intents } = await app.handoffPorts.insights.get(conversationId);
      const last = intents.at(-1);
      return { intent: last?.intent ?? null, marker: `${intents.length}@${last?.at ?? ''}` };
    },
    close: async () => {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.close();
    },
  };
}

/** A Tandem someone else runs; it must accept anonymous /api/messages and know the agent token. */
export function remoteTandem(baseUrl: string, agentToken: string): BotTarget {
  return { baseUrl: baseUrl.replace(/\/+$/, ''), agentToken, close: async () => undefined };
}
