import * as P from '@kamurj/domain/persons';
import { parseMrz } from '@kamurj/domain/documents/mrz';
import { validationError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { audit, type AuditOrigin, type Purpose } from '../audit/index.ts';
import { findCandidates } from './dedupe.ts';
import { isoDay, viewOf } from './gate.ts';
import { presentMasked, presentSummary } from './presenter.ts';
import * as repo from './repository.ts';
import { searchPersons } from './search.ts';
import type { SearchQuery } from './schemas.ts';
import { presentCandidates } from './service.ts';
import { toRecord } from './input.ts';
import type { PersonInput } from './schemas.ts';

export async function search(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, q: SearchQuery) {
  requireCan(auth.actor, 'persons.read');
  const hits = await searchPersons(deps.db, q, auth.actor);
  const now = deps.clock.now();
  const today = isoDay(now);
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, hits.map((h) => h.row.id), now);
  const items = hits.map((h) => {
    const full = viewOf(auth, h.row, today, grants) === 'full';
    // A protected person the reader may not see appears only as a masked hit: that a record exists and
    // how well it matches, nothing about who it is or why it is protected.
    return full
      ? { person: presentSummary(h.row, today), score: h.score, match: h.match, explanation: h.explanation ?? null, via: h.via }
      : { person: presentMasked(h.row.id), score: h.score, match: h.match, explanation: null, via: [] };
  });
  const { purpose, ...criteria } = q;
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'persons.search', purpose, targetType: 'person', details: { criteria, returned: items.map((i) => i.person.id) } }),
  );
  return { items };
}

/**
 * Step one of "create a person from a document": parse the MRZ (domain library, OCR corrections
 * reported), build the draft, and show the records that may be the same person before anything is saved.
 */
export async function fromDocument(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, mrz: string, purpose: Purpose) {
  requireCan(auth.actor, 'persons.read');
  const referenceDate = isoDay(deps.clock.now());
  const parsed = parseMrz(mrz, { referenceDate });
  const { raw: _raw, ...result } = parsed;
  if (parsed.format === null) {
    throw validationError(
      parsed.errors.map((e) => ({ field: 'body.mrz', code: e.code, message: e.message })),
      'This is not a machine-readable zone (2 lines of 44 or 36 characters, or 3 lines of 30)',
    );
  }
  const draft = P.draftFromMrz(parsed, mrz);
  const draftRecord: P.PersonData = {
    ...draft,
    names: draft.names.map((n, i) => ({ ...n, id: `draft-${i}` })),
    documents: draft.documents.map((d, i) => ({ ...d, id: `draft-${i}` })),
  };
  const candidates = await findCandidates(deps.db, { id: null, record: draftRecord });
  const duplicates = await presentCandidates(deps, auth, candidates);
  await deps.db.tx((tx) =>
    audit(tx, origin, {
      action: 'persons.duplicates.check',
      purpose,
      targetType: 'person',
      details: { from: 'mrz', documentNumber: parsed.documentNumber, returned: duplicates.map((d) => d.person.id) },
    }),
  );
  return { mrz: result, draft, duplicates };
}

/** Duplicate candidates for a draft typed by hand, before it is saved. */
export async function checkDuplicates(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, person: PersonInput, purpose: Purpose) {
  requireCan(auth.actor, 'persons.read');
  const record = await toRecord(deps.db, person, deps.clock.now());
  const duplicates = await presentCandidates(deps, auth, await findCandidates(deps.db, { id: null, record }));
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'persons.duplicates.check', purpose, targetType: 'person', details: { from: 'entry', returned: duplicates.map((d) => d.person.id) } }),
  );
  return { duplicates };
}
