/**
 * Demo cases for the demo case worker (idempotent: stable ids, skipped when present). Each case is built
 * by appending its actions through the domain, exactly as the API would, so its cache columns and tasks
 * are the fold of its log.
 */
import { addCalendarDays, appendAction, calendarFor, type CaseActor } from '@kamurj/domain/casework';
import type { Db, Queryable } from '../../db/client.ts';
import { stableUuid } from '../../lib/ids.ts';
import { loadProfile } from '../../profiles/profile.ts';
import { getCaseType } from './registry.ts';
import * as repo from './repository.ts';

interface Step {
  code: string;
  day: number;
  payload?: Record<string, unknown>;
}

interface DemoCase {
  key: string;
  type: string;
  title: string;
  steps: Step[];
}

function demoCases(worker: string, today: string): DemoCase[] {
  const rpSubmit = (applicantId: string, nationality: string, passport: string) => ({
    kind: 'temporary', ground: 'work', applicantId, nationality, passportNumber: passport, passportValidUntil: addCalendarDays(today, 900), feePaid: true,
  });
  const wpSubmit = (employer: string, position: string) => ({
    employerTaxNumber: '02512345', employerName: employer, position, occupationCode: '2512', vacancyId: `V-${position.length}`, salaryAmd: 650000,
  });
  return [
    { key: 'rp-draft', type: 'residence-permit', title: 'Residence status — Ivan Petrov', steps: [{ code: 'edit-application', day: -3, payload: { kind: 'temporary', ground: 'study' } }] },
    {
      key: 'rp-checks',
      type: 'residence-permit',
      title: 'Residence status — Leila Karimi',
      steps: [
        { code: 'submit', day: -12, payload: rpSubmit('demo-karimi', 'IRN', 'K1234567') },
        { code: 'assign', day: -11, payload: { assigneeId: worker } },
        { code: 'start-checks', day: -10 },
        { code: 'record-consent', day: -10, payload: { givenBy: 'Leila Karimi', relationship: 'self', scope: 'referral', purpose: 'legal-aid', recipients: ['NGO-HAYK'], validUntil: addCalendarDays(today, 170) } },
        { code: 'add-note', day: -9, payload: { text: 'Applicant asked for legal aid with the housing contract.' } },
      ],
    },
    {
      key: 'wp-overdue',
      type: 'work-permit',
      title: 'Work permit — Min-jun Lee',
      steps: [
        { code: 'submit', day: -30, payload: wpSubmit('Yerevan Software LLC', 'Software developer') },
        { code: 'assign', day: -30, payload: { assigneeId: worker } },
        { code: 'send-to-labour-ministry', day: -29 },
      ],
    },
    {
      key: 'wp-running',
      type: 'work-permit',
      title: 'Work permit — Kwame Osei',
      steps: [
        { code: 'submit', day: -5, payload: wpSubmit('Ararat Construction CJSC', 'Site engineer') },
        { code: 'send-to-labour-ministry', day: -4 },
      ],
    },
  ];
}

async function seedOne(tx: Queryable, c: DemoCase, place: { id: string; agencyId: string; agencyCode: string; path: string }, actor: CaseActor & { name: string }, today: string, country: string, at: Date) {
  const id = stableUuid('demo-case', `${country}:${c.key}`);
  if (await repo.findCase(tx, id)) return false;
  const type = getCaseType(c.type);
  const calendar = calendarFor(country, loadProfile(country).legal.workingWeek);
  const opened = addCalendarDays(today, c.steps[0]?.day ?? 0);
  await repo.insertCase(tx, {
    id, caseType: c.type, typeVersion: type.definition.version, title: c.title, agencyId: place.agencyId, agencyCode: place.agencyCode,
    officeId: place.id, jurisdictionPath: place.path, householdId: null, subjectPersonIds: [], openedOn: opened, at, initialStatus: type.definition.initialStatus,
  });
  let log: Awaited<ReturnType<typeof repo.loadLog>> = [];
  for (const step of c.steps) {
    const date = addCalendarDays(today, step.day);
    const r = appendAction(type, log, actor, { code: step.code, baseVersion: log.length, date, payload: step.payload ?? {} }, { calendar, asOf: today });
    if (!r.ok) throw new Error(`demo case ${c.key}: ${r.error.message}`);
    const stamp = new Date(`${date}T09:00:00Z`);
    await repo.appendAndCache(tx, id, r.record, actor.name, stamp, log.length, r.state, place.agencyId);
    log = [...log, { ...r.record, actorName: actor.name, recordedAt: stamp }];
  }
  return true;
}

/** Seeds the demo cases when the demo case worker and an office of its agency exist. Returns how many. */
export async function seedCaseworkDemo(db: Db, country: string, at: Date): Promise<number> {
  const workerId = stableUuid('demo-user', `${country}:case.worker`);
  const worker = (await db.query<{ display_name: string; agency_id: string; code: string }>('SELECT u.display_name, u.agency_id, a.code FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1', [workerId])).rows[0];
  if (!worker) return 0;
  const office = (await db.query<{ id: string; path: string }>('SELECT o.id, j.path FROM offices o JOIN jurisdictions j ON j.id = o.jurisdiction_id WHERE o.agency_id = $1 ORDER BY o.code LIMIT 1', [worker.agency_id])).rows[0];
  if (!office) return 0;
  const today = at.toISOString().slice(0, 10);
  const actor = { id: workerId, agencyId: worker.code, roles: ['case_worker'], permissions: [], name: worker.display_name };
  let n = 0;
  await db.tx(async (tx) => {
    for (const c of demoCases(workerId, today)) {
      if (await seedOne(tx, c, { id: office.id, agencyId: worker.agency_id, agencyCode: worker.code, path: office.path }, actor, today, country, at)) n += 1;
    }
  });
  return n;
}
