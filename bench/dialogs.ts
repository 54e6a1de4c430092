/**
 * `npm run bench:dialogs [-- --conversations 20 --redis redis://127.0.0.1:6379 --no-redis]`
 * Turn latency (p50/p99) of whole dialog flows through POST /api/messages (expectReplies), with the
 * real NLU, dialogs and domain services: a six-turn appointment booking and a full patient intake,
 * in memory mode and in Redis mode (bot state, bookings and intake records in Redis). Each reply is
 * checked, so a flow that went astray is counted rather than timed as if it worked.
 */
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { cpus } from 'node:os';
import type { Server } from 'restify';
import { buildApp } from '../src/buildApp';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/observability/logger';
import { messageActivity, percentile, postActivity } from './lib/load';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const conversations = Number(arg('conversations', '20'));
const redisUrl = arg('redis', 'redis://127.0.0.1:6379');
const skipRedis = process.argv.includes('--no-redis');

interface Reply {
  readonly text?: string;
  readonly suggestedActions?: { readonly actions?: readonly { readonly value?: unknown; readonly title?: string }[] };
}

/** One user turn: what to say (may depend on the previous replies) and what the reply must show. */
interface FlowStep {
  readonly say: (previous: readonly Reply[], conversation: number) => string;
  readonly expect: RegExp;
}
const text = (value: string) => () => value;

function dayInWords(daysAhead: number): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', month: 'long', day: 'numeric' }).format(
    new Date(Date.now() + daysAhead * 86_400_000),
  );
}

/** Clicks one of the offered slots, spread over conversations so they rarely race for the same one. */
function offeredSlot(previous: readonly Reply[], conversation: number): string {
  const actions = previous.flatMap((r) => r.suggestedActions?.actions ?? []);
  const action = actions[conversation % Math.max(actions.length, 1)];
  return String(action?.value ?? action?.title ?? '1');
}

const flows: Record<string, readonly FlowStep[]> = {
  booking: [
    { say: text('I need to book an appointment'), expect: /What kind of appointment/ },
    { say: text('Annual physical'), expect: /What day would you like/ },
    { say: (_p, c) => dayInWords(7 + (c % 60)), expect: /free times/ },
    { say: offeredSlot, expect: /Shall I book this/ },
    { say: text('yes'), expect: /You're booked|just taken/ },
    { say: text('thank you'), expect: /./ },
  ],
  intake: [
    { say: text("I'd like to register as a new patient"), expect: /full name/ },
    { say: text('Ann Lee'), expect: /date of birth/ },
    { say: text('February 3, 1980'), expect: /phone number/ },
    { say: text('212-555-0142'), expect: /email address/ },
    { say: text('ann.lee@example.com'), expect: /main reason/ },
    { say: text('Knee pain when running'), expect: /symptoms/ },
    { say: text('none'), expect: /medications/ },
    { say: text('ibuprofen'), expect: /allergies/ },
    { say: text('penicillin'), expect: /insurance company/ },
    { say: text('Aetna'), expect: /member ID/ },
    { say: text('ABC123456'), expect: /Do you agree/ },
    { say: text('yes'), expect: /Here's what I have/ },
    { say: text('submit'), expect: /registration is submitted/ },
  ],
};

interface FlowResult {
  readonly flows: number;
  /** Flows in which every reply matched. */
  readonly completed: number;
  /** First step that went astray, with what the bot said, for the report. */
  readonly firstDeviation?: string;
  readonly turns: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

async function runFlow(port: number, name: string, steps: readonly FlowStep[], count: number): Promise<FlowResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const latencies: number[] = [];
  let errors = 0;
  let completed = 0;
  let firstDeviation: string | undefined;
  await Promise.all(
    Array.from({ length: count }, async (_, c) => {
      const conversationId = `${name}-${c}-${randomUUID().slice(0, 8)}`;
      let previous: Reply[] = [];
      let onTrack = true;
      for (const [index, step] of steps.entries()) {
        const said = step.say(previous, c);
        const begin = performance.now();
        const { status, body } = await postActivity(agent, port, messageActivity(conversationId, said, port));
        latencies.push(performance.now() - begin);
        if (status !== 200) errors += 1;
        previous = status === 200 ? ((JSON.parse(body) as { activities?: Reply[] }).activities ?? []) : [];
        const replyText = previous.map((r) => r.text ?? '').join(' / ');
        if (onTrack && !step.expect.test(replyText)) {
          onTrack = false;
          firstDeviation ??= `step ${index + 1} "${said}" → ${replyText.slice(0, 160)}`;
        }
      }
      if (onTrack) completed += 1;
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    flows: count,
    completed,
    ...(firstDeviation ? { firstDeviation } : {}),
    turns: latencies.length,
    errors,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function main(): Promise<void> {
  const prefix = `benchdlg${Date.now() % 100000}`;
  const modes: { mode: string; env: NodeJS.ProcessEnv }[] = [{ mode: 'memory', env: {} }];
  if (!skipRedis) modes.push({ mode: 'redis', env: { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix } });
  const rows: Record<string, unknown>[] = [];
  const deviations: string[] = [];
  for (const { mode, env } of modes) {
    const app = buildApp(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { logger: silentLogger });
    const port = await listen(app.server);
    for (const [name, steps] of Object.entries(flows)) {
      await runFlow(port, `${name}-warm`, steps, 2);
      const r = await runFlow(port, name, steps, conversations);
      rows.push({ mode, flow: name, turnsPerFlow: steps.length, flows: r.flows, completed: r.completed, turns: r.turns, errors: r.errors, p50Ms: +r.p50Ms.toFixed(2), p99Ms: +r.p99Ms.toFixed(2) });
      if (r.firstDeviation) deviations.push(`${mode}/${name}: ${r.firstDeviation}`);
    }
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    if (app.backend.kind === 'redis') {
      const redis = app.backend.redis;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    }
    await app.close();
  }
  console.log(`bench:dialogs — ${conversations} concurrent conversations per flow, ${cpus().length} cores, node ${process.version}`);
  console.table(rows);
  for (const d of deviations) console.log(`went astray: ${d}`);
  console.log(JSON.stringify({ conversations, rows, deviations }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
