/**
 * npm run eval:conversations -- --data <file.jsonl | folder> [--json] [--url <base>] [--agent-token <token>] [--isolation conversation|file]
 * Runs conversation tests (test/conversations/README.md) against Tandem over HTTP and prints the pass rate per
 * category and every failure. Without --url a fresh Tandem is started in this process on embedded defaults, one
 * per data file, its conversations in file order (--isolation conversation: one per conversation). With --json the last stdout line is
 * one JSON object. The in-process bot's clock starts at 2026-06-10T14:00:00Z (a Wednesday morning in New York) so
 * dates mean the same days on every run; --now moves it, --now system uses the real date. Exit code 1 on bad arguments or a bad data file; failing conversations do not change it.
 */
import { resolve } from 'node:path';
import { remoteTandem, startInProcessTandem } from './lib/conversations/botTarget';
import { parseConversationEvalArgs } from './lib/conversations/conversationEvalArgs';
import { formatSummary, summarize } from './lib/conversations/conversationReport';
import { runConversations } from './lib/conversations/runConversations';
import { readConversationFiles } from './lib/conversations/transcriptFormat';

async function main(): Promise<void> {
  const args = parseConversationEvalArgs(process.argv.slice(2));
  const files = readConversationFiles(resolve(args.data));
  const { url, agentToken, clockStart } = args;
  const started = performance.now();
  const results = [];
  for (const file of files) {
    results.push(
      ...(await runConversations(file.tests, {
        startTarget: url ? async () => remoteTandem(url, agentToken) : () => startInProcessTandem(clockStart ? { clockStart } : {}),
        isolation: args.isolation,
        onResult: (result) => {
          if (!args.json) process.stderr.write(result.passed ? '.' : 'F');
        },
      })),
    );
  }
  if (!args.json) process.stderr.write('\n');
  const summary = summarize(args.data, results, (performance.now() - started) / 1000);
  console.log(formatSummary(summary));
  if (args.json) console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
