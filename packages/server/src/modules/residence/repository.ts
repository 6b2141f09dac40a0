import type { Queryable } from '../../db/client.ts';

export interface VisaRow {
  id: string;
  person_id: string;
  jurisdiction_path: string | null;
  type: string;
  number: string;
  issuing_post: string;
  valid_from: string;
  valid_to: string;
  stay_days: number;
  entries: string;
  passport_number: string | null;
  document_id: string;
  import_id: string | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  created_at: Date;
  created_by: string;
  holder_name?: string | null;
}

export interface StatusRow {
  id: string;
  person_id: string;
  jurisdiction_path: string | null;
  kind: string;
  ground: string;
  card_number: string;
  valid_from: string;
  valid_to: string;
  issuing_office: string;
  decision_ref: string | null;
  document_id: string;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  created_at: Date;
  created_by: string;
}

/** The holder's first name form as written, for lists (the person record stays in the persons module). */
const HOLDER = `(SELECT concat_ws(' ', n->>'surname', n->>'givenNames') FROM persons p, jsonb_array_elements(p.record->'names') n WHERE p.id = v.person_id LIMIT 1) AS holder_name`;

export async function insertVisa(tx: Queryable, v: Omit<VisaRow, 'withdrawn_at' | 'withdrawal_reason'>): Promise<void> {
  await tx.query(
    `INSERT INTO residence_visas (id, person_id, jurisdiction_path, type, number, issuing_post, valid_from, valid_to, stay_days, entries, passport_number, document_id, import_id, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [v.id, v.person_id, v.jurisdiction_path, v.type, v.number, v.issuing_post, v.valid_from, v.valid_to, v.stay_days, v.entries, v.passport_number, v.document_id, v.import_id, v.created_at, v.created_by],
  );
}

export async function findVisa(db: Queryable, id: string): Promise<VisaRow | undefined> {
  return (await db.query<VisaRow>(`SELECT v.*, ${HOLDER} FROM residence_visas v WHERE v.id = $1`, [id])).rows[0];
}

export async function findVisaByNumber(db: Queryable, number: string): Promise<VisaRow | undefined> {
  return (await db.query<VisaRow>('SELECT * FROM residence_visas WHERE number = $1', [number])).rows[0];
}

export async function withdrawVisa(tx: Queryable, id: string, at: Date, reason: string): Promise<boolean> {
  return (await tx.query('UPDATE residence_visas SET withdrawn_at = $2, withdrawal_reason = $3 WHERE id = $1 AND withdrawn_at IS NULL', [id, at, reason])).rowCount === 1;
}

/** Moves a visa's last day later (a granted extension); false if it is withdrawn or already ends on or after `validTo`. */
export async function extendVisa(tx: Queryable, id: string, validTo: string): Promise<boolean> {
  return (await tx.query('UPDATE residence_visas SET valid_to = $2 WHERE id = $1 AND withdrawn_at IS NULL AND valid_to < $2', [id, validTo])).rowCount === 1;
}

export async function listVisas(db: Queryable, where: string[], params: unknown[], limit: number, offset: number): Promise<{ rows: VisaRow[]; total: number }> {
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM residence_visas v ${w}`, params)).rows[0]?.n ?? 0);
  const rows = (await db.query<VisaRow>(`SELECT v.*, ${HOLDER} FROM residence_visas v ${w} ORDER BY v.valid_to DESC, v.number LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, limit, offset])).rows;
  return { rows, total };
}

export async function insertStatus(tx: Queryable, s: Omit<StatusRow, 'withdrawn_at' | 'withdrawal_reason'>): Promise<void> {
  await tx.query(
    `INSERT INTO residence_statuses (id, person_id, jurisdiction_path, kind, ground, card_number, valid_from, valid_to, issuing_office, decision_ref, document_id, created_at, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [s.id, s.person_id, s.jurisdiction_path, s.kind, s.ground, s.card_number, s.valid_from, s.valid_to, s.issuing_office, s.decision_ref, s.document_id, s.created_at, s.created_by],
  );
}

export async function findStatus(db: Queryable, id: string): Promise<StatusRow | undefined> {
  return (await db.query<StatusRow>('SELECT * FROM residence_statuses WHERE id = $1', [id])).rows[0];
}

export async function withdrawStatus(tx: Queryable, id: string, at: Date, reason: string): Promise<boolean> {
  return (await tx.query('UPDATE residence_statuses SET withdrawn_at = $2, withdrawal_reason = $3 WHERE id = $1 AND withdrawn_at IS NULL', [id, at, reason])).rowCount === 1;
}

export async function statusesOf(db: Queryable, personId: string): Promise<StatusRow[]> {
  return (await db.query<StatusRow>('SELECT * FROM residence_statuses WHERE person_id = $1 ORDER BY valid_from DESC', [personId])).rows;
}

export async function visasOf(db: Queryable, personId: string): Promise<VisaRow[]> {
  return (await db.query<VisaRow>('SELECT * FROM residence_visas WHERE person_id = $1 ORDER BY valid_from DESC', [personId])).rows;
}

export interface AddressRow {
  id: string;
  person_id: string;
  status_id: string | null;
  region: string;
  community: string;
  line: string;
  registered_from: string;
  registered_to: string | null;
  created_at: Date;
  created_by: string;
}

/** A new registration closes the open one the day before it starts. */
export async function registerAddress(tx: Queryable, a: Omit<AddressRow, 'registered_to'>, closeOn: string): Promise<void> {
  await tx.query('UPDATE residence_addresses SET registered_to = $2 WHERE person_id = $1 AND registered_to IS NULL', [a.person_id, closeOn]);
  await tx.query(
    `INSERT INTO residence_addresses (id, person_id, status_id, region, community, line, registered_from, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [a.id, a.person_id, a.status_id, a.region, a.community, a.line, a.registered_from, a.created_at, a.created_by],
  );
}

export async function addressesOf(db: Queryable, personId: string): Promise<AddressRow[]> {
  return (await db.query<AddressRow>('SELECT * FROM residence_addresses WHERE person_id = $1 ORDER BY registered_from DESC', [personId])).rows;
}
