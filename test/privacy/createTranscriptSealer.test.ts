import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { createTranscriptSealer } from '../../src/privacy/createTranscriptSealer';
import { captureLogs } from '../storage/logCapture';

describe('createTranscriptSealer', () => {
  it('uses TRANSCRIPT_ENCRYPTION_KEY, so another process with the same key opens what this one sealed', () => {
    const key = randomBytes(32).toString('base64');
    const { logger, lines } = captureLogs();
    const one = createTranscriptSealer(loadConfig({ TRANSCRIPT_ENCRYPTION_KEY: key }), { shared: true }, logger);
    const two = createTranscriptSealer(loadConfig({ TRANSCRIPT_ENCRYPTION_KEY: key }), { shared: false }, logger);
    expect(two?.open(one!.seal('SSN 123-45-6789', 'c1'), 'c1')).toBe('SSN 123-45-6789');
    expect(lines()).toEqual([]);
  });

  it('in memory mode without a key, seals with a key of this process and says so at start-up', () => {
    const { logger, lines } = captureLogs();
    const sealer = createTranscriptSealer(loadConfig({}), { shared: false }, logger);
    expect(sealer?.open(sealer.seal('hello', 'c1'), 'c1')).toBe('hello');
    expect(lines()).toEqual([expect.objectContaining({ level: 40, msg: expect.stringMatching(/TRANSCRIPT_ENCRYPTION_KEY is unset.*this process/) })]);
  });

  it('with state shared through Redis and no key, keeps nothing in clear and says supervisors will see redacted transcripts', () => {
    const { logger, lines } = captureLogs();
    expect(createTranscriptSealer(loadConfig({}), { shared: true }, logger)).toBeUndefined();
    expect(lines()).toEqual([expect.objectContaining({ level: 40, msg: expect.stringMatching(/only redacted transcripts are kept/) })]);
  });

  it.each(['short', 'A'.repeat(44), 'z'.repeat(64), randomBytes(16).toString('base64')])('refuses the key %p at start-up, naming the key', (key) => {
    expect(() => loadConfig({ TRANSCRIPT_ENCRYPTION_KEY: key })).toThrow(/TRANSCRIPT_ENCRYPTION_KEY: must be 32 random bytes/);
  });

  it('accepts 64 hex digits', () => {
    expect(() => loadConfig({ TRANSCRIPT_ENCRYPTION_KEY: randomBytes(32).toString('hex') })).not.toThrow();
  });
});
