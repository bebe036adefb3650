import { programmeStatus, type EnrolmentRole, type Programme, type ProgrammeStatus } from '@mentorkit/contract';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, ProgrammesTable } from '../../db/schema.js';
import type { TimeCursor } from '../shared/paging.js';
import { UUID } from '../shared/paging.js';

export type ProgrammeRow = Selectable<ProgrammesTable>;

/** A programme by id, optionally locked (matching and enrolment take it to serialize against an edit). */
export function programmeById(db: Db, id: string, lock: 'update' | 'share' | false = false) {
  if (!UUID.test(id)) return Promise.resolve(undefined);
  let q = db.selectFrom('programmes').selectAll().where('id', '=', id);
  if (lock === 'update') q = q.forUpdate();
  if (lock === 'share') q = q.forShare();
  return q.executeTakeFirst();
}

/** A programme by id or by slug (portal pages address programmes by slug). */
export function programmeByIdOrSlug(db: Db, idOrSlug: string) {
  const q = db.selectFrom('programmes').selectAll();
  return (UUID.test(idOrSlug) ? q.where('id', '=', idOrSlug.toLowerCase()) : q.where('slug', '=', idOrSlug.toLowerCase())).executeTakeFirst();
}

export function insertProgramme(db: Db, values: Insertable<ProgrammesTable>) {
  return db.insertInto('programmes').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateProgramme(db: Db, id: string, values: Updateable<ProgrammesTable>) {
  return db.updateTable('programmes').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** The SQL of a programme's status on `today`, the same rules as `programmeStatus` in the contract. */
function statusCondition(status: ProgrammeStatus, today: string) {
  const closes = sql`coalesce(enrolment_closes_on, ends_on)`;
  switch (status) {
    case 'ended':
      return sql<boolean>`ends_on < ${today}::date`;
    case 'running':
      return sql<boolean>`starts_on <= ${today}::date AND ends_on >= ${today}::date`;
    case 'enrolling':
      return sql<boolean>`starts_on > ${today}::date AND ${closes} >= ${today}::date`;
    case 'upcoming':
      return sql<boolean>`starts_on > ${today}::date AND ${closes} < ${today}::date`;
  }
}

/**
 * A page of programmes, soonest start first (one row more than `limit`): all of them, those of
 * one status, those not ended (`notEnded`), or only those `enrolledUserId` is enrolled in.
 */
export function programmePage(
  db: Db,
  { today, status, notEnded, enrolledUserId, after, limit }: {
    today: string; status?: ProgrammeStatus | undefined; notEnded?: boolean; enrolledUserId?: string | undefined; after?: TimeCursor | undefined; limit: number;
  },
) {
  let q = db.selectFrom('programmes').selectAll();
  if (status) q = q.where(statusCondition(status, today));
  if (notEnded) q = q.where('ends_on', '>=', today);
  if (enrolledUserId) {
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('programme_enrolments as e').select('e.user_id')
      .whereRef('e.programme_id', '=', 'programmes.id').where('e.user_id', '=', enrolledUserId)));
  }
  if (after) q = q.where(sql<boolean>`(starts_on, id) > (${after.at.toISOString().slice(0, 10)}::date, ${after.id}::uuid)`);
  return q.orderBy('starts_on', 'asc').orderBy('id', 'asc').limit(limit + 1).execute();
}

/** The keyset position of a programme in `programmePage`'s order. */
export const programmeCursor = (r: ProgrammeRow): TimeCursor => ({ at: new Date(`${r.starts_on}T00:00:00.000Z`), id: r.id });

/** The programmes as the API shows them to `viewerId` on `today`, with enrolment counts and the viewer's roles. */
export async function toProgrammes(db: Db, rows: ProgrammeRow[], viewerId: string, today: string): Promise<Programme[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = await db.selectFrom('programme_enrolments').select(['programme_id', 'role', (eb) => eb.fn.countAll<string>().as('n')])
    .where('programme_id', 'in', ids).groupBy(['programme_id', 'role']).execute();
  const mine = await db.selectFrom('programme_enrolments').select(['programme_id', 'role'])
    .where('programme_id', 'in', ids).where('user_id', '=', viewerId).execute();
  return rows.map((r) => {
    const count = (role: EnrolmentRole) => Number(counts.find((c) => c.programme_id === r.id && c.role === role)?.n ?? 0);
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      description: r.description,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      enrolmentClosesOn: r.enrolment_closes_on,
      matching: r.matching,
      milestoneTemplate: r.milestone_template,
      maxMenteesPerMentor: r.max_mentees_per_mentor,
      ...programmeStatus({ startsOn: r.starts_on, endsOn: r.ends_on, enrolmentClosesOn: r.enrolment_closes_on }, today),
      enrolled: { mentors: count('mentor'), mentees: count('mentee') },
      viewerRoles: mine.filter((m) => m.programme_id === r.id).map((m) => m.role).sort(),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

export async function toProgramme(db: Db, row: ProgrammeRow, viewerId: string, today: string): Promise<Programme> {
  return (await toProgrammes(db, [row], viewerId, today))[0]!;
}

/** Whether a person is enrolled in a programme in a role. */
export async function isEnrolled(db: Db, programmeId: string, userId: string, role: EnrolmentRole): Promise<boolean> {
  const row = await db.selectFrom('programme_enrolments').select('user_id')
    .where('programme_id', '=', programmeId).where('role', '=', role).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The ids of the people enrolled in a programme in a role, in id order. */
export async function enrolledIds(db: Db, programmeId: string, role: EnrolmentRole): Promise<string[]> {
  const rows = await db.selectFrom('programme_enrolments').select('user_id')
    .where('programme_id', '=', programmeId).where('role', '=', role).orderBy('user_id').execute();
  return rows.map((r) => r.user_id);
}
