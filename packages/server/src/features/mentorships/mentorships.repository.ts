import type { Mentorship, mentorshipListQuery } from '@mentorkit/contract';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { Db, MentorshipsTable } from '../../db/schema.js';
import type { TimeCursor } from '../shared/paging.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';
import { loadProgrammeRefs } from '../shared/programme-refs.repository.js';

type Row = Selectable<MentorshipsTable>;

export async function toMentorships(db: Db, rows: Row[]): Promise<Mentorship[]> {
  if (rows.length === 0) return [];
  const people = await loadPeople(db, rows.flatMap((r) => [r.mentor_id, r.mentee_id]));
  const conversations = new Map(
    (await db.selectFrom('conversations').select(['id', 'mentorship_id']).where('mentorship_id', 'in', rows.map((r) => r.id)).execute())
      .map((c) => [c.mentorship_id, c.id]),
  );
  const programmes = await loadProgrammeRefs(db, rows.map((r) => r.programme_id));
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
    endReason: r.end_reason,
    targetEndDate: r.target_end_date,
    conversationId: conversations.get(r.id) ?? null,
    mentor: personOrThrow(people, r.mentor_id),
    mentee: personOrThrow(people, r.mentee_id),
    programme: r.programme_id ? (programmes.get(r.programme_id) ?? null) : null,
  }));
}

export async function toMentorship(db: Db, row: Row): Promise<Mentorship> {
  return (await toMentorships(db, [row]))[0]!;
}

/** A mentorship the viewer takes part in; undefined for anyone else (who then gets a 404). */
export function mentorshipForParty(db: Db, id: string, viewerId: string, lock = false) {
  let q = db.selectFrom('mentorships').selectAll().where('id', '=', id)
    .where((eb) => eb.or([eb('mentor_id', '=', viewerId), eb('mentee_id', '=', viewerId)]));
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The viewer's mentorships in the given role and status, newest first, after `after`; one row more than `limit`. */
export function mentorshipRowsOf(db: Db, viewerId: string, query: Pick<z.output<typeof mentorshipListQuery>, 'role' | 'status' | 'limit'>, after: TimeCursor | undefined) {
  let q = db.selectFrom('mentorships').selectAll();
  q = query.role === 'mentor' ? q.where('mentor_id', '=', viewerId)
    : query.role === 'mentee' ? q.where('mentee_id', '=', viewerId)
    : q.where((eb) => eb.or([eb('mentor_id', '=', viewerId), eb('mentee_id', '=', viewerId)]));
  if (query.status) q = q.where('status', '=', query.status);
  if (after) q = q.where(sql<boolean>`(started_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
}
