import type { SweepResult } from '../../src/handoff/queueSweep';
import { startHandoffSweeper } from '../../src/handoff/sweeper';

describe('startHandoffSweeper', () => {
  afterEach(() => jest.useRealTimers());

  it('sweeps on every tick, never overlapping, survives failures and stops cleanly', async () => {
    jest.useFakeTimers();
    const empty: SweepResult = { requeued: [], timedOut: [], announced: [], notices: [] };
    let calls = 0;
    let release: (() => void) | undefined;
    const service = {
      sweep: jest.fn(async () => {
        calls += 1;
        if (calls === 1) throw new Error('redis down');
        if (calls === 2) await new Promise<void>((r) => (release = r));
        return empty;
      }),
    };
    const stop = startHandoffSweeper(service, 1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
    await jest.advanceTimersByTimeAsync(3000);
    expect(calls).toBe(2);
    release?.();
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(3);
    await stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(3);
  });
});
