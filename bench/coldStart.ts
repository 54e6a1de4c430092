/**
 * `npm run bench:start [-- --runs 5]` (after `npm run build`)
 * Cold start to ready: from spawning the process to the first 200 from GET /readyz, for the compiled
 * entry that `npm start` runs and for the TypeScript sources through tsx, in memory mode on embedded
 * defaults. Runs alternate between the two so that a change in machine load hits both alike. The
 * intent model comes from its cache (as on every start but the first after a corpus change).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { percentile } from './lib/load';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const runs = Number(arg('runs', '5'));
const root = join(__dirname, '..');

const entries = {
  compiled: ['--enable-source-maps', '--disable-warning=DEP0111', 'dist/src/main.js'],
  tsx: ['--import', 'tsx', '--disable-warning=DEP0111', 'src/main.ts'],
} as const;
type Entry = keyof typeof entries;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

async function startOnce(entry: Entry): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...entries[entry]], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: '', LOG_LEVEL: 'warn', DOTENV_CONFIG_QUIET: 'true' },
    stdio: 'ignore',
  });
  try {
    while (!(await isReady(`http://127.0.0.1:${port}/readyz`))) {
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'src', 'main.js'))) throw new Error('dist/src/main.js is missing: run `npm run build` first');
  // One start each fills the intent model caches (src and dist keep their own) and the OS file cache.
  for (const entry of Object.keys(entries) as Entry[]) await startOnce(entry);
  const times: Record<Entry, number[]> = { compiled: [], tsx: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const entry of Object.keys(entries) as Entry[]) times[entry].push(await startOnce(entry));
  }
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`cold start to ready, ${runs} runs each (load average ${load}):`);
  for (const [entry, ms] of Object.entries(times)) {
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(`  ${entry.padEnd(8)} median ${percentile(sorted, 50).toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
  }
}

void main();
