import {
  enrolmentRoles,
  programmeDateIssues,
  programmeStatus,
  type adminProgrammeListQuery,
  type Enrolment,
  type enrolmentInput,
  type enrolmentListQuery,
  type EnrolmentRole,
  type Page,
  type Programme,
  type programmeInput,
  type programmeListQuery,
  type programmePatch,
} from '@mentorkit/contract';
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { ProgrammesTable } from '../../db/schema.js';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { ApiError, notFound } from '../../http/errors.js';
import { record } from '../activity/record.js';
import { isoDay } from '../mentors/availability.js';
import { decodeTimeCursor, pageOf, UUID } from '../shared/paging.js';
import {
  deleteEnrolments,
  enrolmentPage,
  insertEnrolment,
  insertProgramme,
  isActiveMentor,
  isEnrolled,
  programmeById,
  programmeByIdOrSlug,
  programmeCursor,
  programmePage,
  toEnrolments,
  toProgramme,
  toProgrammes,
  updateProgramme as updateProgrammeRow,
  type EnrolmentCursor,
  type ProgrammeRow,
} from './programmes.repository.js';
import { slugify } from './slug.js';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type Caller = Pick<Viewer, 'id'>;

/** The programme an id or slug names; 404 for an unknown one. */
export async function findProgramme({ db }: Pick<ServiceContext, 'db'>, idOrSlug: string) {
  const row = await programmeByIdOrSlug(db, idOrSlug);
  if (!row) throw notFound('Programme');
  return row;
}

/** The programme with this id, optionally locked; 404 for an unknown or malformed id. */
export async function programmeOrNotFound({ db }: Pick<ServiceContext, 'db'>, id: string, lock: 'update' | 'share' | false = false) {
  const row = await programmeById(db, id, lock);
  if (!row) throw notFound('Programme');
  return row;
}

const isConstraint = (err: unknown, name: string) => (err as { constraint?: string })?.constraint === name;

/** The unique index on slugs has the last word: two admins may pick one at the same moment. */
function slugTaken(err: unknown, slug: string): never {
  if (isConstraint(err, 'programmes_slug')) {
    throw new ApiError('slug_taken', `Another programme already has the address "${slug}"; choose another slug`, [
      { path: ['slug'], message: 'Already taken by another programme' },
    ]);
  }
  throw err;
}

/** `POST /admin/programmes`: the slug is made from the name unless one is given. */
export async function createProgramme({ db, now }: Ctx, admin: Caller, input: z.output<typeof programmeInput>): Promise<Programme> {
  const slug = input.slug ?? slugify(input.name);
  try {
    return await db.transaction().execute(async (trx) => {
      const at = now();
      const row = await insertProgramme(trx, {
        slug,
        name: input.name,
        description: input.description,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        enrolment_closes_on: input.enrolmentClosesOn,
        matching: input.matching,
        milestone_template: input.milestoneTemplate,
        max_mentees_per_mentor: input.maxMenteesPerMentor,
        created_by: admin.id,
        created_at: at,
        updated_at: at,
      });
      await record(trx, {
        now: at,
        audit: { actorId: admin.id, action: 'programme.created', entityType: 'programme', entityId: row.id, from: null, to: null, details: { slug, name: row.name } },
      });
      return toProgramme(trx, row, admin.id, isoDay(at));
    });
  } catch (err) {
    return slugTaken(err, slug);
  }
}

/**
 * `PATCH /admin/programmes/:id`. The row is locked so that the dates checked (the patch merged
 * with the stored ones) are the dates written, and enrolments waiting on the row see the new ones.
 * Renaming keeps the slug: links already shared keep working.
 */
export async function updateProgramme({ db, now }: Ctx, admin: Caller, id: string, patch: z.output<typeof programmePatch>): Promise<Programme> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await programmeOrNotFound({ db: trx }, id, 'update');
      const merged = {
        startsOn: patch.startsOn ?? row.starts_on,
        endsOn: patch.endsOn ?? row.ends_on,
        enrolmentClosesOn: patch.enrolmentClosesOn !== undefined ? patch.enrolmentClosesOn : row.enrolment_closes_on,
      };
      const issues = programmeDateIssues(merged);
      if (issues.length > 0) {
        throw new ApiError('validation_failed', `Invalid body: ${[...new Set(issues.map((i) => i.path.join('.')))].join(', ')}`, issues);
      }
      const at = now();
      const values: Updateable<ProgrammesTable> = { updated_at: at };
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.description !== undefined) values.description = patch.description;
      if (patch.slug !== undefined) values.slug = patch.slug;
      if (patch.startsOn !== undefined) values.starts_on = patch.startsOn;
      if (patch.endsOn !== undefined) values.ends_on = patch.endsOn;
      if (patch.enrolmentClosesOn !== undefined) values.enrolment_closes_on = patch.enrolmentClosesOn;
      if (patch.matching !== undefined) values.matching = patch.matching;
      if (patch.milestoneTemplate !== undefined) values.milestone_template = patch.milestoneTemplate;
      if (patch.maxMenteesPerMentor !== undefined) values.max_mentees_per_mentor = patch.maxMenteesPerMentor;
      const updated = await updateProgrammeRow(trx, row.id, values);
      await record(trx, {
        now: at,
        audit: { actorId: admin.id, action: 'programme.updated', entityType: 'programme', entityId: row.id, details: { changed: Object.keys(patch).sort() } },
      });
      return toProgramme(trx, updated, admin.id, isoDay(at));
    });
  } catch (err) {
    return slugTaken(err, patch.slug ?? '');
  }
}

/** `GET /admin/programmes`: every programme, ended ones too, soonest start first. */
export async function listAdminProgrammes({ db, now }: Ctx, admin: Caller, query: z.output<typeof adminProgrammeListQuery>): Promise<Page<Programme>> {
  const today = isoDay(now());
  const rows = await programmePage(db, { today, status: query.status, after: decodeTimeCursor(query.cursor), limit: query.limit });
  return pageOf(rows, query.limit, (rs) => toProgrammes(db, rs, admin.id, today), programmeCursor);
}

/** `GET /programmes`: those not ended, soonest start first; `enrolled`: only the caller's. */
export async function listProgrammes({ db, now }: Ctx, viewer: Caller, query: z.output<typeof programmeListQuery>): Promise<Page<Programme>> {
  const today = isoDay(now());
  const rows = await programmePage(db, {
    today, notEnded: true, enrolledUserId: query.enrolled ? viewer.id : undefined, after: decodeTimeCursor(query.cursor), limit: query.limit,
  });
  return pageOf(rows, query.limit, (rs) => toProgrammes(db, rs, viewer.id, today), programmeCursor);
}

/** `GET /programmes/:idOrSlug`: any signed-in person may read any programme, ended ones too. */
export async function getProgramme({ db, now }: Ctx, viewer: Caller, idOrSlug: string): Promise<Programme> {
  return toProgramme(db, await findProgramme({ db }, idOrSlug), viewer.id, isoDay(now()));
}

const encodeEnrolmentCursor = (c: EnrolmentCursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.userId, c.role])).toString('base64url');

function decodeEnrolmentCursor(raw: string | undefined): EnrolmentCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const [at, userId, role] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const date = typeof at === 'string' ? new Date(at) : undefined;
    if (date && !Number.isNaN(date.getTime()) && typeof userId === 'string' && UUID.test(userId) && enrolmentRoles.includes(role as EnrolmentRole)) {
      return { at: date, userId, role: role as EnrolmentRole };
    }
  } catch {
    // fall through
  }
  throw new ApiError('validation_failed', 'Invalid query: cursor', [{ path: ['cursor'], message: 'Not a cursor from this list' }]);
}

/**
 * `GET /admin/programmes/:id/enrolments`: in the order people enrolled. The role is part of the
 * position, since one person may enrol in both roles at the same instant.
 */
export async function listEnrolments({ db, now }: Ctx, id: string, query: z.output<typeof enrolmentListQuery>): Promise<Page<Enrolment>> {
  const programme = await programmeOrNotFound({ db }, id);
  const rows = await enrolmentPage(db, { programmeId: programme.id, role: query.role, after: decodeEnrolmentCursor(query.cursor), limit: query.limit });
  const kept = rows.slice(0, query.limit);
  const last = kept.at(-1);
  return {
    items: await toEnrolments(db, programme, kept, isoDay(now())),
    nextCursor: rows.length > query.limit && last ? encodeEnrolmentCursor({ at: last.enrolled_at, userId: last.user_id, role: last.role }) : null,
  };
}

const duplicate = (role: EnrolmentRole) => new ApiError('duplicate_enrolment', `You are already enrolled in this programme as a ${role}`);

/**
 * `POST /programmes/:id/enrolment`. The programme row is share-locked: enrolments go on side by
 * side, but one waits for an edit of the dates in progress and is judged by the new ones. The
 * primary key settles two enrolments of one person in one role at once.
 */
export async function enrol({ db, now }: Ctx, viewer: Caller, id: string, input: z.output<typeof enrolmentInput>): Promise<Enrolment> {
  try {
    return await db.transaction().execute(async (trx) => {
      const programme = await programmeOrNotFound({ db: trx }, id, 'share');
      if (input.role === 'mentor' && !(await isActiveMentor(trx, viewer.id))) {
        throw new ApiError('forbidden', 'Only approved mentors who are not suspended can enrol as mentors');
      }
      const at = now();
      const today = isoDay(at);
      if (!statusOf(programme, today).enrolmentOpen) throw enrolmentClosed(programme);
      if (await isEnrolled(trx, programme.id, viewer.id, input.role)) throw duplicate(input.role);
      const row = await insertEnrolment(trx, { programme_id: programme.id, user_id: viewer.id, role: input.role, goals: input.goals, enrolled_at: at });
      await record(trx, {
        now: at,
        audit: { actorId: viewer.id, action: 'programme.enrolled', entityType: 'programme', entityId: programme.id, details: { role: input.role } },
        notices: [{
          userId: viewer.id,
          kind: 'programme.enrolled',
          data: {
            programmeId: programme.id, programmeName: programme.name, programmeSlug: programme.slug, role: input.role,
            startsOn: programme.starts_on, endsOn: programme.ends_on,
          },
        }],
      });
      return (await toEnrolments(trx, programme, [row], today))[0]!;
    });
  } catch (err) {
    if (isConstraint(err, 'programme_enrolments_once_per_role')) throw duplicate(input.role);
    throw err;
  }
}

/**
 * `DELETE /programmes/:id/enrolment`: leaves the programme in one role, or in every role without
 * one. Requests and mentorships made in it go on; only the enrolment ends. Possible until the
 * programme ends, after which its enrolments are its record.
 */
export async function leaveProgramme({ db, now }: Ctx, viewer: Caller, id: string, role: EnrolmentRole | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const programme = await programmeOrNotFound({ db: trx }, id, 'share');
    const at = now();
    if (statusOf(programme, isoDay(at)).status === 'ended') {
      throw new ApiError('programme_ended', 'This programme has ended; its enrolments stay as its record');
    }
    const removed = await deleteEnrolments(trx, programme.id, viewer.id, role);
    if (removed.length === 0) throw notFound(role ? `Enrolment as ${role}` : 'Enrolment');
    await record(trx, {
      now: at,
      audit: { actorId: viewer.id, action: 'programme.left', entityType: 'programme', entityId: programme.id, details: { roles: removed.map((r) => r.role).sort() } },
    });
  });
}

const statusOf = (p: ProgrammeRow, today: string) =>
  programmeStatus({ startsOn: p.starts_on, endsOn: p.ends_on, enrolmentClosesOn: p.enrolment_closes_on }, today);

const enrolmentClosed = (p: ProgrammeRow) =>
  new ApiError('enrolment_closed', `Enrolment in this programme closed on ${p.enrolment_closes_on ?? p.ends_on}`);
