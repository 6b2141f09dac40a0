import type { Db } from '../db/client.ts';
import { stableUuid } from '../lib/ids.ts';
import { audit } from '../modules/audit/index.ts';
import { appendHistory, batchDedupe, insertHousehold, insertLink, insertPerson } from '../modules/persons/index.ts';
import { DEMO_PERSONS, type DemoPerson } from './demo-persons.ts';
import { generatedPersons } from './population-persons.ts';
import { detectScript } from '@kamurj/domain/names';

const STATUS_CODES = new Set(['XXA', 'XXB', 'XXC', 'XXX']);
const id = (key: string, part = '') => stableUuid('demo-person', `${key}${part}`);

function record(p: DemoPerson) {
  return {
    names: p.names.map(([surname, givenNames, patronymic, kind], i) => ({
      id: id(p.key, `:name:${i}`),
      surname,
      givenNames,
      patronymic,
      script: detectScript(`${surname} ${givenNames} ${patronymic ?? ''}`),
      kind,
      source: kind === 'document-latin' && p.docs[0] ? `${p.docs[0][0]} ${p.docs[0][1]}` : null,
    })),
    birthDate: p.birth,
    sex: p.sex,
    citizenships: p.citizenships.map((code) => ({ code, kind: STATUS_CODES.has(code) ? ('status' as const) : ('country' as const) })),
    documents: p.docs.map(([type, number, issuingState, issueDate, expiryDate, status], i) => ({
      id: id(p.key, `:doc:${i}`),
      type,
      number,
      issuingState,
      issueDate,
      expiryDate,
      status: status ?? 'valid',
      mrz: null,
    })),
    addresses: p.region ? [{ id: id(p.key, ':addr'), kind: 'residence' as const, country: 'ARM', region: p.region, community: p.community ?? null, line: null, since: null }] : [],
    contacts: p.phone ? [{ id: id(p.key, ':phone'), kind: 'phone' as const, value: p.phone }] : [],
    protection: { traffickingVictim: p.trafficking ?? false, asylumSeeker: p.asylum ?? false },
    registeredIn: p.region,
  };
}

/**
 * Seeds ~300 persons from the synthetic population generator and (Armenia) a hand-written set; once (stable ids: a second run adds nothing), a family link and a household, then
 * runs the batch duplicate detection so that the review queue shows the planted duplicates.
 */
export async function seedDemoPersons(db: Db, country: string, regions: readonly string[], at: Date): Promise<number> {
  const origin = { auth: null, clientIp: null, requestId: null, at };
  const actor = { type: 'system' as const, id: null, name: 'seed' };
  let created = 0;
  const population = country === 'ARM' || country === 'KAZ' ? generatedPersons(country, regions, at) : [];
  await db.tx(async (tx) => {
    for (const g of population) {
      if ((await tx.query('SELECT 1 FROM persons WHERE id = $1', [g.id])).rows.length) continue;
      await insertPerson(tx, { id: g.id, record: g.record, jurisdictionPath: g.region ? `${country}.${g.region}` : null, source: 'seed', at, actorId: null });
      await appendHistory(tx, { personId: g.id, version: 1, at, actorId: null, actorName: 'seed', action: 'create', record: g.record, mergedInto: null, details: { source: 'population' } });
      created++;
    }
    if (created) await audit(tx, origin, { action: 'persons.seed', purpose: 'administration', actor, details: { generated: created } });
    if (country !== 'ARM') return;
    for (const p of DEMO_PERSONS) {
      const pid = id(p.key);
      if ((await tx.query('SELECT 1 FROM persons WHERE id = $1', [pid])).rows.length) continue;
      const rec = record(p);
      await insertPerson(tx, { id: pid, record: rec, jurisdictionPath: p.region ? `${country}.${p.region}` : null, source: 'seed', at, actorId: null });
      await appendHistory(tx, { personId: pid, version: 1, at, actorId: null, actorName: 'seed', action: 'create', record: rec, mergedInto: null, details: { source: 'seed' } });
      await audit(tx, origin, { action: 'persons.create', purpose: 'administration', actor, targetType: 'person', targetId: pid, details: { source: 'seed' } });
      created++;
    }
    if (created === population.length + DEMO_PERSONS.length) {
      await insertLink(tx, id('aram-h'), id('ani-h'), 'child', at, 'seed');
      await insertHousehold(tx, { label: 'Հովհաննիսյան', region: 'AM-ER', community: 'Արաբկիր', members: [{ personId: id('aram-h'), role: 'head' }, { personId: id('ani-h'), role: 'member' }] }, at, 'seed');
    }
  });
  if (created) await batchDedupe(db, () => ({ ...origin, auth: null }), { autoMergeThreshold: 1.01 });
  return created;
}
