import type { Mentorship, mentorshipListQuery, Page } from '@mentorkit/contract';
import type { z } from 'zod';
import type { ServiceContext, Viewer } from '../../http/env.js';
import { partyMentorship } from '../lifecycle/workspace.js';
import { decodeTimeCursor, pageOf } from '../shared/paging.js';
import { mentorshipRowsOf, toMentorship, toMentorships } from './mentorships.repository.js';

/** The viewer's mentorships, newest first, as mentor, mentee or either. */
export async function listMentorships({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>, query: z.output<typeof mentorshipListQuery>): Promise<Page<Mentorship>> {
  const rows = await mentorshipRowsOf(db, viewer.id, query, decodeTimeCursor(query.cursor));
  return pageOf(rows, query.limit, (r) => toMentorships(db, r), (r) => ({ at: r.started_at, id: r.id }));
}

/** One of the viewer's mentorships; 404 for anyone else's and for a malformed id. */
export async function getMentorship({ db }: Pick<ServiceContext, 'db'>, viewer: Pick<Viewer, 'id'>, mentorshipId: string): Promise<Mentorship> {
  return toMentorship(db, await partyMentorship(db, mentorshipId, viewer.id));
}
