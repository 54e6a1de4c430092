import { startInProcessTandem } from '../../bench/lib/conversations/botTarget';
import { defaultConversationClockStart } from '../../bench/lib/conversations/conversationDefaults';
import { Isolation, runConversations } from '../../bench/lib/conversations/runConversations';
import { parseConversationTests } from '../../bench/lib/conversations/transcriptFormat';

const set = parseConversationTests(
  [
    // Passes: the reply, the intent and the handoff are what the bot does.
    '{"id": "person", "category": "handoff", "turns": [{"user": "talk to a human", "expect": {"reply_matches": "connecting you", "intent": "agent\\\\.request", "handoff": true}}], "expect": {"handoff": true, "reason": "user_requested"}}',
    // Fails on turn 2 only: its regex is checked against that turn's replies, not the first turn's.
    '{"id": "wrong", "category": "faq", "turns": [{"user": "what are your opening hours?", "expect": {"reply_matches": "8:00"}}, {"user": "thanks", "expect": {"reply_matches": "8:00", "handoff": true}}], "expect": {"handoff": true}}',
    // The pinned clock reaches the dialogs and the understanding of dates: 2026-06-10 is a Wednesday.
    '{"id": "clock", "category": "dates", "turns": [{"user": "book an annual physical next tuesday", "expect": {"reply_matches": "jun 16"}}]}',
  ].join('\n'),
  'inline.jsonl',
);

describe('the conversation runner against a fresh Tandem over HTTP', () => {
  it('checks each turn against its own replies, the intent and the handoff, and reports where it failed', async () => {
    const results = await runConversations(set, {
      startTarget: () => startInProcessTandem({ clockStart: defaultConversationClockStart }),
      isolation: Isolation.file,
    });
    expect(results.map((r) => [r.id, r.passed])).toEqual([
      ['person', true],
      ['wrong', false],
      ['clock', true],
    ]);
    const failures = results[1]!.failures;
    expect(failures.map((f) => [f.turn, f.expected.split(' ')[0]])).toEqual([
      [2, 'reply'],
      [2, 'handoff.initiate'],
      [null, 'a'],
    ]);
    expect(failures[0]!.user).toBe('thanks');
    expect(failures[0]!.got).not.toMatch(/8:00/);
  });
});
