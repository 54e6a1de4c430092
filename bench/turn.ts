/**
 * `npm run bench:turn [-- --conversations 100 --turns 20 --redis redis://127.0.0.1:6379]`
 * Tandem and a bare botbuilder echo bot on the same restify stack, in the same run, in memory mode
 * and in Redis mode: turns/s and p50/p99 through POST /api/messages (expectReplies). Each bot runs in
 * its own process; the load generator runs in this one.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { runLoad, type LoadResult } from './lib/load';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const conversations = Number(arg('conversations', '100'));
const turns = Number(arg('turns', '20'));
const redisUrl = arg('redis', 'redis://127.0.0.1:6379');
const skipRedis = process.argv.includes('--no-redis');

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

/** Each bot runs in its own process, so the load generator never shares its event loop. */
async function measure(label: string, bot: 'tandem' | 'echo', env: NodeJS.ProcessEnv): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', join(__dirname, 'lib', 'serveBot.ts'), bot], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${bot} server exited with ${String(code)}`)));
  });
  try {
    // Warm up with as many conversations as the run, so first-turn costs and JIT are out of the figures.
    await runLoad(port, { conversations, turnsPerConversation: 3, messages, label: `${label}-warm` });
    return await runLoad(port, { conversations, turnsPerConversation: turns, messages, label });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  const modes: { mode: string; env: NodeJS.ProcessEnv }[] = [{ mode: 'memory', env: {} }];
  if (!skipRedis) modes.push({ mode: 'redis', env: { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `bench${Date.now() % 100000}` } });
  const rows: Record<string, unknown>[] = [];
  for (const { mode, env } of modes) {
    const tandem = await measure(`tandem-${mode}`, 'tandem', env);
    const echo = await measure(`echo-${mode}`, 'echo', env);
    for (const [bot, r] of [['tandem', tandem], ['echo', echo]] as const) {
      rows.push({ mode, bot, turns: r.turns, errors: r.errors, turnsPerSec: +r.turnsPerSecond.toFixed(0), p50Ms: +r.p50Ms.toFixed(2), p99Ms: +r.p99Ms.toFixed(2) });
    }
    rows.push({ mode, bot: 'tandem/echo', turnsPerSec: +(tandem.turnsPerSecond / echo.turnsPerSecond).toFixed(2) });
  }
  console.log(`bench:turn — ${conversations} concurrent conversations × ${turns} turns, ${cpus().length} cores, node ${process.version}`);
  console.table(rows);
  console.log(JSON.stringify({ conversations, turns, rows }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
