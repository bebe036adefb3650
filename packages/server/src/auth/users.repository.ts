import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { UserLookup } from './user-lookup.js';
import type { Claims } from './verify.js';
import { ApiError } from '../http/errors.js';
import type { Viewer } from '../http/env.js';

/**
 * An erased account (`DELETE /me`) stays erased: the portal's token is still valid, so without
 * this the upsert below would bring the person back. 410 rather than 401, because a fresh token
 * cannot help (clients fetch a new token and retry on 401) and rather than 403, because there is
 * nothing left that access is being denied to.
 */
export const accountDeleted = () => new ApiError('account_deleted', 'This account was deleted');

/**
 * Creates the user (and an empty profile) on first sight, refreshes name/email/picture/admin when
 * the portal's claims changed, and does no write at all when nothing did. Never revives an erased
 * account: it answers `account_deleted`.
 */
export async function upsertUserFromClaims(db: Kysely<Database>, users: UserLookup, claims: Claims, isAdmin: boolean): Promise<Viewer> {
  // Every authenticated request runs this read; concurrent ones share a statement (`UserLookup`).
  const existing = await users.load(claims.issuer, claims.subject);
  if (existing && existing.deleted_at !== null) throw accountDeleted();
  const name = claims.name || existing?.name || 'Alumnus';
  if (
    existing &&
    existing.name === name &&
    existing.email === claims.email &&
    existing.avatar_url === claims.picture &&
    existing.is_admin === isAdmin
  ) {
    return { id: existing.id, name, isAdmin, searchGeneration: BigInt(existing.search_generation), matchInputs: existing.match_inputs };
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({ issuer: claims.issuer, subject: claims.subject, name, email: claims.email, avatar_url: claims.picture, is_admin: isAdmin })
      .onConflict((oc) =>
        oc.columns(['issuer', 'subject']).doUpdateSet({
          name,
          email: claims.email,
          avatar_url: claims.picture,
          is_admin: isAdmin,
          updated_at: new Date(),
        }).where('users.deleted_at', 'is', null),
      )
      .returning(['id'])
      .executeTakeFirst();
    // No row: the account was erased between the read above and this write.
    if (!row) throw accountDeleted();
    await trx.insertInto('profiles').values({ user_id: row.id }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    return { id: row.id, name, isAdmin };
  });
}
