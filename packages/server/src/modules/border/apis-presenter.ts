import type { AdjudicationRow, ManifestCounts, ManifestRow, PassengerInput, PassengerRow } from './apis-repository.ts';
import type { HitView } from './screening.ts';

/** What leaves the server about manifests and pre-screened passengers (never a row as it is). */
export function presentManifest(m: ManifestRow, counts: ManifestCounts | undefined) {
  return {
    id: m.id,
    crossingPoint: m.crossing_point,
    format: m.format,
    flight: m.flight_number,
    carrier: m.carrier,
    departureAirport: m.departure_airport,
    arrivalAirport: m.arrival_airport,
    scheduledArrival: m.scheduled_arrival,
    arrivalDate: m.arrival_date,
    sourceRef: m.source_ref,
    rowsRead: m.rows_read,
    counts: counts ?? { passengers: m.passenger_count, withHits: 0, hits: 0, adjudicated: 0 },
    errorCount: m.errors.length,
    warningCount: m.warnings.length,
    screenedAt: m.screened_at.toISOString(),
    uploadedAt: m.uploaded_at.toISOString(),
    uploadedBy: m.uploaded_by_name,
    supersededBy: m.superseded_by,
  };
}

/** The judgement of each hit: the latest made on the manifest, else the person's memory at screening time. */
function judged(hits: readonly HitView[], adjudications: readonly AdjudicationRow[]): HitView[] {
  const latest = new Map<string, AdjudicationRow>();
  for (const a of adjudications) latest.set(`${a.entry_id}:${a.entry_version}`, a);
  return hits.map((h) => {
    const a = latest.get(`${h.entryId}:${h.entryVersion}`);
    return a ? { ...h, adjudication: { outcome: a.outcome, reason: a.reason, by: a.by_name, at: a.at.toISOString() } } : h;
  });
}

export function presentPassenger(p: PassengerRow, adjudications: readonly AdjudicationRow[]) {
  return {
    id: p.id,
    seq: p.seq,
    source: p.source,
    role: p.role,
    surname: p.surname,
    givenNames: p.given_names,
    birthDate: p.birth_date,
    sex: p.sex,
    nationality: p.nationality,
    document: { number: p.document_number, type: p.document_type, issuingState: p.issuing_state, expiryDate: p.expiry_date },
    person: p.person,
    hits: judged(p.hits, adjudications.filter((a) => a.passenger_id === p.id)),
    suppressed: p.suppressed,
    history: p.history,
    screenedAt: p.screened_at.toISOString(),
  };
}

/** What the console's result panel says about a traveller who was on a pre-screened manifest. */
export function presentPreScreen(p: PassengerRow & { flight_number: string; scheduled_arrival: string; carrier: string }, adjudications: readonly AdjudicationRow[]) {
  const view = presentPassenger(p, adjudications);
  return {
    manifestId: p.manifest_id,
    passengerId: p.id,
    flight: p.flight_number,
    carrier: p.carrier,
    scheduledArrival: p.scheduled_arrival,
    screenedAt: view.screenedAt,
    hits: view.hits.map((h) => ({ source: h.source, listId: h.listId, entryId: h.entryId, entryVersion: h.entryVersion, action: h.action, score: h.score, reason: h.reason, adjudication: h.adjudication })),
    suppressed: p.suppressed.length,
    history: p.history.length,
  };
}

/** A stored passenger as the input of a new screening. */
export function inputOf(p: PassengerRow): PassengerInput {
  return {
    seq: p.seq,
    source: p.source,
    role: p.role,
    surname: p.surname,
    givenNames: p.given_names,
    birthDate: p.birth_date,
    sex: p.sex,
    nationality: p.nationality,
    documentNumber: p.document_number,
    documentType: p.document_type,
    issuingState: p.issuing_state,
    expiryDate: p.expiry_date,
  };
}
