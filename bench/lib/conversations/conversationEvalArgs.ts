import { Isolation } from './runConversations';
import { defaultConversationClockStart, devAgentToken } from './conversationDefaults';

export const conversationEvalUsage =
  'usage: npm run eval:conversations -- --data <file.jsonl | folder> [--json] [--url <base>] [--agent-token <token>] [--isolation conversation|file] [--now <ISO instant> | --now system]';

export interface ConversationEvalArgs {
  readonly data: string;
  readonly json: boolean;
  /** A running Tandem to test; unset = a fresh one in this process. */
  readonly url: string | undefined;
  readonly agentToken: string;
  readonly isolation: Isolation;
  /** Where the in-process bot's clock starts; undefined = the system clock. */
  readonly clockStart: Date | undefined;
}

/** A command line that cannot run; the message says what is wrong and how to call the command. */
export class UsageError extends Error {
  constructor(problem: string) {
    super(`${problem}\n${conversationEvalUsage}`);
    this.name = 'UsageError';
  }
}

const isolations = new Set<string>(Object.values(Isolation));

export function parseConversationEvalArgs(argv: readonly string[]): ConversationEvalArgs {
  let data: string | undefined;
  let url: string | undefined;
  let agentToken = devAgentToken;
  let isolation: Isolation = Isolation.file;
  let json = false;
  let clockStart: Date | undefined = defaultConversationClockStart;
  let clockGiven = false;
  const valueOf = (flag: string, i: number): string => {
    const value = argv[i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => (inline !== undefined ? inline : valueOf(flag, ++i));
    if (flag === '--data') data = value();
    else if (flag === '--url') url = value();
    else if (flag === '--agent-token') agentToken = value();
    else if (flag === '--isolation') {
      const chosen = value();
      if (!isolations.has(chosen)) throw new UsageError(`--isolation must be "conversation" or "file", not "${chosen}"`);
      isolation = chosen as Isolation;
    } else if (flag === '--now') {
      const chosen = value();
      clockGiven = true;
      clockStart = chosen === 'system' ? undefined : new Date(chosen);
      if (clockStart && (Number.isNaN(clockStart.getTime()) || !/^\d{4}-\d\d-\d\dT/.test(chosen))) {
        throw new UsageError(`--now must be an ISO instant such as 2026-06-10T14:00:00Z, or "system", not "${chosen}"`);
      }
    } else if (flag === '--json' && inline === undefined) json = true;
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (!data) throw new UsageError('--data <file.jsonl | folder> is required');
  if (url !== undefined && !/^https?:\/\/[^/\s]+/.test(url)) throw new UsageError(`--url must be an http(s) base URL such as http://localhost:3978, not "${url}"`);
  if (url !== undefined && clockGiven) {
    throw new UsageError('--now applies to the in-process bot only; a bot given by --url keeps its own clock');
  }
  return { data, json, url, agentToken, isolation, clockStart };
}
