import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.MICROSOFT_APP_ID).toBe('');
    expect(config.DEFAULT_TIMEZONE).toBe('America/New_York');
  });

  it('treats empty values as unset, so KEY= in a .env file keeps the default', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '  ' }).PORT).toBe(3978);
  });

  it('coerces numbers and keeps valid values', () => {
    const config = loadConfig({ PORT: '8080', REDIS_URL: 'redis://127.0.0.1:6379/2', LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ PORT: 8080, REDIS_URL: 'redis://127.0.0.1:6379/2', LOG_LEVEL: 'debug' });
  });

  it.each([
    ['PORT', 'eighty', 'PORT'],
    ['PORT', '70000', 'PORT'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus', 'DEFAULT_TIMEZONE'],
    ['MICROSOFT_APP_TYPE', 'Personal', 'MICROSOFT_APP_TYPE'],
  ])('rejects %s=%s with an error naming the key', (key, value, named) => {
    const attempt = () => loadConfig({ [key]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`${named}: `));
  });

  it('reads REDIS_CLUSTER_NODES as the seed nodes of a Redis Cluster', () => {
    expect(loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001,[::1]:7002' }).REDIS_CLUSTER_NODES).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b.internal', port: 7001 },
      { host: '::1', port: 7002 },
    ]);
  });

  it.each(['redis://10.0.0.1:7000', '10.0.0.1', '10.0.0.1:7000,', '10.0.0.1:0', 'host:70000'])('rejects REDIS_CLUSTER_NODES=%s naming the key and the expected shape', (value) => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(/REDIS_CLUSTER_NODES: node ".*" must look like host:port/);
  });

  it('refuses REDIS_URL and REDIS_CLUSTER_NODES together, naming both', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' })).toThrow(
      /REDIS_CLUSTER_NODES: cannot be set together with REDIS_URL/,
    );
  });

  it('names every bad key at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as ConfigError).issues.map((i) => i.key).sort()).toEqual(['LOG_LEVEL', 'PORT']);
    }
  });

  it('returns a deep-frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { PORT: number }).PORT = 1;
    }).toThrow(TypeError);
  });
});
