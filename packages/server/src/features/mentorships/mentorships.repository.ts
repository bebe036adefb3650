import type { Mentorship } from '@mentorkit/contract';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, MentorshipsTable } from '../../db/schema.js';
import { loadPeople, personOrThrow } from '../shared/people.repository.js';

type Row = Selectable<MentorshipsTable>;
type Db = Kysely<Database> | Transaction<Database>;

export async function toMentorships(db: Db, rows: Row[]): Promise<Mentorship[]> {
  if (rows.length === 0) return [];
  const people = await loadPeople(db, rows.flatMap((r) => [r.mentor_id, r.mentee_id]));
  const conversations = new Map(
    (await db.selectFrom('conversations').select(['id', 'mentorship_id']).where('mentorship_id', 'in', rows.map((r) => r.id)).execute())
      .map((c) => [c.mentorship_id, c.id]),
  );
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
