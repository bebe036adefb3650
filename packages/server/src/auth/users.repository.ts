import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Claims } from './verify.js';

export interface IdentifiedUser {
  id: string;
  name: string;
  isAdmin: boolean;
}

/**
 * Creates the user (and an empty profile) on first sight, refreshes name/email/picture/admin when
 * the portal's claims changed, and does no write at all when nothing did.
 */
export async function upsertUserFromClaims(db: Kysely<Database>, claims: Claims, isAdmin: boolean): Promise<IdentifiedUser> {
  const existing = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'avatar_url', 'is_admin', 'deleted_at'])
    .where('issuer', '=', claims.issuer)
    .where('subject', '=', claims.subject)
    .executeTakeFirst();
  const name = claims.name || existing?.name || 'Alumnus';
  if (
    existing &&
    existing.deleted_at === null &&
    existing.name === name &&
    existing.email === claims.email &&
    existing.avatar_url === claims.picture &&
    existing.is_admin === isAdmin
  ) {
    return { id: existing.id, name, isAdmin };
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
          deleted_at: null,
          updated_at: new Date(),
        }),
      )
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await trx.insertInto('profiles').values({ user_id: row.id }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    return { id: row.id, name, isAdmin };
  });
}
