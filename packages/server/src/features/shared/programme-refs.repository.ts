import type { ProgrammeRef } from '@mentorkit/contract';
import type { Db } from '../../db/schema.js';

/** The programmes named by requests or mentorships, keyed by id, in one query (none without ids). */
export async function loadProgrammeRefs(db: Db, ids: Iterable<string | null>): Promise<Map<string, ProgrammeRef>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('programmes').select(['id', 'slug', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, slug: r.slug, name: r.name }]));
}
