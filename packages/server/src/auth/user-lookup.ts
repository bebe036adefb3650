import { sql, type Kysely, type Selectable } from 'kysely';
import { perTurn } from '../db/batch.js';
import { PREPARED } from '../db/prepared.js';
import type { Database, UsersTable } from '../db/schema.js';

/**
 * What authentication reads of a user, with the search generation of that moment (migrations
 * 0007–0008) and, as JSON text, the profile columns the match score reads (`ViewerProfileRow` of
 * mentor search, which parses it): a search then reads its viewer in no statement of its own.
 */
export type UserRow = Pick<Selectable<UsersTable>, 'id' | 'name' | 'email' | 'avatar_url' | 'is_admin' | 'deleted_at'> & {
  search_generation: string;
  match_inputs: string | null;
};

/**
 * A viewer's match inputs from the profile row `p` (null without one): the profile columns the
 * match score reads, as JSON text that mentor search parses (`ViewerProfileRow`). The user lookup
 * selects it, and search itself when it has no user row of the request.
 */
export const MATCH_INPUTS = sql<string | null>`CASE WHEN p.user_id IS NOT NULL THEN json_build_object('skills', p.skills, 'goals', p.goals,
  'industry', p.industry, 'languages', p.languages, 'programme', p.programme, 'time_zone', p.time_zone)::text END`;

interface Identity {
  issuer: string;
  subject: string;
}

/** Bounds the arrays one statement carries. */
const MAX_BATCH = 100;

/**
 * Every authenticated request reads its user; under load many arrive at once, and the reads of
 * one turn of the event loop go as one statement (`perTurn`). The text is fixed (arrays as
 * parameters), so it is prepared once per connection.
 */
async function readUsers(db: Kysely<Database>, keys: readonly Identity[]): Promise<(UserRow | undefined)[]> {
  const rows = (await sql<UserRow & { i: string }>`${PREPARED}
    SELECT k.i::text AS i, u.id, u.name, u.email, u.avatar_url, u.is_admin, u.deleted_at, g.search_generation,
      ${MATCH_INPUTS} AS match_inputs
    FROM unnest(${keys.map((k) => k.issuer)}::text[], ${keys.map((k) => k.subject)}::text[]) WITH ORDINALITY AS k(issuer, subject, i)
    JOIN users u ON u.issuer = k.issuer AND u.subject = k.subject
    LEFT JOIN profiles p ON p.user_id = u.id
    CROSS JOIN (SELECT coalesce(sum(n), 0)::text AS search_generation FROM search_generation) g`.execute(db)).rows;
  const byPosition = new Map(rows.map(({ i, ...row }) => [Number(i), row]));
  return keys.map((_, index) => byPosition.get(index + 1));
}

/**
 * Reads users by the issuer and subject of their tokens, batching the reads of one turn of the
 * event loop into one statement (`perTurn`). One per app (`createApp` makes it), so apps never share batches.
 */
export class UserLookup {
  readonly #read: (key: Identity) => Promise<UserRow | undefined>;

  constructor(db: Kysely<Database>) {
    this.#read = perTurn((keys) => readUsers(db, keys), MAX_BATCH);
  }

  /** The user a token's issuer and subject name, if any, and the search generation as of now. */
  load(issuer: string, subject: string): Promise<UserRow | undefined> {
    return this.#read({ issuer, subject });
  }
}
