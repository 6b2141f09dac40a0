/**
 * Advance passenger information: how long the upload of one manifest takes (parse, pre-screen every
 * passenger with the console check, store in one transaction), and the re-screen after a list change.
 * Runs the real server on a fresh embedded database (demo data) over HTTP on 127.0.0.1.
 *
 *   npx tsx bench/border/apis-prescreen.ts [passengers=300]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../packages/server/src/main.ts';

const N = Number(process.argv[2] ?? 300);
const dataDir = mkdtempSync(join(tmpdir(), 'kamurj-apis-bench-'));
const srv = await startServer({ port: 0, host: '127.0.0.1', dataDir, logger: false });

async function login(username: string) {
  const res = await fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Kamurj-demo-2026!' }) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${srv.url}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
}

try {
  const officer = await login('border.officer');
  const supervisor = await login('border.supervisor');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Yerevan', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const SURNAMES = ['PETROSYAN', 'IVANOV', 'MUELLER', 'SMITH', 'KARIMOV', 'HOVHANNISYAN', 'NOVAK', 'ROSSI', 'AHMADI', 'GARCIA'];
  const GIVEN = ['ARAM', 'ANNA', 'LUKAS', 'JOHN', 'DILNOZA', 'TIGRAN', 'EVA', 'MARCO', 'REZA', 'SOFIA'];
  const rows = Array.from({ length: N }, (_, n) => {
    const year = 1950 + (n % 50);
    return [SURNAMES[n % 10], GIVEN[(n * 7) % 10], `${year}-0${1 + (n % 9)}-1${n % 10}`, n % 2 ? 'F' : 'M', 'DEU', `BX${String(100000 + n)}`, 'P', 'DEU', '2031-01-01', 'FZ717', 'EVN', `${today}T23:30`].join(',');
  });
  const csv = ['Surname,Given names,Date of birth,Sex,Nationality,Document number,Document type,Issuing state,Expiry,Flight,Arrival airport,Scheduled arrival', ...rows].join('\n');
  const times: number[] = [];
  type Manifest = { id: string; counts: Record<string, number> };
  let manifest: Manifest | undefined;
  for (let run = 0; run < 3; run++) {
    const content = `${csv}\n${rows[0]!.replace('BX100000', `BZ${run}00000`)}`; // a new file each run (supersedes)
    const t0 = performance.now();
    manifest = (await officer('POST', '/api/border/apis/manifests', { crossingPoint: 'ZVARTNOTS', content })).manifest as Manifest;
    times.push(performance.now() - t0);
  }
  await supervisor('POST', '/api/border/lists/watchlist', { names: ['NOVAK EVA'], reason: 'bench', action: 'second_line' });
  const t1 = performance.now();
  const arrivals = await officer('GET', '/api/border/apis/arrivals?crossingPoint=ZVARTNOTS');
  const rescreen = performance.now() - t1;
  const t2 = performance.now();
  await officer('GET', '/api/border/apis/arrivals?crossingPoint=ZVARTNOTS');
  const fresh = performance.now() - t2;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`passengers per manifest: ${N + 1}`);
  console.log(`upload + pre-screen (3 runs): ${times.map(ms).join(', ')} → ${((times.reduce((a, b) => a + b, 0) / times.length / (N + 1)) * 1000).toFixed(0)} µs per passenger`);
  console.log(`counts of the last manifest: ${JSON.stringify(manifest?.counts)}`);
  console.log(`arrivals panel after a list change (re-screen included): ${ms(rescreen)}; flagged travellers: ${(arrivals.travellers as unknown[]).length}`);
  console.log(`arrivals panel, lists unchanged: ${ms(fresh)}`);
} finally {
  await srv.close();
  rmSync(dataDir, { recursive: true, force: true });
}
