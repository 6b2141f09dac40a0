/**
 * Issuing-state / nationality codes (Part 3 §5) and document codes (Part 4 §4.4, Part 5–7 §4.2.2).
 * Code lists are data; the parser only looks them up.
 */
import type { StateCodeInfo, StateCodeKind } from './types.ts';

/** ISO 3166-1 alpha-3 (249 codes, as of 2024). Part 3 §5 uses these for states. */
const ISO_ALPHA3 = new Set(
  (
    'ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS ' +
    'BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV ' +
    'CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM ' +
    'GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN ' +
    'IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE ' +
    'LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS ' +
    'MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK ' +
    'PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR ' +
    'SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY ' +
    'USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE'
  ).split(' '),
);

/** Codes Part 3 §5 adds to ISO 3166-1 (reference §1.8), plus Kosovo variants seen in practice [secondary]. */
const SPECIAL_CODES: Readonly<Record<string, { kind: StateCodeKind; description: string }>> = {
  D: { kind: 'state', description: 'Germany' },
  GBD: { kind: 'territory-citizen', description: 'British Overseas Territories Citizen' },
  GBN: { kind: 'territory-citizen', description: 'British National (Overseas)' },
  GBO: { kind: 'territory-citizen', description: 'British Overseas Citizen' },
  GBS: { kind: 'territory-citizen', description: 'British Subject' },
  GBP: { kind: 'territory-citizen', description: 'British Protected Person' },
  RKS: { kind: 'state', description: 'Kosovo (operationally in use, not ISO 3166-1)' },
  XKX: { kind: 'state', description: 'Kosovo (variant code)' },
  XKK: { kind: 'state', description: 'Kosovo (variant code)' },
  XXK: { kind: 'state', description: 'Kosovo (variant code)' },
  EUE: { kind: 'organization', description: 'European Union (laissez-passer)' },
  UNO: { kind: 'organization', description: 'United Nations' },
  UNA: { kind: 'organization', description: 'United Nations specialized agency' },
  UNK: { kind: 'organization', description: 'Kosovo resident, UNMIK travel document' },
  XBA: { kind: 'organization', description: 'African Development Bank' },
  XIM: { kind: 'organization', description: 'African Export-Import Bank' },
  XCC: { kind: 'organization', description: 'Caribbean Community (CARICOM)' },
  XCE: { kind: 'organization', description: 'Council of Europe' },
  XCO: { kind: 'organization', description: 'COMESA' },
  XEC: { kind: 'organization', description: 'ECOWAS' },
  XPO: { kind: 'organization', description: 'INTERPOL' },
  XES: { kind: 'organization', description: 'Organisation of Eastern Caribbean States' },
  XMP: { kind: 'organization', description: 'Parliamentary Assembly of the Mediterranean' },
  XOM: { kind: 'organization', description: 'Sovereign Military Order of Malta' },
  XDC: { kind: 'organization', description: 'Southern African Development Community' },
  IAO: { kind: 'organization', description: 'ICAO (master-list signing only)' },
  XXA: { kind: 'stateless', description: 'Stateless person (1954 Convention)' },
  XXB: { kind: 'refugee', description: 'Refugee (1951 Convention / 1967 Protocol)' },
  XXC: { kind: 'refugee', description: 'Refugee, other' },
  XXX: { kind: 'unspecified', description: 'Unspecified nationality' },
  ANT: { kind: 'deprecated', description: 'Netherlands Antilles (deprecated)' },
  NTZ: { kind: 'deprecated', description: 'Neutral Zone (deprecated)' },
  UTO: { kind: 'specimen', description: 'Utopia (specimens only)' },
};

/** Removes the fillers of a short code: `D<<` → `D` (Part 3 §5: Germany is the one-letter code `D`). */
export function normalizeStateCode(raw: string): string {
  return raw.replace(/<+$/, '');
}

export function describeStateCode(raw: string): StateCodeInfo {
  const code = normalizeStateCode(raw);
  const special = SPECIAL_CODES[code];
  if (special) return { code, kind: special.kind, description: special.description };
  if (ISO_ALPHA3.has(code)) return { code, kind: 'state', description: null };
  return { code, kind: 'unknown', description: null };
}

export function isKnownStateCode(raw: string): boolean {
  return describeStateCode(raw).kind !== 'unknown';
}

/** The state code as written in the MRZ: three characters, a short code padded with `<` (`D` → `D<<`). */
export function padStateCode(code: string): string {
  return code.padEnd(3, '<');
}

/** Passport type codes, Part 4 §4.4 (and `PU`, Part 8). The parser keeps the raw code regardless. */
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'P<': 'passport',
  PP: 'ordinary passport',
  PE: 'emergency passport',
  PD: 'diplomatic passport',
  PO: 'official or service passport',
  PR: 'refugee travel document',
  PT: 'alien or non-citizen travel document',
  PS: 'stateless person travel document',
  PL: 'laissez-passer',
  PM: 'military passport',
  PU: 'single-sheet emergency travel document',
  'V<': 'visa',
};

export function describeDocumentCode(code: string): string | null {
  if (DOCUMENT_TYPES[code]) return DOCUMENT_TYPES[code];
  const first = code.charAt(0);
  if (first === 'P') return 'passport';
  if (first === 'V') return 'visa';
  if (first === 'I') return 'identity document';
  if (first === 'A' || first === 'C') return 'official travel document';
  return null;
}

/** First letters allowed per format (Part 4–7 §4.2.2; reference §1.7). */
export const ALLOWED_FIRST_LETTERS: Readonly<Record<string, string>> = {
  TD1: 'ACI',
  TD2: 'ACI',
  TD3: 'P',
  MRVA: 'V',
  MRVB: 'V',
};

/**
 * Unusual second letters (reference §1.7): TD1/TD2 never `V`; after `A` not `I` (TD1) and not `C`
 * (TD1 only for crew member certificates, so a warning, not an error). Returns a reason or null.
 */
export function unusualDocumentCode(format: string, code: string): string | null {
  const [first, second] = [code.charAt(0), code.charAt(1)];
  if ((format === 'TD1' || format === 'TD2') && second === 'V') return 'second letter V is reserved for visas';
  if (format === 'TD1' && first === 'A' && second === 'I') return '"AI" is not allowed on TD1';
  if (first === 'A' && second === 'C') return '"AC" is reserved for crew member certificates';
  return null;
}
