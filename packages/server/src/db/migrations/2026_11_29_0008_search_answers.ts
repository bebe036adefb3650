import { sql, type Kysely } from 'kysely';

/**
 * The search generation (migration 0007) becomes the version of a whole search answer, so the
 * server can keep answers per viewer and the browser can revalidate them (`ETag`). Until now it
 * moved with `mentors` only, which covered what every viewer shares; the cards also read the
 * mentors' names and photos (`users`), their profiles, and the viewer's own requests, mentorships
 * and profile (the match score's inputs). A change to any of these moves it too, once per
 * transaction, through the same lock-free `search_generation_bump()`.
 *
 * Row triggers with `WHEN`, not statement triggers: a statement that changes nothing (the request
 * expiry sweep finding nothing due, a sign-in refreshing unchanged claims) must not throw every
 * cached answer away. New profiles are left out: a person without one has never searched, and
 * their empty profile changes no one else's answer.
 */
const statements = [
  `CREATE TRIGGER users_search_generation AFTER UPDATE OF name, avatar_url, deleted_at ON users
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.avatar_url IS DISTINCT FROM NEW.avatar_url
      OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
    EXECUTE FUNCTION search_generation_bump()`,
  `CREATE TRIGGER profiles_search_generation AFTER UPDATE ON profiles
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION search_generation_bump()`,
  `CREATE TRIGGER profiles_search_generation_delete AFTER DELETE ON profiles
    FOR EACH ROW EXECUTE FUNCTION search_generation_bump()`,
  `CREATE TRIGGER requests_search_generation AFTER INSERT OR DELETE ON mentorship_requests
    FOR EACH ROW EXECUTE FUNCTION search_generation_bump()`,
  `CREATE TRIGGER requests_search_generation_update AFTER UPDATE OF status, expires_at, mentor_id, mentee_id ON mentorship_requests
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
      OR OLD.mentor_id IS DISTINCT FROM NEW.mentor_id OR OLD.mentee_id IS DISTINCT FROM NEW.mentee_id)
    EXECUTE FUNCTION search_generation_bump()`,
  `CREATE TRIGGER mentorships_search_generation AFTER INSERT OR DELETE ON mentorships
    FOR EACH ROW EXECUTE FUNCTION search_generation_bump()`,
  `CREATE TRIGGER mentorships_search_generation_update AFTER UPDATE OF status, mentor_id, mentee_id ON mentorships
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.mentor_id IS DISTINCT FROM NEW.mentor_id
      OR OLD.mentee_id IS DISTINCT FROM NEW.mentee_id)
    EXECUTE FUNCTION search_generation_bump()`,
];

const triggers = [
  ['users_search_generation', 'users'],
  ['profiles_search_generation', 'profiles'],
  ['profiles_search_generation_delete', 'profiles'],
  ['requests_search_generation', 'mentorship_requests'],
  ['requests_search_generation_update', 'mentorship_requests'],
  ['mentorships_search_generation', 'mentorships'],
  ['mentorships_search_generation_update', 'mentorships'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, table] of triggers) await sql.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`).execute(db);
}
