import { z } from 'zod';
import { DEFAULT_SCREENING_CONFIG, parseScreeningConfig, type ScreeningConfig } from '@kamurj/domain/border';
import { stayRuleSchema, type StayRule } from '@kamurj/domain/stay';
import type { Queryable } from '../../db/client.ts';
import { loadProfile, type CountryProfile } from '../../profiles/profile.ts';
import { batchedRead } from '../../db/batched.ts';

/**
 * Border settings as data (ADR 0502): which agency receives each kind of referral, screening thresholds
 * per list, and stay rules per nationality (treaties) over the profile's visa-free rule. Defaults live
 * here; an installation overrides any part with the `border.settings` row of `system_settings`
 * (validated; an invalid row is refused with the field named, never half-applied).
 */
export const LIST_IDS = { watchlist: 'national-watchlist', entry_ban: 'entry-bans', document: 'lost-stolen-documents' } as const;
export type ListKind = keyof typeof LIST_IDS;
export const REFERRAL_KINDS = ['asylum', 'child', 'health', 'trafficking'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export interface BorderSettings {
  /** Agency code that receives each referral kind. */
  referrals: Record<ReferralKind, string>;
  /** Agency code that owns the irregular-residence register (the migration service). */
  irregularResidenceOwner: string;
  screening: ScreeningConfig;
  /** Stay rule per nationality (ICAO code) where a treaty differs from the visa-free rule. */
  stayRules: Record<string, StayRule>;
}

const DEFAULTS: Record<string, Omit<BorderSettings, 'screening'>> = {
  // Armenia: asylum claims go to the Migration and Citizenship Service, suspected trafficking victims to
  // the Police, unaccompanied children to the Ministry of Labour and Social Affairs (guardianship), health
  // needs to the migration service's reception (it arranges care). Iranian citizens: 90 days in 180.
  ARM: {
    referrals: { asylum: 'MCS', child: 'MLSA', health: 'MCS', trafficking: 'POLICE' },
    irregularResidenceOwner: 'MCS',
    stayRules: { IRN: { kind: 'rolling', maxDays: 90, windowDays: 180 } },
  },
};

const Override = z.strictObject({
  referrals: z.strictObject(Object.fromEntries(REFERRAL_KINDS.map((k) => [k, z.string().min(1).max(40)])) as Record<ReferralKind, z.ZodString>).partial().optional(),
  irregularResidenceOwner: z.string().min(1).max(40).optional(),
  screening: z.unknown().optional(),
  stayRules: z.record(z.string().regex(/^[A-Z]{1,3}$/), stayRuleSchema).optional(),
});

const profiles = new Map<string, CountryProfile>();
export function profileOf(country: string): CountryProfile {
  let p = profiles.get(country);
  if (!p) {
    p = loadProfile(country);
    profiles.set(country, p);
  }
  return p;
}

/**
 * The border's reference data — the settings override, the active crossing points and the list version
 * counters — in one statement, batched across concurrent callers (ADR 0507). A recording reads it once and
 * passes it down; loadSettings, crossingPoints and listVersions read it themselves when not given.
 */
export interface BorderReference {
  settings: { value: unknown } | null;
  points: PointRow[];
  versions: { list_id: string; version: string | number }[];
}

export async function borderReference(db: Queryable): Promise<BorderReference> {
  const r = await batchedRead(db, 'border.reference', [], () =>
    db.query<{ settings: unknown; points: PointRow[]; versions: BorderReference['versions'] }>(
      `SELECT (SELECT value FROM system_settings WHERE key = 'border.settings') AS settings,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('key', key, 'names', names, 'attributes', attributes) ORDER BY sort_order, key), '[]'::jsonb)
            FROM reference_items WHERE table_name = 'crossing-points' AND active) AS points,
         (SELECT coalesce(jsonb_agg(jsonb_build_object('list_id', list_id, 'version', version)), '[]'::jsonb) FROM border_list_versions) AS versions`,
      [],
      { prepare: true },
    ),
  );
  const row = r.rows[0]!;
  return { settings: row.settings === null || row.settings === undefined ? null : { value: row.settings }, points: row.points, versions: row.versions };
}

/**
 * Reads the settings (defaults for the country, then the stored override); `pre`: the override as a
 * borderReference read it (null: none stored).
 */
export async function loadSettings(db: Queryable, country: string, pre?: BorderReference['settings']): Promise<BorderSettings> {
  const profile = profileOf(country);
  const migration = profile.agencies.find((a) => a.kind === 'migration')?.code ?? profile.agencies[0]?.code ?? 'MCS';
  const police = profile.agencies.find((a) => a.kind === 'police')?.code ?? migration;
  const base = DEFAULTS[country] ?? {
    referrals: { asylum: migration, child: migration, health: migration, trafficking: police },
    irregularResidenceOwner: migration,
    stayRules: {},
  };
  const row = pre !== undefined ? pre : (await borderReference(db)).settings;
  if (!row) return { ...base, screening: DEFAULT_SCREENING_CONFIG };
  const parsed = Override.safeParse(row.value);
  if (!parsed.success) throw new Error(`system_settings border.settings is invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  let screening = DEFAULT_SCREENING_CONFIG;
  if (parsed.data.screening !== undefined) {
    const s = parseScreeningConfig(parsed.data.screening);
    if (!s.ok) throw new Error(`system_settings border.settings.screening is invalid: ${s.issues.map((i) => i.field).join(', ')}`);
    screening = s.value;
  }
  return {
    referrals: { ...base.referrals, ...(parsed.data.referrals ?? {}) } as Record<ReferralKind, string>,
    irregularResidenceOwner: parsed.data.irregularResidenceOwner ?? base.irregularResidenceOwner,
    screening,
    stayRules: { ...base.stayRules, ...(parsed.data.stayRules ?? {}) },
  };
}

/** The stay rule for a foreigner of this nationality: a treaty rule, else the profile's visa-free rule. */
export function stayRuleFor(settings: BorderSettings, profile: CountryProfile, nationality: string | null): StayRule | null {
  if (nationality && settings.stayRules[nationality]) return settings.stayRules[nationality]!;
  const { basis: _basis, ...rule } = profile.legal.visaFreeStay;
  const r = stayRuleSchema.safeParse(rule);
  return r.success ? r.data : null;
}

export interface CrossingPoint {
  code: string;
  names: { hy: string; ru: string; en: string };
  kind: string;
  region: string;
  jurisdictionPath: string;
  timeZone: string;
}

type PointRow = { key: string; names: CrossingPoint['names']; attributes: { kind?: string; region?: string; timeZone?: string } };

/**
 * Active crossing points from the reference data, with their jurisdiction path and time zone; `pre`: the
 * rows as a borderReference read them.
 */
export async function crossingPoints(db: Queryable, country: string, pre?: PointRow[]): Promise<CrossingPoint[]> {
  const profile = profileOf(country);
  const rows = pre ?? (await borderReference(db)).points;
  return rows.map((row) => ({
    code: row.key,
    names: row.names,
    kind: row.attributes.kind ?? 'road',
    region: row.attributes.region ?? '',
    jurisdictionPath: `${profile.country}.${row.attributes.region ?? ''}.${row.key}`,
    timeZone: row.attributes.timeZone ?? profile.timezone,
  }));
}
