import { bestThreshold, detectBinaryKind, evaluateBinaryDetector, lexiconSignals, parseBinaryRows } from '../../../bench/lib/binaryEval';

const complaint = ['this is useless', 'worst service ever', 'still waiting for my refund', 'my bag was lost again', 'terrible, nobody answers', 'flight delayed three hours, unacceptable'];
const other = ['thanks for the help', 'what time do you open', 'great flight, thank you', 'can I change my seat', 'do you fly to boston', 'lovely crew today'];
const rows = (n: number): { text: string; label: string }[] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { text: complaint[i % complaint.length]!, label: 'negative' } : { text: other[i % other.length]!, label: i % 4 === 1 ? 'neutral' : 'positive' }));

describe('evaluateBinaryDetector', () => {
  it('scores a lexicon-only detector on {text, label} rows', () => {
    const result = evaluateBinaryDetector(rows(24), 'label', { defaultThreshold: 0.3 });
    expect(result.method).toBe('lexicon');
    expect(result.n).toBe(24);
    expect(result.positives).toBe(12);
    expect(result.tp + result.fp + result.fn + result.tn).toBe(24);
    expect(result.recall).toBeGreaterThan(0.8);
  });

  it('trains the combined detector, tunes on out-of-fold scores and reports precision/recall/F1', () => {
    const result = evaluateBinaryDetector(rows(24), 'label', { train: rows(120), folds: 3, model: { epochs: 10 } });
    expect(result.method).toBe('combined');
    expect(result.tuneRows).toBe(120);
    expect(result.f1).toBeGreaterThan(0.9);
    expect(result.precision).toBeGreaterThan(0);
  });

  it('replays frustrated-turn rows dialogue by dialogue', () => {
    const turns = [
      { text: 'I need a train to Ely', frustrated: false, dialogue: 'd1' },
      { text: 'No, I said Ely, not Ealing. This is useless!!', frustrated: true, dialogue: 'd1' },
      { text: 'book a table for two', frustrated: false, dialogue: 'd2' },
      { text: 'thanks, bye', frustrated: false, dialogue: 'd2' },
    ];
    const result = evaluateBinaryDetector(turns, 'frustrated', { defaultThreshold: 0.4 });
    expect(result).toMatchObject({ kind: 'frustrated', tp: 1, fp: 0, fn: 0, tn: 3, f1: 1 });
  });

  it('reads a frustrated-turn row against the dialogue so far when asked to', () => {
    const turns = parseBinaryRows(
      [
        { text: 'a table for 4 at 18:30 please', frustrated: false, dialogue: 'd1' },
        { text: 'No, I said 18:30, a table for 4', frustrated: true, dialogue: 'd1' },
        { text: 'a table for 4', frustrated: false, dialogue: 'd2' },
      ],
      'frustrated',
    );
    const [first, second, other] = lexiconSignals(turns, 'frustrated', true).map((s) => s.features);
    expect(first).toContain('d:first');
    expect(second).toEqual(expect.arrayContaining(['repnum', 'prev:vote:neutral', 'maxov:4']));
    expect(other).toContain('d:first');
    expect(lexiconSignals(turns, 'frustrated').map((s) => s.features).flat()).not.toContain('repnum');
  });

  it('refuses model methods without training rows, and bad rows with the row number', () => {
    expect(() => evaluateBinaryDetector(rows(4), 'label', { method: 'model' })).toThrow(/needs training rows/);
    expect(() => parseBinaryRows([{ text: 'a', label: 'negative' }, { text: 3 }], 'label')).toThrow(/row 2/);
  });

  it('tells the file kind from its fields', () => {
    expect(detectBinaryKind([{ text: 'x', label: 'negative' }])).toBe('label');
    expect(detectBinaryKind([{ text: 'x', frustrated: true }])).toBe('frustrated');
    expect(() => detectBinaryKind([{ text: 'x' }])).toThrow(/label.*frustrated/);
  });

  it('picks the F1-best threshold', () => {
    expect(bestThreshold([0.9, 0.8, 0.3, 0.1], [true, true, false, false])).toBe(0.8);
    expect(bestThreshold([0.9, 0.8, 0.7, 0.1], [true, false, true, false])).toBe(0.7);
  });
});
