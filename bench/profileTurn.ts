/**
 * `npm run bench:profile [-- --turns 6000 --out <dir>]`
 * Where a turn's time goes: Tandem in its own process under the V8 CPU profiler, driven by the same
 * closed-loop load as `bench:turn`, then the profile's samples summed by area (understanding, safety,
 * dialogs, Bot Framework, HTTP, state, logging, garbage collection…). Memory mode, embedded defaults.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runLoad } from './lib/load';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const turns = Number(arg('turns', '6000'));
const out = arg('out', mkdtempSync(join(tmpdir(), 'tandem-profile-')));
const messages = ['hi there', 'where is my order', 'TD-100003', 'what are your opening hours', 'I want to book an appointment', 'cancel', 'thanks!'];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The first rule whose pattern matches a frame's URL (or name, for V8's own frames) names its area. */
const areas: readonly [string, RegExp][] = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
  ['V8, not attributed (program)', /^\(program\)$/],
  ['safety screening (model + rules)', /\/(intents\/safety|src\/nlu\/emergency)\//],
  ['intent classifier', /\/src\/nlu\/intent\//],
  ['entities (dates, phones, orders…)', /\/src\/nlu\/entities\/|chrono-node|libphonenumber/],
  ['sentiment, frustration, language, requests', /\/src\/nlu\//],
  ['knowledge base', /\/src\/domain\/knowledge\//],
  ['dialogs (Tandem)', /\/dialogs\//],
  ['botbuilder-dialogs', /botbuilder-dialogs/],
  ['botbuilder / connector', /botbuilder|botframework/],
  ['turn middleware and bot (Tandem)', /\/src\/bot\//],
  ['HTTP (restify + Tandem routes)', /restify|\/src\/http\/|node:_http|node:http|llhttp/],
  ['state and transcripts (memory stores)', /\/src\/storage\//],
  ['handoff', /\/src\/handoff\//],
  ['logging and metrics', /pino|prom-client|\/src\/observability\//],
  ['privacy (redaction, sealing)', /\/src\/privacy\//],
  ['other packages (zod, tsx…)', /node_modules/],
  ['other Tandem code', /^file:/],
  ['Node internals', /^node:/],
];

function areaOf(node: ProfileNode): string {
  const key = node.callFrame.url || node.callFrame.functionName;
  return areas.find(([, pattern]) => pattern.test(key))?.[0] ?? 'other (native)';
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${out}`, '--import', 'tsx', '--disable-warning=DEP0111', join(__dirname, 'lib', 'serveBot.ts'), 'tandem'], {
    env: { ...process.env, REDIS_URL: '', RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000', RATE_LIMIT_ACTIVITIES_PER_MINUTE: '1000000', RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '1000000' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const firstLine = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const { port } = JSON.parse(firstLine) as { port: number };
  const perRound = 50 * 10;
  let done = 0;
  const started = performance.now();
  while (done < turns) done += (await runLoad(port, { conversations: 50, turnsPerConversation: 10, messages, label: 'profile' })).turns;
  const seconds = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  await exited;
  const file = readdirSync(out).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written to ${out}`);
  const profile = JSON.parse(readFileSync(join(out, file), 'utf8')) as CpuProfile;
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byNode.get(id);
    if (!node) return;
    const area = areaOf(node);
    totals.set(area, (totals.get(area) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const busy = [...totals].filter(([area]) => area !== 'idle').reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`${done} turns in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} turns/s, ${perRound} per round); CPU ${(busy / done).toFixed(2)} ms per turn; profile ${join(out, file)}`);
  console.table(
    [...totals]
      .filter(([area]) => area !== 'idle')
      .sort((a, b) => b[1] - a[1])
      .map(([area, ms]) => ({ area, 'ms per turn': +(ms / done).toFixed(3), share: `${((100 * ms) / busy).toFixed(1)}%` })),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
