import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Prepared statements for the few hot statements whose planning costs more than running them
 * (the cards of a search page: four joins and per-row subqueries, planned in ~0.5 ms, run in
 * ~0.3 ms). A statement opts in by starting with `PREPARED`; on PostgreSQL each connection then
 * parses and plans it once (a pg named statement, after five runs usually a generic plan) and
 * only binds values after that. Only fixed texts should opt in: every distinct text is kept by
 * every connection for its lifetime. The mark is a comment, so elsewhere (PGlite) it is plain SQL.
 */
const MARK = '/* prepared */';
export const PREPARED = sql.raw(MARK);

const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (!name) names.set(text, (name = `mk_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return name;
};

/** A pg pool for Kysely's PostgresDialect whose clients prepare the statements marked `PREPARED`. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      // Kysely passes either SQL text with values or a cursor (streaming); only marked text changes.
      const query = (text: unknown, values?: readonly unknown[]): unknown =>
        typeof text === 'string' && text.startsWith(MARK)
          ? client.query({ name: nameOf(text), text, values: [...(values ?? [])] })
          : client.query(text as string, values as unknown[]);
      return { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}
