import { buildContextPack } from '../../src/handoff/contextPack';
import type { TranscriptLine } from '../../src/handoff/transcriptLine';
import type { HandoffRecord } from '../../src/handoff/handoffStore';
import type { ConversationInsights } from '../../src/handoff/insights';

const record: HandoffRecord = {
  conversationId: 'c1',
  channelId: 'webchat',
  state: 'assigned',
  priority: 'high',
  reason: 'frustration',
  reasonCodes: ['frustration', 'repeated_fallback'],
  summary: 'Customer pat@example.com wants order A-1001 rerouted',
  waitingSince: '2025-03-03T15:00:00.000Z',
  enqueuedSeq: 7,
  assignedAgent: 'dana',
  assignedAt: '2025-03-03T15:04:00.000Z',
  leaseExpiresAt: '2025-03-03T15:05:30.000Z',
  fencingToken: 2,
  external: false,
  notes: [{ agentId: 'lee', text: 'Called from 555-010-7788 yesterday', at: '2025-03-03T15:03:00.000Z' }],
  handledTimes: 1,
  contact: { kind: 'phone', value: '+15550107788' },
  updatedAt: '2025-03-03T15:04:00.000Z',
};

const insights: ConversationInsights = {
  intents: [{ intent: 'order.change', confidence: 0.8, at: '2025-03-03T14:58:00.000Z' }],
  sentiment: [{ score: -0.5, frustration: 0.75, at: '2025-03-03T14:59:00.000Z' }],
  frustrationReasons: ['caps', 'repeated_question'],
  slots: { orderNumber: 'A-1001', fullName: 'Pat Smith', email: 'pat@example.com', note: 'call me at 555-010-7788', attempts: 3 },
  form: { form: 'order.change', completed: 1, total: 3, currentField: 'address' },
  lookups: [{ kind: 'order', summary: 'A-1001 for pat@example.com shipped', at: '2025-03-03T14:58:30.000Z' }],
};

const transcript: TranscriptLine[] = Array.from({ length: 7 }, (_, i) => ({
  from: i % 2 ? 'bot' : 'user',
  text: i === 6 ? 'my email is pat@example.com' : `line ${i}`,
  at: new Date(Date.UTC(2025, 2, 3, 14, 50 + i)).toISOString(),
}));

describe('buildContextPack', () => {
  it('carries the DESIGN §5 fields, redacting personal data for an agent', () => {
    const pack = buildContextPack({ record, insights, transcript, level: 'redacted', pageSize: 3 });
    expect(pack).toEqual({
      conversationId: 'c1',
      channelId: 'webchat',
      state: 'assigned',
      priority: 'high',
      reason: 'frustration',
      reasonCodes: ['frustration', 'repeated_fallback'],
      summary: 'Customer [email] wants order A-1001 rerouted',
      intents: insights.intents,
      sentiment: insights.sentiment,
      frustrationReasons: ['caps', 'repeated_question'],
      slots: { orderNumber: 'A-1001', fullName: '[redacted]', email: '[redacted]', note: 'call me at [phone]', attempts: 3 },
      form: insights.form,
      lookups: [{ kind: 'order', summary: 'A-1001 for [email] shipped', at: '2025-03-03T14:58:30.000Z' }],
      transcript: [
        { from: 'user', text: 'line 4', at: '2025-03-03T14:54:00.000Z' },
        { from: 'bot', text: 'line 5', at: '2025-03-03T14:55:00.000Z' },
        { from: 'user', text: 'my email is [email]', at: '2025-03-03T14:56:00.000Z' },
      ],
      transcriptPage: { page: 1, pageSize: 3, total: 7, nextPage: 2 },
      notes: [{ agentId: 'lee', text: 'Called from [phone] yesterday', at: '2025-03-03T15:03:00.000Z' }],
      waitingSince: '2025-03-03T15:00:00.000Z',
      assignedAgent: 'dana',
      handledTimes: 1,
      piiVisible: false,
      viewLevel: 'redacted',
    });
    expect(JSON.stringify(pack)).not.toContain('+15550107788');
  });

  it('gives the handling agent the task view: name and contact kept, card, SSN and birth date masked', () => {
    const said = 'I am Pat Smith, card 4111 1111 1111 1111, SSN 123-45-6789, born 04/12/1980, call 555-010-7788 about A-1001';
    const lines: TranscriptLine[] = [{ from: 'user', text: 'stored redacted', clearText: said, at: '2025-03-03T14:50:00.000Z' }];
    const pack = buildContextPack({ record, insights, transcript: lines, level: 'task' });
    expect(pack.transcript[0]?.text).toBe('I am Pat Smith, card [card], SSN [ssn], born [date], call 555-010-7788 about A-1001');
    expect(pack).toMatchObject({ piiVisible: false, viewLevel: 'task', summary: record.summary });
    expect(pack.transcript[0]).not.toHaveProperty('clearText');
  });

  it('shows only what was stored (redacted) when the words as written could not be recovered', () => {
    const lines: TranscriptLine[] = [{ from: 'user', text: 'my card is [card]', at: '2025-03-03T14:50:00.000Z' }];
    expect(buildContextPack({ record, insights, transcript: lines, level: 'clear' }).transcript[0]?.text).toBe('my card is [card]');
  });

  it('shows personal data at the clear level, from the words as written where they were recovered', () => {
    const withClear = transcript.map((line, i) => (i === 6 ? { ...line, text: 'my email is [email]', clearText: line.text } : line));
    const pack = buildContextPack({ record, insights, transcript: withClear, level: 'clear' });
    expect(pack.piiVisible).toBe(true);
    expect(pack.summary).toBe(record.summary);
    expect(pack.slots).toEqual(insights.slots);
    expect(pack.transcript.at(-1)?.text).toBe('my email is pat@example.com');
    expect(pack.notes[0]?.text).toBe('Called from 555-010-7788 yesterday');
  });

  it('pages backwards through the transcript', () => {
    const page = (n: number) => buildContextPack({ record, insights, transcript, level: 'clear', page: n, pageSize: 3 });
    expect(page(2).transcript.map((l) => l.text)).toEqual(['line 1', 'line 2', 'line 3']);
    expect(page(2).transcriptPage.nextPage).toBe(3);
    expect(page(3).transcript.map((l) => l.text)).toEqual(['line 0']);
    expect(page(3).transcriptPage.nextPage).toBeNull();
    expect(page(4).transcript).toEqual([]);
    expect(page(4).transcriptPage).toEqual({ page: 4, pageSize: 3, total: 7, nextPage: null });
  });

  it('shows the whole of a short transcript on one page by default', () => {
    const pack = buildContextPack({ record, insights, transcript, level: 'redacted' });
    expect(pack.transcript).toHaveLength(7);
    expect(pack.transcriptPage).toEqual({ page: 1, pageSize: 50, total: 7, nextPage: null });
  });

  it.each([
    [0, 10],
    [1.5, 10],
    [1, 0],
    [1, 201],
  ])('refuses page %p with pageSize %p', (page, pageSize) => {
    expect(() => buildContextPack({ record, insights, transcript, level: 'redacted', page, pageSize })).toThrow(
      expect.objectContaining({ code: 'UNPROCESSABLE' }),
    );
  });
});
