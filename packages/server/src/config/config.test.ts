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

describe('edge mode configuration (ADR 0503)', () => {
  const edge = {
    KAMURJ_MODE: 'edge',
    KAMURJ_EDGE_CENTRE_URL: 'https://centre.example/',
    KAMURJ_EDGE_TOKEN: `kmj_${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.${'a'.repeat(32)}`,
    KAMURJ_EDGE_NODE_ID: 'bagratashen-1',
    KAMURJ_EDGE_CROSSING_POINT: 'BAGRATASHEN',
  };

  it('is central by default and edge settings are absent', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('central');
    expect(c.edge).toBeUndefined();
  });

  it('edge mode needs the centre, a token, a node id and a crossing point, listed together', () => {
    try {
      loadConfig({ KAMURJ_MODE: 'edge' });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'KAMURJ_EDGE_CENTRE_URL', 'KAMURJ_EDGE_CROSSING_POINT', 'KAMURJ_EDGE_NODE_ID', 'KAMURJ_EDGE_TOKEN',
      ]);
    }
    const c = loadConfig(edge);
    expect(c.edge).toMatchObject({ centreUrl: 'https://centre.example', nodeId: 'bagratashen-1', crossingPoint: 'BAGRATASHEN', pushIntervalMs: 2000 });
    expect(() => loadConfig({ ...edge, KAMURJ_EDGE_TOKEN: 'secret' })).toThrow(/KAMURJ_EDGE_TOKEN/);
    expect(() => loadConfig({ ...edge, DATABASE_URL: 'postgres://db/kamurj' })).toThrow(/own embedded database/);
  });

  it('an edge node runs on its embedded database in production', () => {
    expect(loadConfig({ ...edge, NODE_ENV: 'production' }).mode).toBe('edge');
  });
});
