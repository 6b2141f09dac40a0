import type { Queryable } from '../db/client.ts';
import { stableUuid } from '../lib/ids.ts';
import type { CountryProfile } from '../profiles/profile.ts';

export const jurisdictionId = (path: string) => stableUuid('jurisdiction', path);
export const agencyId = (code: string) => stableUuid('agency', code);

/** The jurisdiction tree: country → regions → crossing points, with materialised paths. */
export function jurisdictionRows(p: CountryProfile) {
  const root = { path: p.country, kind: 'national', code: p.country, names: p.names, parent: null as string | null };
  const regions = p.regions.map((r) => ({ path: `${p.country}.${r.code}`, kind: 'marz', code: r.code, names: r.names, parent: root.path }));
  const bcps = p.crossingPoints.map((c) => ({
    path: `${p.country}.${c.region}.${c.code}`,
    kind: 'bcp',
    code: c.code,
    names: c.names,
    parent: `${p.country}.${c.region}`,
  }));
  return [root, ...regions, ...bcps];
}

/** Finds a jurisdiction path by its code (country, region or crossing-point code). */
export function pathOfCode(p: CountryProfile, code: string): string {
  const row = jurisdictionRows(p).find((j) => j.code === code);
  if (!row) throw new Error(`Country profile ${p.country}: unknown jurisdiction code ${code}`);
  return row.path;
}

export async function seedOrganisation(tx: Queryable, p: CountryProfile): Promise<void> {
  for (const j of jurisdictionRows(p)) {
    await tx.query(
      `INSERT INTO jurisdictions (id, path, kind, code, parent_id, names) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (path) DO UPDATE SET names = EXCLUDED.names`,
      [jurisdictionId(j.path), j.path, j.kind, j.code, j.parent ? jurisdictionId(j.parent) : null, JSON.stringify(j.names)],
    );
  }
  for (const a of p.agencies) {
    await tx.query(
      `INSERT INTO agencies (id, code, kind, names) VALUES ($1,$2,$3,$4) ON CONFLICT (code) DO UPDATE SET names = EXCLUDED.names, kind = EXCLUDED.kind`,
      [agencyId(a.code), a.code, a.kind, JSON.stringify(a.names)],
    );
  }
  for (const o of p.offices) {
    await tx.query(
      `INSERT INTO offices (id, agency_id, jurisdiction_id, code, names) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (code) DO UPDATE SET names = EXCLUDED.names`,
      [stableUuid('office', o.code), agencyId(o.agency), jurisdictionId(pathOfCode(p, o.jurisdiction)), o.code, JSON.stringify(o.names)],
    );
  }
}
