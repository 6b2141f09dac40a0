import { randomUUID } from 'node:crypto';
import type { CrossingRecord } from '@kamurj/domain/border';
import type { AppDeps, CrossingHook, CrossingRecordedEvent, EdgeDelivery } from '../../app-deps.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { auditPart, type AuditEvent, type AuditOrigin } from '../audit/index.ts';
import { documentHolderRegistrations, registerDocumentHolder } from '../persons/index.ts';
import { historyHits, type Assessment } from './assess.ts';
import { displayName } from './context.ts';
import type { CrossingPoint } from './settings.ts';
import * as repo from './crossings-repository.ts';
import { handoversOfCrossings, insertHandover } from './handovers-repository.ts';
import { presentCrossing, presentHandover } from './presenter.ts';
import type { CrossingBody } from './schemas.ts';
import { computeStay, movementsOf, stayPositionRows } from './stay.ts';
import { appendGroup, type GroupPart } from './group-append.ts';

/**
 * Group commit of border crossings (ADR 0507). Each crossing is checked on its own (assessment, screening,
 * validation: record.ts); its write — registration of a new holder, history read, the crossing with its
 * stay position, handovers, the edge hook, the idempotent answer and the audit row — joins the crossings
 * waiting to be written at that moment, and the group is written together: the round trips, commits and
 * audit-chain appends of a busy post are shared. Most groups read first and then write everything with one
 * statement that commits on its own (ADR 0511); a group with referrals, edge deliveries or automatic merges
 * is written in a transaction, one statement per kind of row (ADR 0509).
 *
 * - At most PARALLEL_GROUPS groups at a time per database: a crossing that finds one free is written at
 *   once (a group of one on a quiet system); those that arrive while all are busy form the next group (at
 *   most MAX_GROUP). Nothing waits for a timer.
 * - Each person, document, corrected record and idempotency key is in at most one group being written; a
 *   second use waits until that group has committed, so that its stay and conflict check see the first
 *   (as separate transactions one after the other would).
 * - When the group's write fails, each member is written again alone: one member's error (a lost
 *   idempotency claim, a correction raced by another, a refused registration) is its own and rolls back
 *   nothing of the others.
 */
export const MAX_GROUP = 64;
/**
 * Groups written at the same time on PostgreSQL (one on PGlite, whose single connection serialises them
 * anyway). A group's statements wait on the database; with several in flight the next group does not wait
 * for the previous one's round trips, only for its audit append (the chain head is locked until commit).
 * Two, not four (ADR 0508): fewer groups are larger, and on a machine whose cores Node and PostgreSQL
 * share, statements per crossing (7.1 → 5.3 at full size, 16 concurrent) cost more than the overlap gains.
 */
export const PARALLEL_GROUPS = 2;

export { ClaimLost } from './group-append.ts';

export interface PendingWrite {
  deps: AppDeps;
  origin: AuditOrigin;
  auth: AuthContext;
  body: CrossingBody;
  idem: { scope: string; key: string; hash: string };
  delivery: EdgeDelivery | undefined;
  point: CrossingPoint;
  now: Date;
  record: CrossingRecord;
  assessment: Assessment;
  target: repo.CrossingRow | undefined;
  agencyIds: Map<string, string>;
  listHits: { source: string; entryId: string; entryVersion: number; score: number; action: string }[];
}

export type WrittenCrossing = Awaited<ReturnType<typeof writeGroup>>[number];

interface Job {
  write: PendingWrite;
  resolve: (v: WrittenCrossing) => void;
  reject: (e: unknown) => void;
}

class GroupWriter {
  private queue: Job[] = [];
  private running = 0;
  private held = false;
  /** Persons, documents, corrected records and keys of the groups being written. */
  private readonly busy = new Set<string>();
  private readonly parallel: number;
  constructor(private readonly db: Db) {
    this.parallel = db.kind === 'pglite' ? 1 : PARALLEL_GROUPS;
  }

  submit(write: PendingWrite): Promise<WrittenCrossing> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.pump();
    });
  }

  /** Tests: writes wait until released, so that a known set forms the groups. */
  hold(): { waiting: () => number; release: () => void } {
    this.held = true;
    return {
      waiting: () => this.queue.length,
      release: () => {
        this.held = false;
        this.pump();
      },
    };
  }

  private pump(): void {
    while (!this.held && this.running < this.parallel && this.queue.length) {
      const { group, keys } = this.take();
      if (!group.length) return;
      this.running++;
      void this.run(group).finally(() => {
        for (const k of keys) this.busy.delete(k);
        this.running--;
        this.pump();
      });
    }
  }

  /** The next group: queue order, each person, document, corrected record and key at most once in all groups being written. */
  private take(): { group: Job[]; keys: string[] } {
    const group: Job[] = [];
    const rest: Job[] = [];
    const taken: string[] = [];
    for (const job of this.queue) {
      const w = job.write;
      const keys = [
        `d:${w.record.document.issuingState}:${w.record.document.number}`,
        `k:${w.idem.scope}:${w.idem.key}`,
        ...(w.record.personId ? [`p:${w.record.personId}`] : []),
        ...(w.target ? [`t:${w.target.id}`] : []),
      ];
      if (group.length >= MAX_GROUP || keys.some((k) => this.busy.has(k))) {
        rest.push(job);
        continue;
      }
      for (const k of keys) this.busy.add(k);
      taken.push(...keys);
      group.push(job);
    }
    this.queue = rest;
    return { group, keys: taken };
  }

  private async run(group: Job[]): Promise<void> {
    try {
      const writes = group.map((j) => j.write);
      const written = writes.every(inOneStatement) ? await writeGroup(this.db, writes, false) : await this.db.tx((tx) => writeGroup(tx, writes, true));
      group.forEach((j, i) => j.resolve(written[i]!));
    } catch (e) {
      if (group.length === 1) group[0]!.reject(e);
      else for (const j of group) await this.run([j]);
    }
  }
}

const writers = new WeakMap<Db, GroupWriter>();

function writerOf(db: Db): GroupWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new GroupWriter(db)));
  return writer;
}

/** Writes one checked crossing with the others waiting at this moment; its answer once committed. */
export function writeGrouped(write: PendingWrite): Promise<WrittenCrossing> {
  return writerOf(write.deps.db).submit(write);
}

/** Tests only: holds the database's crossing writes until `release()` (`waiting()`: how many wait). */
export const holdCrossingWrites = (db: Db) => writerOf(db).hold();

/**
 * Whether a crossing's write can be part of a group written by one statement that commits on its own (ADR
 * 0511): everything it writes is a part of that statement and everything it reads can be read before it.
 * Not so for referrals (handovers are written and read back one by one), an edge node's delivery or an edge
 * node's outbox (the mode's hook writes in the transaction), and a registration that merges automatically
 * or found no candidates to reuse (registered and audited one by one, in the transaction).
 */
function inOneStatement(w: PendingWrite): boolean {
  if (w.body.referrals?.length || w.delivery) return false;
  const hook = w.deps.onCrossingsRecorded;
  if (hook && !hook.before) return false;
  return !(w.record.personId === null && w.body.registerPerson === true) || registeredWithGroup(w);
}

/**
 * A new holder is registered with the group's write (ADR 0509) unless automatic merging is on, whose merge
 * (audited at once) must follow the registration in the chain, or no registry search ran to reuse: then one
 * by one, in the transaction, as entered by hand.
 */
const registeredWithGroup = (w: PendingWrite) => w.deps.config.autoMergeThreshold > 1 && w.assessment.found !== null;

/**
 * The first answer again, from what the key kept: the crossing read back as it was answered (superseded by
 * nothing yet — a later correction is not part of the first answer). Keys stored before ADR 0509 kept the
 * whole answer.
 */
export async function replayedAnswer(db: Queryable, stored: unknown): Promise<unknown> {
  const kept = stored as { crossing?: unknown; crossingId?: string } | null;
  if (!kept || kept.crossing !== undefined || typeof kept.crossingId !== 'string') return stored;
  const { crossingId, ...rest } = kept;
  const row = await repo.findCrossing(db, crossingId);
  if (!row) throw new Error(`idempotency: the answered crossing ${crossingId} is missing`);
  return { crossing: presentCrossing({ ...row, superseded_by: null }), ...rest };
}

/**
 * The group's writes; answers in the order of `writes`. `inTx`: in the transaction `q`, the steps as they
 * need (referrals, the mode's hook, registrations one by one). Otherwise (`inOneStatement` for every
 * write, ADR 0511) the group reads what it needs first, the histories and the hook's check at the same
 * time, and writes everything with one statement that commits on its own.
 */
async function writeGroup(q: Queryable, writes: readonly PendingWrite[], inTx: boolean) {
  // 1. Holders registered from their documents: written with the crossings (step 3) in one statement, their
  // audit rows with the group's at the end (ADR 0509) — unless automatic merging is on, whose merge (audited
  // at once) must follow the registration in the chain: then one by one, as entered by hand.
  const holders: { personId: string | null; registered: string | null; audits: AuditEvent[] }[] = [];
  const registering: { i: number; input: Parameters<typeof documentHolderRegistrations>[0][number] }[] = [];
  for (const [i, w] of writes.entries()) {
    const a = w.assessment;
    const holder = { personId: w.record.personId, registered: null as string | null, audits: [] as AuditEvent[] };
    holders.push(holder);
    if (holder.personId !== null || !w.body.registerPerson) continue;
    const input = { record: a.documentRecord, jurisdictionPath: w.point.jurisdictionPath, at: w.now, crossingId: w.record.id };
    const mergesAutomatically = w.deps.config.autoMergeThreshold <= 1;
    if (registeredWithGroup(w)) {
      registering.push({ i, input: { ...input, auth: w.auth, found: a.found! } });
      continue;
    }
    const r = await registerDocumentHolder(q, w.origin, w.auth, { ...input, autoMergeThreshold: w.deps.config.autoMergeThreshold, found: a.found ?? undefined, ...(mergesAutomatically ? {} : { deferAudit: (e: AuditEvent) => holder.audits.push(e) }) });
    holder.personId = r.personId;
    holder.registered = r.personId;
  }
  const registrations = registering.length ? documentHolderRegistrations(registering.map((r) => r.input)) : null;
  registering.forEach(({ i }, k) => {
    const holder = holders[i]!;
    holder.personId = holder.registered = registrations!.personIds[k]!;
    holder.audits.push(registrations!.events[k]!);
  });
  // 2. The persons' histories, read once for the group (in the transaction, or just before the statement:
  // no other group writes a crossing of the same person meanwhile); each person's stay after this crossing.
  // Persons registered by the write statement are not written yet and have no history to read.
  const fresh = new Set(registrations?.personIds ?? []);
  const officerNames = writes.map((w) => w.delivery?.officer.name ?? displayName(w.auth));
  // The mode's hook, per hook for the crossings that share it: its events.
  const byHook = new Map<CrossingHook, number[]>();
  writes.forEach((w, i) => {
    const hook = w.deps.onCrossingsRecorded;
    if (hook) byHook.set(hook, [...(byHook.get(hook) ?? []), i]);
  });
  const eventsOf = (members: number[]): CrossingRecordedEvent[] =>
    members.map((i) => {
      const w = writes[i]!;
      return { id: w.record.id, occurredAt: w.record.occurredAt, recordedAt: w.now, crossingPoint: w.point.code, jurisdictionPath: w.point.jurisdictionPath, document: { number: w.record.document.number, issuingState: w.record.document.issuingState }, personId: holders[i]!.personId, supersedes: w.body.supersedes?.id ?? null, officer: { id: w.record.officerId, name: officerNames[i]! }, body: w.body, delivery: w.delivery };
    });
  const warnings: { code: string; message: string }[][] = writes.map(() => []);
  const parts: GroupPart[] = [];
  // Outside a transaction the hook's check goes out with the histories' read, on another connection.
  const [histories, checked] = await Promise.all([
    repo.crossingsForStay(q, [...new Set(holders.flatMap((h) => (h.personId && !fresh.has(h.personId) ? [h.personId] : [])))]),
    inTx ? [] : Promise.all([...byHook].map(async ([hook, members]) => ({ members, found: await hook.before!(q, eventsOf(members)) }))),
  ]);
  for (const { members, found } of checked) {
    members.forEach((i, k) => warnings[i]!.push(...(found.warnings[k] ?? [])));
    if (found.part) parts.push(found.part);
  }
  const computed = writes.map((w, i) => {
    const { personId } = holders[i]!;
    const a = w.assessment;
    const record = { ...w.record, personId };
    // The stay after this crossing: the person's current records without the corrected one, plus this one.
    const earlier = personId ? (histories.get(personId) ?? []).filter((r) => r.id !== w.target?.id) : [];
    // Earlier refusals and overstays of the person, from this one read (ADR 0506); of the assessed person
    // or document otherwise.
    const history = a.historyDeferred ? (personId === a.person?.personId ? historyHits(earlier).hits : []) : a.history;
    const hits = [...w.listHits, ...history.map((h) => ({ source: h.source, crossingId: h.crossingId }))];
    const date = record.local.date;
    const movements = [...movementsOf(earlier), ...(record.decision === 'admit' ? [{ direction: record.direction, date }] : [])];
    const lastDate = [date, ...earlier.map((r) => r.local_date)].sort().at(-1) ?? date;
    const stay = computeStay(a.stay.facts, movements, lastDate);
    const latest = [
      ...earlier.filter((r) => !r.superseded_by).map((r) => ({ id: r.id, direction: r.direction, occurredAt: r.occurred_at.toISOString(), crossingPoint: r.crossing_point })),
      { id: record.id, direction: record.direction, occurredAt: record.occurredAt, crossingPoint: record.crossingPoint },
    ].sort((x, y) => (x.occurredAt < y.occurredAt ? -1 : x.occurredAt > y.occurredAt ? 1 : 0)).at(-1)!;
    return { record, hits, stay, latest, officerName: officerNames[i]! };
  });
  const crossings = writes.map((w, i) => {
    const c = computed[i]!;
    return { ...c.record, jurisdictionPath: w.point.jurisdictionPath, officerName: c.officerName, nationality: w.assessment.document.nationality, hits: c.hits, recordedAt: w.now, stay: c.stay.position };
  });
  const stays = stayPositionRows(computed.flatMap((c, i) => (c.record.personId ? [{ personId: c.record.personId, crossing: c.latest, stay: c.stay, at: writes[i]!.now }] : [])));
  let rows: repo.CrossingRow[] | null = null;
  let handovers: Awaited<ReturnType<typeof handoversOfCrossings>> = [];
  if (inTx) {
    // 3. The new holders, the crossings and the stay positions, one statement (ADR 0509).
    rows = await appendGroup(q, { ...(registrations ? { persons: registrations.payload } : {}), crossings, stays });
    // 4. Referrals (handovers to the receiving agencies).
    for (const [i, w] of writes.entries()) {
      const settings = w.assessment.settings;
      for (const r of w.body.referrals ?? []) {
        const code = settings.referrals[r.kind];
        await insertHandover(q, { id: randomUUID(), crossingId: w.record.id, personId: computed[i]!.record.personId, kind: r.kind, agencyId: w.agencyIds.get(code)!, agencyCode: code, crossingPoint: w.point.code, note: r.note ?? null, at: w.now, by: w.auth.actor.id, byName: displayName(w.auth) });
      }
    }
    // 5. The mode's hook (edge outbox, or the centre's conflict check), per hook for the crossings that share it.
    for (const [hook, members] of byHook) {
      const found = await hook(q, eventsOf(members));
      members.forEach((i, k) => warnings[i]!.push(...(found[k] ?? [])));
    }
    const referred = writes.filter((w) => w.body.referrals?.length).map((w) => w.record.id);
    if (referred.length) handovers = await handoversOfCrossings(q, referred);
  }
  // 6. The answers, without the crossing (an idempotency key keeps its id: ADR 0509).
  const answers = writes.map((w, i) => {
    const { stay } = computed[i]!;
    return {
      registeredPerson: holders[i]!.registered,
      stay: { status: stay.facts.status, position: stay.position, lastLawfulDay: stay.lastLawfulDay },
      handovers: w.body.referrals?.length ? handovers.filter((h) => h.crossing_id === w.record.id).map(presentHandover) : [],
      ...(warnings[i]!.length ? { warnings: warnings[i]! } : {}),
    };
  });
  // 7. The keys with their answers — a second delivery racing a first waits on the key's row and, when the
  // first commits, loses the claim and replays its answer — and the group's audit rows (ADR 0509): in the
  // transaction its last statement, so the chain's head row (locked until commit; every audited write
  // waits for it) is held for as short a time as possible (ADR 0505); otherwise with everything else.
  const audit = auditPart(
    writes.flatMap((w, i) => {
      const { record, hits } = computed[i]!;
      const { registered, audits } = holders[i]!;
      const body = w.body;
      const delivery = w.delivery;
      return [...audits.map((event) => ({ origin: w.origin, event })), {
        origin: w.origin,
        event: {
          action: body.supersedes ? 'border.crossing.correct' : 'border.crossing.record',
          purpose: 'border_control' as const,
          targetType: 'crossing',
          targetId: record.id,
          details: {
            personId: record.personId,
            registeredPerson: registered,
            crossingPoint: w.point.code,
            direction: record.direction,
            decision: record.decision,
            refusal: record.refusal?.code ?? null,
            supersedes: body.supersedes ?? null,
            hits: hits.length,
            referrals: (body.referrals ?? []).map((r) => r.kind),
            idempotencyKey: w.idem.key,
            ...(delivery ? { edgeNode: delivery.nodeId, edgeSeq: delivery.seq, officerId: delivery.officer.id, clockWarning: delivery.clockWarning } : {}),
            ...(warnings[i]!.length ? { warnings: warnings[i]!.map((x) => x.code) } : {}),
          },
        },
      }];
    }),
  );
  const keys = writes.map((w, i) => ({ scope: w.idem.scope, key: w.idem.key, hash: w.idem.hash, at: w.now, status: 201, response: { crossingId: w.record.id, ...answers[i]! } }));
  if (inTx) await appendGroup(q, { crossings: [], answers: keys, audit });
  else rows = await appendGroup(q, { ...(registrations ? { persons: registrations.payload } : {}), crossings, stays, answers: keys, ...(parts.length ? { extra: parts } : {}), audit });
  return answers.map((a, i) => ({ crossing: presentCrossing(rows![i]!), ...a }));
}
