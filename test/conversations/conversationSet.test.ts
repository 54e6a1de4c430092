import { join } from 'node:path';
import { startInProcessTandem } from '../../bench/lib/conversations/botTarget';
import { defaultConversationClockStart } from '../../bench/lib/conversations/conversationDefaults';
import { formatSummary, summarize } from '../../bench/lib/conversations/conversationReport';
import { compareWithKnownFailures, readKnownFailures } from '../../bench/lib/conversations/knownFailures';
import { Isolation, runConversations, type ConversationResult } from '../../bench/lib/conversations/runConversations';
import { readConversationFiles } from '../../bench/lib/conversations/transcriptFormat';

// The same runner as `npm run eval:conversations -- --data test/conversations`: real HTTP, a fresh Tandem per file.
const folder = __dirname;
const files = readConversationFiles(folder);
const knownFailures = readKnownFailures(join(folder, 'known-failures.json'));

describe('the project conversation set (test/conversations/*.jsonl) against a fresh Tandem over HTTP', () => {
  const results: ConversationResult[] = [];

  beforeAll(async () => {
    for (const file of files) {
      results.push(
        ...(await runConversations(file.tests, {
          startTarget: () => startInProcessTandem({ clockStart: defaultConversationClockStart }),
          isolation: Isolation.file,
        })),
      );
    }
  }, 600_000);

  it('holds at least 150 conversations', () => {
    expect(results.length).toBeGreaterThanOrEqual(150);
  });

  it('passes every conversation except those listed in known-failures.json', () => {
    const { unexpected } = compareWithKnownFailures(results, knownFailures);
    if (unexpected.length > 0) {
      throw new Error(`${unexpected.length} conversations fail that known-failures.json does not list:\n${formatSummary(summarize('test/conversations', unexpected, 0))}`);
    }
  });

  it('lists no conversation that passes now or that does not exist (the list only shrinks)', () => {
    const { nowPassing, unknown } = compareWithKnownFailures(results, knownFailures);
    expect({ nowPassing, unknown }).toEqual({ nowPassing: [], unknown: [] });
  });
});
