import { errorRegistry, TandemError, toTandemError } from '../src/errors';

describe('error registry', () => {
  it.each(Object.entries(errorRegistry))('%s has an HTTP status, an internal and a user-safe message', (_code, entry) => {
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.internal.length).toBeGreaterThan(0);
    expect(entry.user.length).toBeGreaterThan(0);
    expect(entry.user).not.toMatch(/redis|stack|exception|undefined|null/i);
  });

  it('keeps internal detail out of the user message', () => {
    const error = new TandemError('STATE_UNAVAILABLE', 'ECONNREFUSED 127.0.0.1:6379');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.userMessage).not.toContain('ECONNREFUSED');
    expect(error.status).toBe(503);
  });

  it('maps unknown errors to INTERNAL without exposing them', () => {
    const mapped = toTandemError(new Error('secret table name'));
    expect(mapped.code).toBe('INTERNAL');
    expect(mapped.userMessage).not.toContain('secret');
  });
});
