import { access } from '@kamurj/domain';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import type { AuditOrigin, Purpose } from '../audit/index.ts';
import { jurisdictionFor } from './gate.ts';
import { importPersons, jsonLinesRows, MAX_IMPORT_ROWS, type ImportRow } from './import.ts';

/**
 * `POST /api/persons/import`: a JSON array of person records (as `POST /api/persons` takes `person`) or
 * JSON Lines, at most MAX_IMPORT_ROWS. Needs `persons.write`; each record must fall within the caller's
 * writing reach (else that row is reported and the others load).
 */
export async function importFromRequest(
  deps: AppDeps,
  origin: () => AuditOrigin,
  auth: AuthContext,
  q: { source: string; purpose: Purpose },
  body: readonly unknown[] | string,
) {
  requireCan(auth.actor, 'persons.write');
  const rows: ImportRow[] = typeof body === 'string' ? jsonLinesRows(body) : body.map((value, i) => ({ row: i + 1, value }));
  if (rows.length === 0) throw validationError([{ field: 'body', code: 'PERSONS.IMPORT_EMPTY', message: 'No records to import' }]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw validationError([{ field: 'body', code: 'PERSONS.IMPORT_TOO_MANY_ROWS', message: `At most ${MAX_IMPORT_ROWS} records per request` }]);
  }
  const country = deps.config.country;
  return importPersons(
    {
      db: deps.db,
      country,
      autoMergeThreshold: deps.config.autoMergeThreshold,
      origin,
      actorId: auth.actor.id,
      actorName: auth.actorName,
      purpose: q.purpose,
      jurisdictionOf: (registeredIn) => {
        const jurisdictionPath = jurisdictionFor(country, registeredIn, auth);
        if (!access.can(auth.actor, 'persons.write', { jurisdictionPath })) {
          throw new DomainError('PERSONS.IMPORT_OUT_OF_REACH', 'forbidden', 'Outside your writing reach', {
            issues: [{ field: 'row.registeredIn', code: 'PERSONS.IMPORT_OUT_OF_REACH', message: `You may not register persons in ${jurisdictionPath ?? 'the whole country'}` }],
          });
        }
        return jurisdictionPath;
      },
    },
    q.source,
    rows,
  );
}
