/**
 * `npm run bench:turn [-- --conversations 100 --turns 20 --open-seconds 10 --redis redis://127.0.0.1:6379 --webchat]`
 * Tandem and a bare botbuilder echo bot on the same restify stack, in the same run, in memory mode
 * and in Redis mode, through POST /api/messages (expectReplies, keep-alive connections):
 * - closed loop: `conversations` users each sending `turns` messages back to back (maximum turns/s);
 * - open loop: Tandem at fixed arrival rates of 25%, 50% and 75% of the echo bot's closed-loop
 *   capacity for `open-seconds` each (p50/p99 from the scheduled arrival).
 * With `--webchat`, Tandem's open loop goes through web chat instead: Direct Line POST of the message until
 * the bot's answer arrives on the conversation's WebSocket stream, at 50% of the echo bot's capacity
 * (`--shares 0.25,0.5,0.75` for more), next to the same rates through /api/messages.
 * Each bot runs in its own process; the load generator runs in this one.
 */
import { cpus } from 'node:os';
import { startBotProcess } from './lib/botProcess';
import { runLoad, type LoadResult } from './lib/load';
import { runOpenLoad, runOpenLoop, type OpenLoadResult } from './lib/openLoad';
import { WebChatLoadClient } from './lib/webChatLoad';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const conversations = Number(arg('conversations', '100'));
const turns = Number(arg('turns', '20'));
const redisUrl = arg('redis', 'redis://127.0.0.1:6379');
const skipRedis = process.argv.includes('--no-redis');
const openSeconds = Number(arg('open-seconds', '10'));
const webChat = process.argv.includes('--webchat');
const openLoadShares = arg('shares', webChat ? '0.5' : '0.25,0.5,0.75').split(',').map(Number);
const benchDirectLineSecret = 'bench-directline-secret-0123456789abcdefghij';

const messages = [
  'hi there',
  'where is my order',
  'what are your opening hours',
  'thanks!',
  'I want to book an appointment',
  'asdf qwerty zxcv',
  'can I return something I bought',
  'cancel',
];

/** Runs `work` against a fresh process of `bot`. */
async function withBot<T>(bot: 'tandem' | 'echo', env: NodeJS.ProcessEnv, work: (port: number) => Promise<T>): Promise<T> {
  const server = await startBotProcess(bot, env);
  try {
    return await work(server.port);
  } finally {
    await server.stop();
  }
}

/** Closed loop, after a warm-up with as many conversations as the run (first-turn costs and JIT out of the figures). */
function closedLoop(label: string, bot: 'tandem' | 'echo', env: NodeJS.ProcessEnv): Promise<LoadResult> {
  return withBot(bot, env, async (port) => {
    await runLoad(port, { conversations, turnsPerConversation: 3, messages, label: `${label}-warm` });
    return runLoad(port, { conversations, turnsPerConversation: turns, messages, label });
  });
}

/** Tandem at each share of the echo bot's capacity, one fresh process for all rates (warmed up first). */
function openLoops(label: string, env: NodeJS.ProcessEnv, echoCapacity: number): Promise<OpenLoadResult[]> {
  return withBot('tandem', env, async (port) => {
    await runLoad(port, { conversations, turnsPerConversation: 3, messages, label: `${label}-warm` });
    const results: OpenLoadResult[] = [];
    for (const share of openLoadShares) {
      results.push(await runOpenLoad(port, { ratePerSecond: Math.max(1, Math.round(echoCapacity * share)), seconds: openSeconds, messages, label: `${label}-${share}` }));
    }
    return results;
  });
}

/**
 * Tandem at each share of the echo bot's capacity through web chat, one fresh process for all rates. Each
 * rate starts with as many open conversations (and streams) as the closed loop uses, after a warm-up turn each.
 */
function webChatOpenLoops(env: NodeJS.ProcessEnv, echoCapacity: number): Promise<OpenLoadResult[]> {
  return withBot('tandem', { ...env, DIRECTLINE_SECRET: benchDirectLineSecret }, async (port) => {
    const results: OpenLoadResult[] = [];
    for (const share of openLoadShares) {
      const client = new WebChatLoadClient(port, benchDirectLineSecret);
      try {
        const idle = await Promise.all(Array.from({ length: conversations }, () => client.start()));
        await Promise.all(idle.map((conversation, i) => client.turn(conversation, messages[i % messages.length]!)));
        results.push(await runOpenLoop(client, { ratePerSecond: Math.max(1, Math.round(echoCapacity * share)), seconds: openSeconds, messages, idle }));
      } finally {
        client.close();
      }
    }
    return results;
  });
}

async function main(): Promise<void> {
  const modes: { mode: string; env: NodeJS.ProcessEnv }[] = [{ mode: 'memory', env: {} }];
  if (!skipRedis) modes.push({ mode: 'redis', env: { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench${Date.now() % 100000}` } });
  const rows: Record<string, unknown>[] = [];
  const openRows: Record<string, unknown>[] = [];
  for (const { mode, env } of modes) {
    if (webChat) {
      const echo = await closedLoop(`echo-${mode}`, 'echo', env);
      // The same rates through /api/messages, so what web chat adds to a turn shows beside it.
      const paths = [
        ['web chat: POST → stream', await webChatOpenLoops(env, echo.turnsPerSecond)],
        ['/api/messages expectReplies', await openLoops(`open-${mode}`, env, echo.turnsPerSecond)],
      ] as const;
      for (const [path, open] of paths) {
        open.forEach((r, i) => {
          openRows.push({ mode, path, shareOfEcho: openLoadShares[i], offeredPerSec: r.offeredPerSecond, achievedPerSec: +r.achievedPerSecond.toFixed(0), turns: r.turns, errors: r.errors, p50Ms: +r.p50Ms.toFixed(2), p99Ms: +r.p99Ms.toFixed(2) });
        });
      }
      rows.push({ mode, bot: 'echo', turns: echo.turns, errors: echo.errors, turnsPerSec: +echo.turnsPerSecond.toFixed(0), p50Ms: +echo.p50Ms.toFixed(2), p99Ms: +echo.p99Ms.toFixed(2) });
      continue;
    }
    const tandem = await closedLoop(`tandem-${mode}`, 'tandem', env);
    const echo = await closedLoop(`echo-${mode}`, 'echo', env);
    const open = await openLoops(`open-${mode}`, env, echo.turnsPerSecond);
    open.forEach((r, i) => {
      openRows.push({ mode, shareOfEcho: openLoadShares[i], offeredPerSec: r.offeredPerSecond, achievedPerSec: +r.achievedPerSecond.toFixed(0), turns: r.turns, errors: r.errors, p50Ms: +r.p50Ms.toFixed(2), p99Ms: +r.p99Ms.toFixed(2) });
    });
    for (const [bot, r] of [['tandem', tandem], ['echo', echo]] as const) {
      rows.push({ mode, bot, turns: r.turns, errors: r.errors, turnsPerSec: +r.turnsPerSecond.toFixed(0), p50Ms: +r.p50Ms.toFixed(2), p99Ms: +r.p99Ms.toFixed(2) });
    }
    rows.push({ mode, bot: 'tandem/echo', turnsPerSec: +(tandem.turnsPerSecond / echo.turnsPerSecond).toFixed(2) });
  }
  console.log(`bench:turn — ${conversations} concurrent conversations × ${turns} turns, ${cpus().length} cores, node ${process.version}`);
  console.table(rows);
  console.log(`open loop — Tandem${webChat ? ' through web chat (Direct Line POST until the reply arrives on the WebSocket stream)' : ''} at fixed arrival rates (share of the echo bot's closed-loop turns/s), ${openSeconds} s each`);
  console.table(openRows);
  console.log(JSON.stringify({ conversations, turns, openSeconds, webChat, rows, openRows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
