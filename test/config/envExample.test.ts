import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { envSchema } from '../../src/config/schema';

const exampleKeys = (): Map<string, string> => {
  const text = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
  const entries = text
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!] as const);
  return new Map(entries);
};

describe('.env.example', () => {
  it('documents every key of the config schema, and nothing else', () => {
    expect([...exampleKeys().keys()].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('shows values that the schema accepts, so copying it to .env starts Tandem', () => {
    const values = Object.fromEntries(exampleKeys());
    expect(() => loadConfig(values)).not.toThrow();
  });
});
