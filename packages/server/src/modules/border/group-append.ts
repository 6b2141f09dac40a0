import type { GroupPart } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import { ANSWERS_CTE, CROSSINGS_CTE, crossingPayload, storedRow, type CrossingPayload, type CrossingRow, type NewCrossing } from './crossings-repository.ts';
import { NEW_PERSONS_CTES } from '../persons/index.ts';
import { STAY_POSITIONS_CTE, type stayPositionRows } from './stay.ts';

export interface IdempotentAnswer {
  scope: string;
  key: string;
  hash: string;
  at: Date;
  status: number;
  response: unknown;
}

/** Another delivery of the same request holds an idempotency key of the group (SQLSTATE KB001, migration 0024). */
export class ClaimLost extends Error {}

/** Rows another module writes with the group, e.g. the centre's conflict review items (AppDeps' hook). */
export type { GroupPart } from '../../app-deps.ts';

/**
 * The writes of a group of crossings (ADR 0507) in one statement, whatever the group's size (ADR 0509):
 * new persons (the persons module's rows, `documentHolderRegistrations`), the crossings, the stay
 * positions, the idempotency keys with their answers, other modules' parts and the audit rows, all sent as
 * one jsonb parameter, so the statement's text depends only on which parts are present and is prepared once
 * per connection. The statement checks itself (`border_group_check`, ADR 0511): it fails as a whole unless
 * every crossing and audit row was written, and with ClaimLost unless every key was claimed. So it may be
 * the group's only statement, committing on its own; inside a transaction it is the last (the audit append
 * locks the chain head until commit). Returns the stored crossing rows, as findCrossing would read them
 * (built from the values written: ADR 0508; superseded by nothing yet).
 */
export async function appendGroup(
  q: Queryable,
  parts: {
    persons?: unknown;
    crossings: readonly NewCrossing[];
    stays?: ReturnType<typeof stayPositionRows>;
    answers?: readonly IdempotentAnswer[];
    extra?: readonly GroupPart[];
    audit?: { rows: unknown[]; ctes: (source: string) => string };
  },
): Promise<CrossingRow[]> {
  const answers = parts.answers ?? [];
  const extra = parts.extra ?? [];
  // The crossings' JSON is written once and parsed back alone (below); the rest only goes out.
  const crossings = JSON.stringify(parts.crossings.map(crossingPayload));
  const rest = JSON.stringify({
    stays: parts.stays ?? [],
    answers: answers.map((a) => ({ scope: a.scope, key: a.key, request_hash: a.hash, status: a.status, response: a.response, created_at: a.at })),
    audit: parts.audit?.rows ?? [],
    ...(parts.persons ? { persons: parts.persons } : {}),
    ...Object.fromEntries(extra.map((x) => [x.name, x.rows])),
  });
  const text = `{"crossings":${crossings},${rest.slice(1)}`;
  const ctes = [
    ...(parts.persons ? [NEW_PERSONS_CTES("$1::jsonb->'persons'")] : []),
    CROSSINGS_CTE("$1::jsonb->'crossings'"),
    STAY_POSITIONS_CTE("$1::jsonb->'stays'"),
    ANSWERS_CTE("$1::jsonb->'answers'"),
    ...extra.map((x) => x.ctes(`$1::jsonb->'${x.name}'`)),
    ...(parts.audit ? [parts.audit.ctes("$1::jsonb->'audit'")] : []),
  ];
  const audited = parts.audit ? '(SELECT count(*) FROM audit_chain WHERE n > 0)' : '0::bigint';
  try {
    await q.query(
      `WITH RECURSIVE ${ctes.join(',\n     ')}
       SELECT border_group_check((SELECT count(*) FROM answers_claimed), $2::int, (SELECT count(*) FROM crossings_written), $3::int, ${audited}, $4::int) AS ok`,
      [text, answers.length, parts.crossings.length, parts.audit?.rows.length ?? 0],
      // Its plan is the same whatever the rows: planned once per connection (ADR 0517).
      { prepare: 'generic' },
    );
  } catch (e) {
    if ((e as { code?: unknown }).code === 'KB001') throw new ClaimLost();
    throw e;
  }
  // The JSON values as written (the same parse a read of the row gives: undefined members dropped).
  const written = parts.crossings.length ? (JSON.parse(crossings) as CrossingPayload[]) : [];
  return parts.crossings.map((c, i) => storedRow(c, written[i]!));
}
