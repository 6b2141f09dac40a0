import type { Db } from '../db/client.ts';
import { stableUuid } from '../lib/ids.ts';
import { audit } from '../modules/audit/index.ts';
import { seedCrossing, seedListEntry, type EntryData, type SeedCrossing } from '../modules/border/index.ts';
import { agencyId } from './organisation.ts';

/**
 * Demo border data (Armenia, only with demo seeding): a few watchlist entries (names in several scripts),
 * an entry ban, lost/stolen/revoked documents, and historical crossings of the demo persons — including
 * one overstayer (a Russian citizen who entered 400 days ago and never left), a refusal at Agarak, a
 * round trip and a traveller inside the country. Entirely synthetic; dates are relative to the seed time.
 */
const DAY = 86_400_000;
const person = (key: string) => stableUuid('demo-person', key);
const entryId = (key: string) => stableUuid('demo-border-entry', key);
const crossingId = (key: string) => stableUuid('demo-crossing', key);

const ENTRIES: { key: string; kind: 'watchlist' | 'entry_ban' | 'document'; agency: string; data: EntryData }[] = [
  { key: 'w-gasparyan', kind: 'watchlist', agency: 'NSS-BG', data: { names: ['Գասպարյան Վարդգես', 'Гаспарян Вардгес', 'GASPARYAN VARDGES'], birthDate: '1971-08-19', nationality: 'ARM', reason: 'Wanted: customs fraud (demonstration entry)', action: 'detain' } },
  { key: 'w-volkov', kind: 'watchlist', agency: 'NSS-BG', data: { names: ['Волков Станислав Игоревич', 'VOLKOV STANISLAV'], birthDate: '1984', nationality: 'RUS', reason: 'Interpol diffusion (demonstration entry)', action: 'second_line' } },
  { key: 'w-mahmoudi', kind: 'watchlist', agency: 'POLICE', data: { names: ['محمودی فرهاد', 'MAHMOUDI FARHAD'], birthDate: '1990-01-12', reason: 'Suspected smuggling of migrants (demonstration entry)', action: 'notify_agency' } },
  { key: 'b-kuznetsov', kind: 'entry_ban', agency: 'MCS', data: { names: ['Кузнецов Дмитрий', 'KUZNETSOV DMITRII'], birthDate: '1980-02-02', nationality: 'RUS', reason: 'Expelled for irregular work (demonstration entry)', action: 'refuse_entry', ban: { from: '2025-06-01', until: '2028-05-31' } } },
  { key: 'd-kovalenko', kind: 'document', agency: 'NSS-BG', data: { number: 'FE123456', issuingState: 'UKR', documentType: 'passport', status: 'stolen', reportedOn: '2025-11-02', reason: 'stolen passport', action: 'second_line' } },
  { key: 'd-arm-lost', kind: 'document', agency: 'NSS-BG', data: { number: 'AM9000001', issuingState: 'ARM', documentType: 'passport', status: 'lost', reportedOn: '2026-02-14', reason: 'lost passport', action: 'second_line' } },
  { key: 'd-geo-revoked', kind: 'document', agency: 'NSS-BG', data: { number: '15GE00077', issuingState: 'GEO', documentType: 'passport', status: 'revoked', reportedOn: '2026-05-20', reason: 'revoked passport', action: 'refuse_entry' } },
];

export async function seedBorderDemo(db: Db, country: string, at: Date): Promise<number> {
  if (country !== 'ARM') return 0;
  const officer = { officerId: stableUuid('demo-user', 'ARM:border.officer'), officerName: 'Armen Hakobyan' };
  const ago = (days: number, hour = 9) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), hour) - days * DAY);
  const CROSSINGS: SeedCrossing[] = [
    // Overstayer: entered 400 days ago, never left.
    { id: crossingId('ivan-in'), personId: person('ivan-p'), crossingPoint: 'ZVARTNOTS', direction: 'entry', occurredAt: ago(400), decision: 'admit', transport: { mode: 'air', flightNumber: 'SU1860' }, ...officer },
    // A round trip.
    { id: crossingId('dilnoza-in'), personId: person('dilnoza-k'), crossingPoint: 'ZVARTNOTS', direction: 'entry', occurredAt: ago(30), decision: 'admit', transport: { mode: 'air', flightNumber: 'HY601' }, ...officer },
    { id: crossingId('dilnoza-out'), personId: person('dilnoza-k'), crossingPoint: 'ZVARTNOTS', direction: 'exit', occurredAt: ago(10), decision: 'admit', transport: { mode: 'air', flightNumber: 'HY602' }, ...officer },
    // Inside the country, within the limit.
    { id: crossingId('giorgi-in'), personId: person('giorgi-b'), crossingPoint: 'BAGRATASHEN', direction: 'entry', occurredAt: ago(5), decision: 'admit', transport: { mode: 'road', vehiclePlate: 'GE123AB' }, ...officer },
    // A citizen's trip abroad and return.
    { id: crossingId('aram-out'), personId: person('aram-h'), crossingPoint: 'ZVARTNOTS', direction: 'exit', occurredAt: ago(20), decision: 'admit', ...officer },
    { id: crossingId('aram-in'), personId: person('aram-h'), crossingPoint: 'ZVARTNOTS', direction: 'entry', occurredAt: ago(3), decision: 'admit', ...officer },
    // Refused at Agarak: expired passport.
    { id: crossingId('reza-refused'), personId: person('reza-a'), crossingPoint: 'AGARAK', direction: 'entry', occurredAt: ago(60), decision: 'refuse', refusal: { code: 'no_valid_document' }, transport: { mode: 'road', vehiclePlate: '12IR345' }, ...officer },
  ];
  let written = 0;
  await db.tx(async (tx) => {
    for (const e of ENTRIES) {
      if (await seedListEntry(tx, { id: entryId(e.key), kind: e.kind, agencyCode: e.agency, agencyId: agencyId(e.agency), data: e.data, at })) written++;
    }
    for (const c of CROSSINGS) if (await seedCrossing(tx, country, c, at)) written++;
    if (written) {
      await audit(tx, { auth: null, clientIp: null, requestId: null, at }, { action: 'border.seed', purpose: 'administration', actor: { type: 'system', id: null, name: 'seed' }, details: { written } });
    }
  });
  return written;
}
