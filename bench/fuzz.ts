import { randomBytes } from 'node:crypto';
import { formatFailure, runFuzz } from '../test/fuzz/runFuzz';
import { Progress } from './lib/progress';

/**
 * `npm run fuzz -- [--cases N] [--seed N] [--only i,j] [--redis [url]]`: sends N generated hostile
 * requests to a fresh in-process Tandem (memory state, or Redis) and reports crashes, 5xx, hangs,
 * failed turns and refused requests that changed state, each with its seed and case index.
 */
interface FuzzArgs {
  cases: number;
  seed: number;
  only?: number[];
  redisUrl?: string;
}

function parseArgs(argv: readonly string[]): FuzzArgs {
  const args: FuzzArgs = { cases: 10_000, seed: 1 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--cases') args.cases = Number(value());
    else if (arg === '--seed') args.seed = Number(value());
    else if (arg === '--only') args.only = value().split(',').map(Number);
    else if (arg === '--redis') args.redisUrl = argv[i + 1]?.startsWith('redis://') ? value() : (process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    else throw new Error(`unknown argument "${arg}" (expected --cases N, --seed N, --only i,j, --redis [url])`);
  }
  if (!Number.isInteger(args.cases) || args.cases < 1) throw new Error('--cases must be a positive integer');
  if (!Number.isInteger(args.seed)) throw new Error('--seed must be an integer');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const total = args.only?.length ?? args.cases;
  const progress = new Progress(`fuzz seed ${args.seed}`, total);
  const report = await runFuzz({
    seed: args.seed,
    cases: args.cases,
    ...(args.only ? { only: args.only } : {}),
    ...(args.redisUrl ? { redis: { url: args.redisUrl, keyPrefix: `tfuzz${randomBytes(4).toString('hex')}` } } : {}),
    maxFailures: 200,
    onProgress: (done) => progress.tick(done),
  });
  progress.done();
  const byKind = new Map<string, number>();
  for (const failure of report.failures) byKind.set(failure.kind, (byKind.get(failure.kind) ?? 0) + 1);
  console.log(`Tandem hostile-input fuzz: seed ${report.seed}, ${report.mode} state, ${report.sent} requests in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  console.log(`  statuses: ${Object.entries(report.statuses).sort().map(([status, n]) => `${status}×${n}`).join(' ')}`);
  console.log(`  refused requests checked for state changes: ${report.refusedChecked}; documented retryable 503s: ${report.retryable503}`);
  console.log(`  turns whose own serviceUrl refused the reply (logged, not failures): ${report.channelUnreachable}`);
  console.log(`  failures: ${report.failures.length}${byKind.size ? ` (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
  for (const failure of report.failures) console.log(formatFailure(failure, args.redisUrl !== undefined));
  process.exitCode = report.failures.length === 0 ? 0 : 1;
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
