import DataLoader from 'dataloader';
import { sql, type Kysely, type Selectable } from 'kysely';
import { PREPARED } from '../db/prepared.js';
import type { Database, UsersTable } from '../db/schema.js';

/** What authentication reads of a user, with the search generation of that moment (migrations 0007–0008). */
export type UserRow = Pick<Selectable<UsersTable>, 'id' | 'name' | 'email' | 'avatar_url' | 'is_admin' | 'deleted_at'> & {
  search_generation: string;
};

interface Identity {
  issuer: string;
  subject: string;
}

/** Bounds the arrays one statement carries. */
const MAX_BATCH = 100;

/**
 * Every authenticated request reads its user; under load many arrive at once. The reads of one
 * turn of the event loop (every request parsed in it) go to the database as one statement: a
 * round trip, and its system calls, for a batch instead of each. `setImmediate` closes the batch
 * after the loop has handed out everything it read from the sockets. The text is fixed (arrays
 * as parameters), so it is prepared once per connection.
 */
async function readUsers(db: Kysely<Database>, keys: readonly Identity[]): Promise<(UserRow | undefined)[]> {
  const rows = (await sql<UserRow & { i: string }>`${PREPARED}
    SELECT k.i::text AS i, u.id, u.name, u.email, u.avatar_url, u.is_admin, u.deleted_at, g.search_generation
    FROM unnest(${keys.map((k) => k.issuer)}::text[], ${keys.map((k) => k.subject)}::text[]) WITH ORDINALITY AS k(issuer, subject, i)
    JOIN users u ON u.issuer = k.issuer AND u.subject = k.subject
    CROSS JOIN (SELECT coalesce(sum(n), 0)::text AS search_generation FROM search_generation) g`.execute(db)).rows;
  const byPosition = new Map(rows.map(({ i, ...row }) => [Number(i), row]));
  return keys.map((_, index) => byPosition.get(index + 1));
}

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Reads users by the issuer and subject of their tokens, batching the reads of one turn of the
 * event loop into one statement. One per app (`createApp` makes it), so apps never share batches.
 */
export class UserLookup {
  readonly #loader: DataLoader<Identity, UserRow | undefined>;

  constructor(db: Kysely<Database>) {
    this.#loader = new DataLoader<Identity, UserRow | undefined>(
      async (keys) => {
        try {
          return await readUsers(db, keys);
        } catch {
          // One identity the database refuses (a NUL in a claim, say) must not fail the others
          // of its batch: each is read alone, and only the bad one fails.
          return Promise.all(keys.map((key) => readUsers(db, [key]).then(([row]) => row, (error: unknown) => toError(error))));
        }
      },
      // No memory between batches: a user's row (and the generation) is read afresh for every request.
      { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (run) => void setImmediate(run) },
    );
  }

  /** The user a token's issuer and subject name, if any, and the search generation as of now. */
  load(issuer: string, subject: string): Promise<UserRow | undefined> {
    return this.#loader.load({ issuer, subject });
  }
}
