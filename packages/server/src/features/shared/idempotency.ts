import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ApiError } from '../../http/errors.js';

/** Validates the `Idempotency-Key` header: absent, or 1–200 visible ASCII characters. */
export function idempotencyKeyFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new ApiError('validation_failed', 'Invalid header: Idempotency-Key', [
      { path: ['Idempotency-Key'], message: 'Must be 1–200 visible ASCII characters' },
    ]);
  }
  return header;
}

/**
 * Runs `create` in a transaction that first claims (user, scope, key). A repeat — even a
 * concurrent one, which waits on the claim's row lock — gets the resource the first one made.
 * Without a key it just runs `create`.
 */
export async function createOnce<T>(
  db: Kysely<Database>,
  claim: { userId: string; scope: string; key: string | undefined },
  create: (trx: Transaction<Database>, id: string) => Promise<T>,
  load: (id: string) => Promise<T>,
): Promise<{ resource: T; replayed: boolean }> {
  const id = randomUUID();
  const { key } = claim;
  if (key === undefined) {
    return { resource: await db.transaction().execute((trx) => create(trx, id)), replayed: false };
  }
  const existing = async () =>
    db.selectFrom('idempotency_keys').select('resource_id')
      .where('user_id', '=', claim.userId).where('scope', '=', claim.scope).where('key', '=', key)
      .executeTakeFirst();
  const before = await existing();
  if (before) return { resource: await load(before.resource_id), replayed: true };
  try {
    const resource = await db.transaction().execute(async (trx) => {
      await trx.insertInto('idempotency_keys').values({ user_id: claim.userId, scope: claim.scope, key, resource_id: id }).execute();
      return create(trx, id);
    });
    return { resource, replayed: false };
  } catch (err) {
    const after = (err as { code?: string }).code === '23505' ? await existing() : undefined;
    if (after) return { resource: await load(after.resource_id), replayed: true };
    throw err;
  }
}
