import { keyFacts, summarizeExtractively } from '../../src/llm/extractiveSummary';
import type { TranscriptLine } from '../../src/handoff/transcriptLine';

/** When a line was said; the code under test does not read it. */
const at = '2026-12-02T15:00:00.000Z';

const conversation: TranscriptLine[] = [
  { from: 'user', at, text: 'hi', intent: 'chitchat.greeting' },
  { from: 'bot', at, text: 'Hello! How can I help?' },
  { from: 'user', at, text: 'My order TD-100001 arrived with a cracked skillet and I want my money back', intent: 'order.return' },
  { from: 'bot', at, text: 'I can help with that. What is the email on the order?' },
  { from: 'user', at, text: 'ann.lee@example.com' },
  { from: 'bot', at, text: 'Thanks. Your return RMA-100001 is open.' },
  { from: 'user', at, text: 'ok' },
  { from: 'user', at, text: 'The refund of $165.00 should go back to my card, not store credit', intent: 'order.refund_status' },
  { from: 'user', at, text: 'thanks' },
  { from: 'user', at, text: 'Actually I would rather talk to a person about the damage', intent: 'handoff.request' },
];

describe('summarizeExtractively', () => {
  it('quotes the most informative customer lines in order, then intents and key facts', () => {
    const summary = summarizeExtractively(conversation);
    expect(summary).toBe(
      'Customer said: "My order TD-100001 arrived with a cracked skillet and I want my money back" / ' +
        '"The refund of $165.00 should go back to my card, not store credit" / ' +
        '"Actually I would rather talk to a person about the damage". ' +
        'Intents: chitchat.greeting, order.return, order.refund_status, handoff.request. ' +
        'Key facts: order TD-100001; return RMA-100001; amount $165.00; contact details given (email).',
    );
  });

  it('is deterministic and skips greetings and one-word replies', () => {
    expect(summarizeExtractively(conversation)).toBe(summarizeExtractively([...conversation]));
    const summary = summarizeExtractively(conversation, { maxLines: 5 });
    expect(summary).not.toMatch(/"hi"|"ok"|"thanks"/);
  });

  it('handles empty and bot-only conversations', () => {
    expect(summarizeExtractively([])).toBe('No customer messages yet.');
    expect(summarizeExtractively([{ from: 'bot', at, text: 'Hello!' }])).toBe('No customer messages yet.');
  });

  it('shortens long lines', () => {
    const long = summarizeExtractively([{ from: 'user', at, text: `I need help with ${'a very long story '.repeat(30)}` }], { maxQuoteChars: 60 });
    expect(long.length).toBeLessThan(100);
    expect(long).toContain('…');
  });

  it('lists facts once each, normalising order numbers', () => {
    expect(keyFacts([{ from: 'user', at, text: 'td 100001 and TD-100001, booked for 2025-03-05 or March 7th, call 212-555-0142' }])).toEqual([
      'order TD-100001',
      'date 2025-03-05',
      'date March 7th',
      'contact details given (phone)',
    ]);
  });
});
