import type { PersonSummary } from '@mentorkit/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Summaries of several people in one query, keyed by id (a deleted user reads as "Deleted user"). */
export async function loadPeople(db: Kysely<Database>, ids: Iterable<string>): Promise<Map<string, PersonSummary>> {
  const unique = [...new Set(ids)];
  const people = new Map<string, PersonSummary>();
  if (unique.length === 0) return people;
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('profiles as p', 'p.user_id', 'u.id')
    .select([
      'u.id', 'u.name', 'u.avatar_url', 'u.deleted_at', 'p.headline', 'p.position', 'p.company', 'p.industry',
      'p.programme', 'p.graduation_year', 'p.skills', 'p.goals', 'p.time_zone', 'p.location',
    ])
    .where('u.id', 'in', unique)
    .execute();
  for (const r of rows) {
    const deleted = r.deleted_at !== null;
    people.set(r.id, {
      id: r.id,
      name: deleted ? 'Deleted user' : r.name,
      avatarUrl: deleted ? null : r.avatar_url,
      headline: deleted ? '' : (r.headline ?? ''),
      position: deleted ? '' : (r.position ?? ''),
      company: deleted ? '' : (r.company ?? ''),
      industry: deleted ? '' : (r.industry ?? ''),
      programme: deleted ? '' : (r.programme ?? ''),
      graduationYear: deleted ? null : (r.graduation_year ?? null),
      skills: deleted ? [] : (r.skills ?? []),
      goals: deleted ? '' : (r.goals ?? ''),
      timeZone: deleted ? null : (r.time_zone ?? null),
      location: deleted ? '' : (r.location ?? ''),
    });
  }
  return people;
}

export function personOrThrow(people: Map<string, PersonSummary>, id: string): PersonSummary {
  const p = people.get(id);
  if (!p) throw new Error(`person ${id} missing`);
  return p;
}
