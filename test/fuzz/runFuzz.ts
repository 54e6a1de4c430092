import { errorRegistry } from '../../src/errors';
import { describeCase, requestBytes, type FuzzCase } from './fuzzCase';
import { changedParts, startFuzzTarget, type FuzzTargetOptions, type StateSnapshot } from './fuzzTarget';
import { hostileRequest } from './hostileRequests';
import { sendRaw, type RawOutcome } from './rawHttp';

export type FailureKind = 'crash' | '5xx' | 'hang' | 'closed' | 'state-change' | 'turn-error' | 'error-log';

export interface FuzzFailure {
  readonly kind: FailureKind;
  readonly seed: number;
  readonly index: number;
  readonly detail: string;
  readonly request: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly mode: 'memory' | 'redis';
  readonly sent: number;
  /** Responses by status (`closed` for a connection closed without one). */
  readonly statuses: Readonly<Record<string, number>>;
  /** Documented retryable refusals (503 + Retry-After with a retryable code); allowed, but counted. */
  readonly retryable503: number;
  /** Refused requests (4xx, or closed) whose state was compared before and after. */
  readonly refusedChecked: number;
  /** Turns that failed because the activity's own serviceUrl could not be reached (logged, answered 200). */
  readonly channelUnreachable: number;
  readonly failures: readonly FuzzFailure[];
  readonly elapsedMs: number;
}

export interface FuzzOptions extends FuzzTargetOptions {
  readonly seed: number;
  /** Cases 0 … cases-1 of the seed, unless `only` names some. */
  readonly cases: number;
  readonly only?: readonly number[];
  /** A response slower than this is a hang. */
  readonly timeoutMs?: number;
  /** Stop after this many failures (the rest would mostly repeat them). */
  readonly maxFailures?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const retryableCodes = new Set(Object.entries(errorRegistry).filter(([, entry]) => entry.status === 503).map(([code]) => code));
const apologies = [errorRegistry.TURN_FAILED.user, errorRegistry.INTERNAL.user, 'Sorry, something went wrong on my side'];

function errorCode(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}

/** pino's numeric level for `error`. */
const errorLevel = 50;

/** The command that replays a failing case (the cases before it shape the state it met). */
export function reproduceCommand(seed: number, index: number, redis: boolean): string {
  return `npm run fuzz -- --seed ${seed} --cases ${index + 1}${redis ? ' --redis' : ''}   (or --only ${index} for that case alone)`;
}

export function formatFailure(failure: FuzzFailure, redis: boolean): string {
  return `fuzz failure seed=${failure.seed} case=${failure.index} [${failure.kind}] ${failure.detail}\n    ${failure.request}\n    reproduce: ${reproduceCommand(failure.seed, failure.index, redis)}`;
}

/**
 * Sends generated hostile requests one at a time to a fresh app and checks each one: the process
 * neither crashes nor logs an internal error, the answer comes within the time limit and is not a
 * 5xx (except a documented retryable 503), a turn does not end in the generic apology, and a refused
 * request (4xx) leaves every store exactly as it was.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const mode = options.redis ? 'redis' : 'memory';
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxFailures = options.maxFailures ?? 50;
  const crashes: string[] = [];
  const onCrash = (error: unknown) => crashes.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  const target = await startFuzzTarget(options.redis ? { redis: options.redis } : {});
  const statuses: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let retryable503 = 0;
  let refusedChecked = 0;
  let channelUnreachable = 0;
  let sent = 0;
  const indexes = options.only ?? Array.from({ length: options.cases }, (_, i) => i);
  try {
    target.takeLogs();
    let before: StateSnapshot = await target.snapshot();
    for (const index of indexes) {
      const fuzzCase: FuzzCase = hostileRequest(options.seed, index, target.fixtures);
      const fail = (kind: FailureKind, detail: string) =>
        failures.push({ kind, seed: options.seed, index, detail, request: describeCase(fuzzCase) });
      const outcome: RawOutcome = await sendRaw(target.port, requestBytes(fuzzCase, `127.0.0.1:${target.port}`), {
        method: fuzzCase.method,
        timeoutMs,
        halfClose: fuzzCase.truncated === true,
      });
      sent += 1;
      if (process.env.FUZZ_TRACE) process.stderr.write(`case ${index}: ${outcome.kind === 'response' ? outcome.status : outcome.kind}\n`);
      if (!(await target.settle(timeoutMs))) fail('hang', `answered, but work it started was still running after ${timeoutMs} ms (${target.app.inflight.size} in flight)`);

      const statusKey = outcome.kind === 'response' ? String(outcome.status) : outcome.kind;
      statuses[statusKey] = (statuses[statusKey] ?? 0) + 1;
      if (outcome.kind === 'hang') fail('hang', `no complete answer within ${timeoutMs} ms`);
      if (outcome.kind === 'closed' && !fuzzCase.truncated && !fuzzCase.raw) fail('closed', outcome.detail);
      if (outcome.kind === 'response' && outcome.status >= 500) {
        const code = errorCode(outcome.body);
        if (outcome.status === 503 && code !== undefined && retryableCodes.has(code) && outcome.headers['retry-after']) retryable503 += 1;
        else fail('5xx', `HTTP ${outcome.status} ${code ?? outcome.body.subarray(0, 200).toString('utf8')}`);
      }
      if (outcome.kind === 'response' && outcome.status < 300) {
        const text = outcome.body.toString('utf8');
        const apology = apologies.find((words) => text.includes(words));
        if (apology) fail('turn-error', `HTTP ${outcome.status} but the turn failed: "${apology}"`);
      }
      for (const line of target.takeLogs()) {
        if (line.code === 'CHANNEL_UNREACHABLE') channelUnreachable += 1;
        else if (Number(line.level) >= errorLevel) fail('error-log', `logged at error: ${String(line.msg)} ${JSON.stringify({ code: line.code, err: line.err })}`.slice(0, 400));
      }
      for (const crash of crashes.splice(0)) fail('crash', crash);

      const after = await target.snapshot();
      const refused = (outcome.kind === 'response' && outcome.status >= 400 && outcome.status < 500) || outcome.kind === 'closed';
      if (refused) {
        refusedChecked += 1;
        if (after.digest !== before.digest) fail('state-change', `refused (${statusKey}) but changed: ${changedParts(before, after).slice(0, 8).join(', ')}`);
      }
      before = after;
      options.onProgress?.(sent, indexes.length);
      if (failures.length >= maxFailures) break;
    }
    // The process still serves after everything it was sent.
    const health = await sendRaw(target.port, Buffer.from('GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'), { method: 'GET', timeoutMs });
    if (health.kind !== 'response' || health.status !== 200) {
      failures.push({ kind: 'crash', seed: options.seed, index: -1, detail: `/healthz after the run: ${health.kind}`, request: 'GET /healthz' });
    }
  } finally {
    await target.stop();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  return { seed: options.seed, mode, sent, statuses, retryable503, refusedChecked, channelUnreachable, failures, elapsedMs: Math.round(performance.now() - started) };
}
