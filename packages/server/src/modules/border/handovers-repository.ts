import type { Queryable } from '../../db/client.ts';
import type { ReferralKind } from './settings.ts';

export interface HandoverRow {
  id: string;
  crossing_id: string;
  person_id: string | null;
  kind: ReferralKind;
  agency_id: string;
  agency_code: string;
  crossing_point: string;
  note: string | null;
  state: 'open' | 'acknowledged';
  created_at: Date;
  created_by: string;
  created_by_name: string;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledgement_note: string | null;
}

const COLS = `id, crossing_id, person_id, kind, agency_id, agency_code, crossing_point, note, state, created_at, created_by, created_by_name,
  acknowledged_at, acknowledged_by, acknowledged_by_name, acknowledgement_note`;

export async function insertHandover(
  tx: Queryable,
  h: { id: string; crossingId: string; personId: string | null; kind: ReferralKind; agencyId: string; agencyCode: string; crossingPoint: string; note: string | null; at: Date; by: string; byName: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO border_handovers (id, crossing_id, person_id, kind, agency_id, agency_code, crossing_point, note, state, created_at, created_by, created_by_name)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'open',$9,$10,$11)`,
    [h.id, h.crossingId, h.personId, h.kind, h.agencyId, h.agencyCode, h.crossingPoint, h.note, h.at, h.by, h.byName],
  );
}

export async function handoversOfCrossings(db: Queryable, crossingIds: readonly string[]): Promise<HandoverRow[]> {
  if (!crossingIds.length) return [];
  return (await db.query<HandoverRow>(`SELECT ${COLS} FROM border_handovers WHERE crossing_id = ANY($1::uuid[]) ORDER BY created_at, kind, id`, [crossingIds])).rows;
}

export async function findHandover(db: Queryable, id: string, lock = false): Promise<HandoverRow | undefined> {
  return (await db.query<HandoverRow>(`SELECT ${COLS} FROM border_handovers WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])).rows[0];
}

export async function listHandovers(db: Queryable, f: { agencyIds: string[] | null; state: 'open' | 'acknowledged' | 'all'; limit: number; offset: number }): Promise<{ rows: HandoverRow[]; total: number }> {
  const params: unknown[] = [];
  const where = ['true'];
  if (f.agencyIds) {
    params.push(f.agencyIds);
    where.push(`agency_id = ANY($${params.length}::uuid[])`);
  }
  if (f.state !== 'all') {
    params.push(f.state);
    where.push(`state = $${params.length}`);
  }
  const w = where.join(' AND ');
  const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM border_handovers WHERE ${w}`, params)).rows[0]?.n ?? 0);
  params.push(f.limit, f.offset);
  const rows = (await db.query<HandoverRow>(`SELECT ${COLS} FROM border_handovers WHERE ${w} ORDER BY created_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length}`, params)).rows;
  return { rows, total };
}

export async function acknowledgeHandover(tx: Queryable, id: string, a: { at: Date; by: string; byName: string; note: string | null }): Promise<boolean> {
  const r = await tx.query(
    `UPDATE border_handovers SET state = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3, acknowledged_by_name = $4, acknowledgement_note = $5,
            ack_tx = pg_current_xact_id()
      WHERE id = $1 AND state = 'open'`,
    [id, a.at, a.by, a.byName, a.note],
  );
  return r.rowCount === 1;
}

export async function agencyIdsByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; code: string }>('SELECT id, code FROM agencies WHERE code = ANY($1::text[])', [codes]);
  return new Map(r.rows.map((x) => [x.code, x.id]));
}
