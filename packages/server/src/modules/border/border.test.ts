import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { newKey, passportMrz, record, zvartnotsEntry } from '../../testing/border.ts';
import { screeningStats } from './screening-cache.ts';

let t: TestApp;
let officer: Client;
let supervisor: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t, 'border.officer');
  supervisor = await loginAs(t, 'border.supervisor');
});
afterAll(() => t.close());

const check = (c: Client, mrz: string, extra: Record<string, unknown> = {}) => c.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, ...extra });

describe('check: one call for the console panel', () => {
  it('a valid passport of a new foreigner: parsed, no hits, new person, stay counted under the visa-free rule', async () => {
    const res = await check(officer, passportMrz({ surname: 'KOVACS', given: 'ISTVAN', number: 'HU1234567', state: 'HUN' }));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.document).toMatchObject({ source: 'mrz', valid: true, specimen: false, expired: false, number: 'HU1234567', issuingState: 'HUN', surname: 'KOVACS' });
    expect(body.newPerson).toBe(true);
    expect(body.hits).toEqual([]);
    expect(body.stay.status).toBe('foreigner');
    expect(body.stay.position).toMatchObject({ kind: 'counted', daysUsed: 1, daysRemaining: 179 });
    const audit = await t.db.query<{ purpose: string }>(`SELECT purpose FROM audit_log WHERE action = 'border.check' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]?.purpose).toBe('border_control');
  });

  it('garbage is a 400 naming the field; lower case and specimens are read but flagged', async () => {
    const bad = await check(officer, 'hello world');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].field).toBe('body.mrz');
    const neither = await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry' });
    expect(neither.statusCode).toBe(400);
    const lower = await check(officer, passportMrz({ surname: 'NOVAK', given: 'JAN', number: 'CZ7654321', state: 'CZE' }).toLowerCase());
    expect(lower.statusCode).toBe(200);
    expect(lower.json().document.valid).toBe(false);
    expect(lower.json().document.errors.map((e: { code: string }) => e.code)).toContain('MRZ.LOWER_CASE');
    const specimen = await check(officer, passportMrz({ surname: 'ERIKSSON', given: 'ANNA', number: 'L898902C3', state: 'UTO', sex: 'F' }));
    expect(specimen.statusCode).toBe(200);
    expect(specimen.json().document.specimen).toBe(true);
  });

  it('a manual form works without an MRZ', async () => {
    const res = await officer.post('/api/border/check', {
      crossingPoint: 'ZVARTNOTS',
      direction: 'entry',
      manual: { documentNumber: 'ab 123 456', issuingState: 'fra', nationality: 'FRA', surname: 'Dupont', givenNames: 'Marie', birthDate: '1990-05-06', sex: 'F', expiryDate: '2030-01-01' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().document).toMatchObject({ source: 'manual', number: 'AB123456', issuingState: 'FRA', valid: null });
  });

  it('an officer at Zvartnots cannot check or record at Bagratashen', async () => {
    const mrz = passportMrz({ surname: 'ROSSI', given: 'MARIO', number: 'YA1112223', state: 'ITA' });
    expect((await officer.post('/api/border/check', { crossingPoint: 'BAGRATASHEN', direction: 'entry', mrz })).statusCode).toBe(403);
    expect((await record(officer, { crossingPoint: 'BAGRATASHEN', direction: 'entry', mrz, decision: 'admit' })).statusCode).toBe(403);
    expect((await record(supervisor, { crossingPoint: 'BAGRATASHEN', direction: 'entry', mrz, decision: 'admit' })).statusCode).toBe(201);
    const context = (await officer.get('/api/border/context')).json();
    expect(context.crossingPoints.map((p: { code: string }) => p.code)).toEqual(['ZVARTNOTS']);
  });
});

describe('screening hits', () => {
  it('a watchlist entry in Cyrillic hits the Latin MRZ; a stolen document hits; a ban in force hits, an ended one does not', async () => {
    const w = await supervisor.post('/api/border/lists/watchlist', { names: ['Оганесян Арамаис', 'Ohanesyan Aramais'], birthDate: '1975', reason: 'Wanted for questioning', action: 'second_line' });
    expect(w.statusCode).toBe(201);
    const d = await supervisor.post('/api/border/lists/document', { number: 'LS9900112', issuingState: 'GBR', documentType: 'passport', status: 'stolen', reportedOn: '2026-01-10' });
    expect(d.statusCode).toBe(201);
    const banned = await supervisor.post('/api/border/lists/entry_ban', { names: ['MUELLER HANSJOERG'], birthDate: '1966-02-03', reason: 'Deported 2025', action: 'refuse_entry', ban: { from: '2025-01-01', duration: { years: 5 } } });
    expect(banned.statusCode).toBe(201);
    const ended = await supervisor.post('/api/border/lists/entry_ban', { names: ['SCHMIDTKE WALDEMAR'], birthDate: '1970-01-01', reason: 'Old ban', action: 'refuse_entry', ban: { from: '2020-01-01', until: '2021-01-01' } });
    expect(ended.statusCode).toBe(201);

    const before = screeningStats.rebuilds;
    const hov = (await check(officer, passportMrz({ surname: 'HOVHANNISYAN', given: 'ARAMAIS', number: 'AR5550001', state: 'ARM', birth: '1975-06-07' }))).json();
    expect(hov.hits.map((h: { source: string; entryId: string }) => [h.source, h.entryId])).toContainEqual(['watchlist', w.json().id]);
    expect(hov.hits.find((h: { entryId: string }) => h.entryId === w.json().id).explanation).toBeTruthy();
    const rebuilt = screeningStats.rebuilds;
    expect(rebuilt).toBeGreaterThan(before);
    // The lists did not change: the next check uses the prepared index as it is.
    const stolen = (await check(officer, passportMrz({ surname: 'SMITH', given: 'JOHN', number: 'LS9900112', state: 'GBR' }))).json();
    expect(screeningStats.rebuilds).toBe(rebuilt);
    expect(stolen.hits).toMatchObject([{ source: 'document', document: { status: 'stolen', matchKind: 'exact' } }]);
    const ban = (await check(officer, passportMrz({ surname: 'MUELLER', given: 'HANSJOERG', number: 'C01X00T47', state: 'D', nationality: 'D', birth: '1966-02-03' }))).json();
    expect(ban.hits.map((h: { source: string }) => h.source)).toEqual(['entry_ban']);
    const old = (await check(officer, passportMrz({ surname: 'SCHMIDTKE', given: 'WALDEMAR', number: 'C01X00T58', state: 'D', nationality: 'D', birth: '1970-01-01' }))).json();
    expect(old.hits).toEqual([]);
  });

  it('a false hit, once adjudicated, does not stop the same person again until the entry changes', async () => {
    const w = (await supervisor.post('/api/border/lists/watchlist', { names: ['Петросян Гагик'], birthDate: '1982', reason: 'Interpol notice', action: 'second_line' })).json();
    const mrz = passportMrz({ surname: 'PETROSYAN', given: 'GAGIK', number: 'AP1010101', state: 'ARM', birth: '1982-09-09' });
    const first = (await check(officer, mrz)).json();
    expect(first.hits.map((h: { entryId: string }) => h.entryId)).toContain(w.id);
    // Second line, then the person is registered from the document.
    const sent = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'second_line', reason: 'Watchlist hit', registerPerson: true });
    expect(sent.statusCode).toBe(201);
    const personId = sent.json().crossing.personId;
    expect(personId).toBeTruthy();
    const adj = await officer.post('/api/border/adjudications', { personId, entryId: w.id, entryVersion: 1, outcome: 'false_hit', reason: 'Different father’s name and birthplace' });
    expect(adj.statusCode).toBe(201);
    const noReason = await officer.post('/api/border/adjudications', { personId, entryId: w.id, entryVersion: 1, outcome: 'false_hit', reason: '' });
    expect(noReason.statusCode).toBe(400);
    const again = (await check(officer, mrz)).json();
    expect(again.person.id).toBe(personId);
    expect(again.hits.map((h: { entryId: string }) => h.entryId)).not.toContain(w.id);
    expect(again.suppressed.map((h: { entryId: string }) => h.entryId)).toContain(w.id);
    const changed = await supervisor.patch(`/api/border/entries/${w.id}`, { version: 1, entry: { names: ['Петросян Гагик', 'Petrosian Gagik'], birthDate: '1982', reason: 'Interpol notice', action: 'second_line' } });
    expect(changed.statusCode).toBe(200);
    const third = (await check(officer, mrz)).json();
    expect(third.hits.map((h: { entryId: string }) => h.entryId)).toContain(w.id);
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'border.hit.adjudicate' AND target_id = $1`, [personId]);
    expect(audit.rows.length).toBe(1);
  });
});

describe('decisions, idempotency and corrections', () => {
  const mrz = passportMrz({ surname: 'LARSEN', given: 'ERIK', number: 'NO4445556', state: 'NOR' });
  const base = { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz };

  it('admit, refuse with a code, second line; "other" needs a text and second line a reason', async () => {
    const admit = await record(officer, { ...base, decision: 'admit', transport: { mode: 'air', flightNumber: 'fz 717' }, purpose: 'tourism' });
    expect(admit.statusCode).toBe(201);
    expect(admit.json().crossing).toMatchObject({ decision: 'admit', transport: { mode: 'air', flightNumber: 'FZ717' }, local: { timeZone: 'Asia/Yerevan', offsetMinutes: 240 } });
    const refuse = await record(officer, { ...base, decision: 'refuse', refusal: { code: 'insufficient_means' } });
    expect(refuse.statusCode).toBe(201);
    expect(refuse.json().crossing.refusal).toEqual({ code: 'insufficient_means', text: null });
    const other = await record(officer, { ...base, decision: 'refuse', refusal: { code: 'other' } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.issues.map((i: { field: string }) => i.field)).toContain('body.refusal.text');
    expect((await record(officer, { ...base, decision: 'second_line' })).statusCode).toBe(400);
    expect((await record(officer, { ...base, decision: 'second_line', reason: 'Document check' })).statusCode).toBe(201);
    expect((await record(officer, { ...base, decision: 'admit' }, '')).statusCode).toBe(400);
  });

  it('a replay returns the first answer and writes no second row; another request with the key is 409', async () => {
    const key = newKey();
    const body = { ...base, direction: 'exit', decision: 'admit' };
    const first = await record(officer, body, key);
    expect(first.statusCode).toBe(201);
    const again = await record(officer, { decision: 'admit', mrz, direction: 'exit', crossingPoint: 'ZVARTNOTS' }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const rows = await t.db.query(`SELECT 1 FROM border_crossings WHERE id = $1`, [first.json().crossing.id]);
    expect(rows.rows.length).toBe(1);
    const count = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE details->>'idempotencyKey' = $1`, [key]);
    expect(Number(count.rows[0]?.n)).toBe(1);
    const conflict = await record(officer, { ...body, decision: 'refuse', refusal: { code: 'no_valid_document' } }, key);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('BORDER.IDEMPOTENCY_CONFLICT');
    // The key keeps the answer without the crossing (stored once, in its table) and replays it as first
    // answered, even after the record was corrected.
    const kept = (await t.db.query<{ response: Record<string, unknown> }>('SELECT response FROM border_idempotency WHERE key = $1', [key])).rows[0]!.response;
    expect(kept).toMatchObject({ crossingId: first.json().crossing.id });
    expect(kept).not.toHaveProperty('crossing');
    const fixed = await record(officer, { ...body, decision: 'second_line', reason: 'Document check', supersedes: { id: first.json().crossing.id, reason: 'Wrong button' } });
    expect(fixed.statusCode).toBe(201);
    const later = await record(officer, body, key);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.json()).toEqual(first.json());
  });

  it('a correction supersedes the record with a reason; nothing is deleted and a record is corrected once', async () => {
    const wrong = (await record(officer, { ...base, decision: 'refuse', refusal: { code: 'false_document' } })).json().crossing;
    const fixed = await record(officer, { ...base, decision: 'admit', supersedes: { id: wrong.id, reason: 'Wrong button: the document is genuine' } });
    expect(fixed.statusCode).toBe(201);
    const view = (await officer.get(`/api/border/crossings/${fixed.json().crossing.id}`)).json();
    expect(view.crossing.supersedes).toEqual({ id: wrong.id, reason: 'Wrong button: the document is genuine' });
    expect(view.history.map((h: { id: string }) => h.id)).toEqual([wrong.id]);
    expect((await officer.get(`/api/border/crossings/${wrong.id}`)).json().crossing.supersededBy).toBe(fixed.json().crossing.id);
    const twice = await record(officer, { ...base, decision: 'admit', supersedes: { id: wrong.id, reason: 'Again' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('BORDER.ALREADY_SUPERSEDED');
    await expect(t.ownerDb.query(`DELETE FROM border_crossings WHERE id = $1`, [wrong.id])).rejects.toThrow();
    const list = (await officer.get('/api/border/crossings?crossingPoint=ZVARTNOTS&limit=200')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toContain(wrong.id);
  });

  it("a crossing's person must exist, and persons are never deleted (the check that replaced the foreign key, ADR 0512)", async () => {
    const c = (await record(officer, zvartnotsEntry(passportMrz({ surname: 'LINDQVIST', given: 'MAJA', number: 'SE5550123', state: 'SWE' }), { registerPerson: true }))).json().crossing;
    expect(c.personId).toEqual(expect.any(String));
    // A copy of the row under a new id: with its own person it is accepted, with an unknown one refused.
    const copy = (person: string) =>
      t.ownerDb.query(
        `INSERT INTO border_crossings SELECT (jsonb_populate_record(NULL::border_crossings, to_jsonb(c) || jsonb_build_object('id', gen_random_uuid(), 'person_id', $2::uuid))).* FROM border_crossings c WHERE c.id = $1`,
        [c.id, person],
      );
    await expect(copy('00000000-0000-4000-8000-00000000dead')).rejects.toThrow(/no person 00000000-0000-4000-8000-00000000dead/);
    await copy(c.personId);
    expect((await t.ownerDb.query<{ n: number }>('SELECT count(*)::int AS n FROM border_crossings WHERE person_id = $1', [c.personId])).rows[0]!.n).toBe(2);
    const position = (person: string) =>
      t.ownerDb.query(
        `INSERT INTO border_stay_positions SELECT (jsonb_populate_record(NULL::border_stay_positions, to_jsonb(s) || jsonb_build_object('person_id', $2::uuid))).* FROM border_stay_positions s WHERE s.person_id = $1`,
        [c.personId, person],
      );
    await expect(position('00000000-0000-4000-8000-00000000beef')).rejects.toThrow(/border_stay_positions: no person 00000000-0000-4000-8000-00000000beef/);
    await expect(t.ownerDb.query('DELETE FROM persons WHERE id = $1', [c.personId])).rejects.toThrow(/never deleted/);
    // The server's own role may not even try on PostgreSQL (no DELETE grant); on PGlite the trigger refuses.
    await expect(t.db.query('DELETE FROM persons WHERE id = $1', [c.personId])).rejects.toThrow(t.db.kind === 'postgres' ? /permission denied/ : /never deleted/);
  });
});
