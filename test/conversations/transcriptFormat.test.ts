import { parseConversationEvalArgs } from '../../bench/lib/conversations/conversationEvalArgs';
import { parseConversationTests, scriptedTurns, TranscriptFormatError } from '../../bench/lib/conversations/transcriptFormat';

const good = '{"id": "a", "category": "faq", "turns": ["hi", {"user": "hours?", "expect": {"reply_matches": "open", "intent": "faq\\\\.hours"}}], "expect": {"handoff": false}}';

describe('conversation test files', () => {
  it('reads the dev.jsonl format with the added per-turn keys', () => {
    const [test] = parseConversationTests(`${good}\n\n`, 'x.jsonl');
    expect(test?.id).toBe('a');
    expect(scriptedTurns(test!)).toEqual([
      { user: 'hi', expect: {} },
      { user: 'hours?', expect: { reply_matches: 'open', intent: 'faq\\.hours' } },
    ]);
  });

  it('names the line of every bad row: broken JSON, a missing field, a typo in a key, a bad regex, a duplicate id', () => {
    const text = [
      good,
      '{"id": "b", "category": "faq", "turns": [',
      '{"id": "c", "turns": ["hi"]}',
      '{"id": "d", "category": "faq", "turns": [{"user": "x", "expect": {"reply_match": "y"}}]}',
      '{"id": "e", "category": "faq", "turns": [{"user": "x", "expect": {"reply_matches": "(unclosed"}}]}',
      good,
    ].join('\n');
    let error: unknown;
    try {
      parseConversationTests(text, 'set.jsonl');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TranscriptFormatError);
    const lines = (error as TranscriptFormatError).problems.map((p) => p.line);
    expect(lines).toEqual([2, 3, 4, 5, 6]);
    const message = (error as Error).message;
    expect(message).toMatch(/set\.jsonl:2: not valid JSON/);
    expect(message).toMatch(/set\.jsonl:3: category/);
    expect(message).toMatch(/set\.jsonl:4: .*reply_match/);
    expect(message).toMatch(/set\.jsonl:5: .*not a valid regular expression/);
    expect(message).toMatch(/set\.jsonl:6: duplicate id "a" \(first on line 1\)/);
  });

  it('refuses an empty file', () => {
    expect(() => parseConversationTests('\n', 'empty.jsonl')).toThrow(/empty\.jsonl:1: no conversations/);
  });
});

describe('npm run eval:conversations arguments', () => {
  it('defaults to a fresh bot per file with the pinned clock and the dev agent', () => {
    const args = parseConversationEvalArgs(['--data', 'set.jsonl']);
    expect(args).toMatchObject({ data: 'set.jsonl', json: false, url: undefined, agentToken: 'dev-agent-token', isolation: 'file' });
    expect(args.clockStart?.toISOString()).toBe('2026-06-10T14:00:00.000Z');
    expect(parseConversationEvalArgs(['--data=set.jsonl', '--json', '--now', 'system']).clockStart).toBeUndefined();
  });

  it.each([
    [[], /--data <file.jsonl \| folder> is required/],
    [['--data'], /--data needs a value/],
    [['--data', 'x', '--verbose'], /unknown argument "--verbose"/],
    [['--data', 'x', '--isolation', 'turn'], /--isolation must be "conversation" or "file"/],
    [['--data', 'x', '--url', 'localhost:3978'], /--url must be an http\(s\) base URL/],
    [['--data', 'x', '--now', 'next monday'], /--now must be an ISO instant/],
    [['--data', 'x', '--url', 'http://localhost:3978', '--now', '2026-01-01T00:00:00Z'], /--now applies to the in-process bot only/],
  ])('refuses %j with a clear message and the usage', (argv, message) => {
    expect(() => parseConversationEvalArgs(argv)).toThrow(message);
    expect(() => parseConversationEvalArgs(argv)).toThrow(/usage: npm run eval:conversations/);
  });
});
