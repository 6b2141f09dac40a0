import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, loginAs, type Client, type TestApp } from '../testing/test-app.ts';

/**
 * Every endpoint in the OpenAPI document receives generated malformed requests — broken JSON, wrong types,
 * unknown fields, garbage path and query values, oversized and wrongly-typed bodies — as an administrator
 * with a valid session and CSRF token, and anonymously. Only 4xx may come back, never a 5xx.
 */
let t: TestApp;
let admin: Client;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await createTestApp({ KAMURJ_BODY_LIMIT_BYTES: '65536' });
  admin = await loginAs(t, 'admin');
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
});
afterAll(() => t.close());

const GARBAGE_IDS = ['not-a-uuid', '1', "'; DROP TABLE users; --", '%00', 'ÿÿÿ', 'x'.repeat(300), '00000000-0000-4000-8000-000000000000'];
const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

async function send(method: string, url: string, payload?: string, contentType = 'application/json', withSession = true) {
  return t.app.inject({
    method: method as 'POST',
    url,
    headers: {
      ...(withSession ? { cookie: admin.cookie, 'x-csrf-token': admin.csrf } : {}),
      ...(payload !== undefined ? { 'content-type': contentType } : {}),
    },
    ...(payload !== undefined ? { payload } : {}),
  });
}

describe('malformed requests get a 4xx naming the problem, never a 5xx', () => {
  it('covers the whole API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it('crafted bad bodies, types and sizes', async () => {
    const failures: string[] = [];
    for (const r of routes) {
      const writes = r.method !== 'GET';
      for (const id of GARBAGE_IDS) {
        const url = fill(r.path, id === '00000000-0000-4000-8000-000000000000' || !r.path.includes('{') ? id : id);
        const cases: [string | undefined, string][] = writes
          ? [['{bad json', 'application/json'], ['[]', 'application/json'], ['null', 'application/json'], ['"text"', 'application/json'],
             ['{"unexpected":true,"version":"one"}', 'application/json'], ['a=b', 'application/x-www-form-urlencoded'], ['<x/>', 'text/xml'],
             [JSON.stringify({ x: 'y'.repeat(70_000) }), 'application/json']]
          : [[undefined, '']];
        for (const [payload, type] of cases) {
          for (const withSession of [true, false]) {
            const query = r.method === 'GET' ? '?limit=-5&offset=abc&from=2026-13-45&unknown=1&includeDisabled=maybe' : '';
            const res = await send(r.method, `${url}${query}`, payload, type, withSession);
            if (res.statusCode >= 500 || (res.statusCode < 400 && r.path !== '/api/health' && r.path !== '/api/ready' && r.path !== '/api/openapi.json')) {
              failures.push(`${r.method} ${url}${query} [${type}] session=${withSession} → ${res.statusCode} ${res.body.slice(0, 120)}`);
            }
            if (res.statusCode >= 400 && !/^[A-Z_.]+$/.test(res.json()?.error?.code ?? "")) failures.push(`${r.method} ${url} no code: ${res.statusCode} ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('random JSON bodies and query values', async () => {
    const writes = routes.filter((r) => r.method !== 'GET');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 40 }), async (r, body, id) => {
        const res = await send(r.method, fill(r.path, id || 'x'), JSON.stringify(body));
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const reads = routes.filter((r) => r.method === 'GET');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...reads), fc.dictionary(fc.constantFrom('q', 'limit', 'offset', 'from', 'to', 'role', 'agencyId', 'targetId', 'action'), fc.string({ maxLength: 30 })), async (r, params) => {
        const qs = new URLSearchParams(params).toString();
        const res = await send('GET', `${fill(r.path, 'countries')}?${qs}`);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
