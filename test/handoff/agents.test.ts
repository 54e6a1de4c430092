import { loadConfig } from '../../src/config';
import { AgentDirectory, canSeePii, hashAgentToken } from '../../src/handoff/agents';

const agentsJson = JSON.stringify([
  { id: 'dana', name: 'Dana Reyes', role: 'agent', tokenSha256: hashAgentToken('s3cret-dana'), skills: ['billing'] },
  { id: 'dr-kim', name: 'Dr Kim', role: 'clinician', tokenSha256: hashAgentToken('s3cret-kim').toUpperCase() },
]);

describe('AgentDirectory', () => {
  const directory = AgentDirectory.fromConfig(loadConfig({ AGENTS_JSON: agentsJson }));

  it.each([
    ['Bearer s3cret-dana', 'dana'],
    ['bearer   s3cret-kim ', 'dr-kim'],
    ['s3cret-dana', 'dana'],
    ['Bearer s3cret-dan', null],
    ['Bearer ', null],
    ['Basic s3cret-dana', null],
    ['', null],
    [undefined, null],
    ['Bearer dev-agent-token', null],
  ])('authenticates %p as %p', (header, id) => {
    expect(directory.authenticate(header)?.id ?? null).toBe(id);
  });

  it('exposes agents without token material', () => {
    expect(directory.source).toBe('AGENTS_JSON');
    expect(directory.get('dana')).toEqual({ id: 'dana', name: 'Dana Reyes', role: 'agent', skills: ['billing'] });
    expect(JSON.stringify(directory.list())).not.toMatch(/[0-9a-f]{64}/i);
  });

  it('reads AGENTS_FILE through the injected reader', () => {
    const fromFile = AgentDirectory.fromConfig(loadConfig({ AGENTS_FILE: '/etc/tandem/agents.json' }), (path) => {
      expect(path).toBe('/etc/tandem/agents.json');
      return agentsJson;
    });
    expect(fromFile.source).toBe('AGENTS_FILE');
    expect(fromFile.authenticate('Bearer s3cret-kim')?.role).toBe('clinician');
  });

  it('uses the documented dev agents only when nothing is configured and no app id is set', () => {
    const dev = AgentDirectory.fromConfig(loadConfig({}));
    expect(dev.source).toBe('dev-defaults');
    expect(dev.authenticate('Bearer dev-agent-token')?.role).toBe('agent');
    expect(dev.authenticate('Bearer dev-supervisor-token')?.role).toBe('supervisor');
    expect(dev.authenticate('Bearer dev-clinician-token')?.role).toBe('clinician');
    expect(() => AgentDirectory.fromConfig(loadConfig({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001' }))).toThrow(
      /AGENTS_JSON: set AGENTS_JSON or AGENTS_FILE: the dev agents are refused when MICROSOFT_APP_ID is set/,
    );
  });

  it.each([
    [{ AGENTS_JSON: 'not json' }, /AGENTS_JSON: is not valid JSON/],
    [{ AGENTS_JSON: '[]' }, /AGENTS_JSON: must list at least one agent/],
    [{ AGENTS_JSON: JSON.stringify([{ id: 'x', name: 'X', role: 'boss', tokenSha256: hashAgentToken('t') }]) }, /AGENTS_JSON\[0\]\[role\]/],
    [{ AGENTS_JSON: JSON.stringify([{ id: 'x', name: 'X', role: 'agent', tokenSha256: 'plain-token' }]) }, /AGENTS_JSON\[0\]\[tokenSha256\]: must be the hex SHA-256/],
    [
      { AGENTS_JSON: JSON.stringify([{ id: 'x', name: 'X', role: 'agent', tokenSha256: hashAgentToken('t'), token: 't' }]) },
      /AGENTS_JSON\[0\]/,
    ],
    [
      {
        AGENTS_JSON: JSON.stringify([
          { id: 'x', name: 'X', role: 'agent', tokenSha256: hashAgentToken('t') },
          { id: 'x', name: 'Y', role: 'agent', tokenSha256: hashAgentToken('t') },
        ]),
      },
      /duplicate agent id "x"[\s\S]*two agents share a token/,
    ],
    [{ AGENTS_JSON: agentsJson, AGENTS_FILE: 'agents.json' }, /not both/],
  ])('refuses a bad directory %#, naming the key', (env, message) => {
    expect(() => AgentDirectory.fromConfig(loadConfig(env as Record<string, string>), () => '')).toThrow(message);
  });

  it('names AGENTS_FILE when the file cannot be read', () => {
    expect(() =>
      AgentDirectory.fromConfig(loadConfig({ AGENTS_FILE: '/nope.json' }), () => {
        throw new Error('ENOENT: no such file');
      }),
    ).toThrow(/AGENTS_FILE: cannot read \/nope.json: ENOENT/);
  });
});

describe('role permissions', () => {
  it('lets clinicians and supervisors see PII, and not agents', () => {
    expect([canSeePii('agent'), canSeePii('supervisor'), canSeePii('clinician')]).toEqual([false, true, true]);
  });
});
