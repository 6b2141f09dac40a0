import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { access } from '@kamurj/domain';

/**
 * A country profile: everything that differs between the countries Kamurj serves (regions, crossing
 * points, agencies, languages, legal settings) as data. Adding a country is adding a JSON file.
 */
const Names = z.record(z.string().regex(/^[a-z]{2}$/), z.string().min(1)).refine((n) => !!n.en, 'an English name is required');

export const ProfileSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{3}$/),
  alpha2: z.string().regex(/^[A-Z]{2}$/),
  names: Names,
  timezone: z.string().min(1),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
  defaultLanguage: z.string().regex(/^[a-z]{2}$/),
  sources: z.array(z.string()),
  legal: z.strictObject({
    visaFreeStay: z.record(z.string(), z.unknown()),
    usualResidence: z.enum(['12-months', '6-of-12-months']),
    workingWeek: z.array(z.number().int().min(0).max(6)),
  }),
  regions: z.array(z.strictObject({ code: z.string().min(2), names: Names })).min(1),
  crossingPoints: z.array(
    z.strictObject({
      code: z.string().regex(/^[A-Z0-9-]+$/),
      kind: z.enum(['air', 'road', 'rail', 'sea', 'river', 'pedestrian']),
      region: z.string(),
      neighbour: z.string().regex(/^[A-Z]{3}$/).nullable(),
      /** Airports: the IATA code airline manifests name as the arrival airport (ADR 0504). */
      iata: z.string().regex(/^[A-Z]{3}$/).optional(),
      names: Names,
    }),
  ),
  agencies: z.array(z.strictObject({ code: z.string().regex(/^[A-Z0-9-]+$/), kind: z.string(), names: Names })).min(1),
  offices: z.array(z.strictObject({ code: z.string(), agency: z.string(), jurisdiction: z.string(), names: Names })),
  demoUsers: z.array(
    z.strictObject({
      username: z.string(),
      displayName: z.string(),
      agency: z.string(),
      roles: z.array(z.enum(access.ROLES)).min(1),
      jurisdictions: z.array(z.string()).min(1),
    }),
  ),
});
export type CountryProfile = z.infer<typeof ProfileSchema>;

export function loadProfile(country: string): CountryProfile {
  const file = fileURLToPath(new URL(`./${country}.json`, import.meta.url));
  if (!existsSync(file)) throw new Error(`No country profile ${country} (looked for ${file})`);
  const parsed = ProfileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Country profile ${country} is invalid:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const p = parsed.data;
  const regionCodes = new Set(p.regions.map((r) => r.code));
  const bad = p.crossingPoints.filter((c) => !regionCodes.has(c.region)).map((c) => c.code);
  if (bad.length) throw new Error(`Country profile ${country}: crossing points in unknown regions: ${bad.join(', ')}`);
  return p;
}
