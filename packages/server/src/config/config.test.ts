import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('works with nothing set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, country: 'ARM', seedDemo: true, dataDir: './data' });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', KAMURJ_COUNTRY: 'armenia', KAMURJ_SESSION_IDLE_MINUTES: '0' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['KAMURJ_COUNTRY', 'KAMURJ_SESSION_IDLE_MINUTES', 'PORT']);
    }
  });

  it('is strict in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/kamurj', KAMURJ_SEED_DEMO: 'true' })).toThrow(/demo/);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/kamurj' }).seedDemo).toBe(false);
  });
});
