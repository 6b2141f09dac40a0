import { parseCrossing, type Decision, type Direction, type RefusalCode } from '@kamurj/domain/border';
import type { Queryable } from '../../db/client.ts';
import { findPerson } from '../persons/index.ts';
import * as crossings from './crossings-repository.ts';
import { appendGroup } from './group-append.ts';
import { bumpListVersion, insertEntry, type EntryData } from './lists-repository.ts';
import { crossingPoints, LIST_IDS, loadSettings, profileOf, type ListKind } from './settings.ts';
import { computeStay, movementsOf, stayFacts, stayPositionRows } from './stay.ts';

/**
 * Writers for demo data (seed/border-demo.ts): list entries and historical crossings through the same
 * repository, stay computation and register as the API, without sessions. Idempotent by id.
 */
export async function seedListEntry(tx: Queryable, e: { id: string; kind: ListKind; agencyCode: string; agencyId: string; data: EntryData; at: Date }): Promise<boolean> {
  if ((await tx.query('SELECT 1 FROM border_list_entries WHERE id = $1', [e.id])).rows.length) return false;
  await insertEntry(tx, { ...e, by: null });
  await bumpListVersion(tx, LIST_IDS[e.kind], e.at);
  return true;
}

export interface SeedCrossing {
  id: string;
  personId: string;
  crossingPoint: string;
  direction: Direction;
  occurredAt: Date;
  decision: Decision;
  refusal?: { code: RefusalCode; text?: string };
  officerId: string;
  officerName: string;
  transport?: { mode: 'air' | 'road' | 'rail'; flightNumber?: string; vehiclePlate?: string };
}

export async function seedCrossing(tx: Queryable, country: string, c: SeedCrossing, at: Date): Promise<boolean> {
  if ((await tx.query('SELECT 1 FROM border_crossings WHERE id = $1', [c.id])).rows.length) return false;
  const person = await findPerson(tx, c.personId);
  if (!person) return false;
  const point = (await crossingPoints(tx, country)).find((p) => p.code === c.crossingPoint);
  if (!point) return false;
  const doc = person.record.documents[0];
  const parsed = parseCrossing(
    {
      id: c.id,
      direction: c.direction,
      crossingPoint: point.code,
      occurredAt: c.occurredAt.toISOString(),
      officerId: c.officerId,
      personId: person.id,
      document: { number: (doc?.number ?? 'UNKNOWN').replace(/[^A-Za-z0-9]/g, ''), issuingState: doc?.issuingState ?? 'XXX', type: doc?.type === 'id_card' ? 'id_card' : 'passport' },
      decision: c.decision,
      ...(c.refusal ? { refusal: c.refusal } : {}),
      ...(c.transport ? { transport: c.transport } : {}),
    },
    { timeZone: point.timeZone },
  );
  if (!parsed.ok) throw new Error(`demo crossing ${c.id}: ${JSON.stringify(parsed.issues)}`);
  const settings = await loadSettings(tx, country);
  const earlier = await crossings.crossingsOfPerson(tx, person.id);
  const date = parsed.value.local.date;
  const facts = stayFacts(person.record, null, date, settings, profileOf(country));
  const movements = [...movementsOf(earlier), ...(c.decision === 'admit' ? [{ direction: c.direction, date }] : [])];
  const stay = computeStay(facts, movements, date);
  const nationality = person.record.citizenships[0]?.code ?? null;
  await appendGroup(tx, {
    crossings: [{ ...parsed.value, jurisdictionPath: point.jurisdictionPath, officerName: c.officerName, nationality, hits: [], recordedAt: at, stay: stay.position }],
    stays: stayPositionRows([{ personId: person.id, crossing: { id: c.id, direction: c.direction, occurredAt: parsed.value.occurredAt, crossingPoint: point.code }, stay, at }]),
  });
  return true;
}
