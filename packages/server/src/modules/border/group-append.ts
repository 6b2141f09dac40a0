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

/**
 * The writes of a group of crossings (ADR 0507) in one statement, whatever the group's size (ADR 0509):
 * new persons (the persons module's rows, `documentHolderRegistrations`), the crossings, the stay
 * positions, the idempotency keys with their answers and the audit rows, all sent as one jsonb parameter,
 * so the statement's text depends only on which parts are present and is prepared once per connection. The
 * keys are claimed first (the statement's result asks for them); the other parts, the audit append
 * (`audit.ctes`, which locks the chain head until commit) among them, run after. Returns the stored
 * crossing rows, as findCrossing would read them (built from the values written: ADR 0508; superseded by
 * nothing yet), and whether every key was claimed.
 */
export async function appendGroup(
  tx: Queryable,
  parts: { persons?: unknown; crossings: readonly NewCrossing[]; stays?: ReturnType<typeof stayPositionRows>; answers?: readonly IdempotentAnswer[]; audit?: { rows: unknown[]; ctes: (source: string) => string } },
): Promise<{ rows: CrossingRow[]; claimed: boolean }> {
  const answers = parts.answers ?? [];
  // The crossings' JSON is written once and parsed back alone (below); the rest only goes out.
  const crossings = JSON.stringify(parts.crossings.map(crossingPayload));
  const rest = JSON.stringify({
    stays: parts.stays ?? [],
    answers: answers.map((a) => ({ scope: a.scope, key: a.key, request_hash: a.hash, status: a.status, response: a.response, created_at: a.at })),
    audit: parts.audit?.rows ?? [],
    ...(parts.persons ? { persons: parts.persons } : {}),
  });
  const text = `{"crossings":${crossings},${rest.slice(1)}`;
  const ctes = [...(parts.persons ? [NEW_PERSONS_CTES("$1::jsonb->'persons'")] : []), CROSSINGS_CTE("$1::jsonb->'crossings'"), STAY_POSITIONS_CTE("$1::jsonb->'stays'"), ANSWERS_CTE("$1::jsonb->'answers'"), ...(parts.audit ? [parts.audit.ctes("$1::jsonb->'audit'")] : [])];
  const r = await tx.query<{ claimed: number; written: number }>(
    `WITH RECURSIVE ${ctes.join(',\n     ')}
     SELECT (SELECT count(*) FROM answers_claimed)::int AS claimed, (SELECT count(*) FROM crossings_written)::int AS written`,
    [text],
    { prepare: true },
  );
  const result = r.rows[0]!;
  if (result.written !== parts.crossings.length) throw new Error(`inserted ${result.written} of ${parts.crossings.length} crossings`);
  // The JSON values as written (the same parse a read of the row gives: undefined members dropped).
  const written = parts.crossings.length ? (JSON.parse(crossings) as CrossingPayload[]) : [];
  return { rows: parts.crossings.map((c, i) => storedRow(c, written[i]!)), claimed: result.claimed === answers.length };
}

