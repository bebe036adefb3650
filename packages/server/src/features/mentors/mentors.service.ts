import type { MentorProfile, MentorSearchQuery } from '@mentorkit/contract';
import { notFound } from '../../http/errors.js';
import type { AppDeps, Viewer } from '../../http/env.js';
import { findProgramme } from '../programmes/programmes.service.js';
import { getMentorProfile } from './mentors.repository.js';
import { matchesEtag, type SearchAnswer } from './search-answers.js';

/** A search's answer as sent: its ETag, and the body unless the client's copy is current. */
export interface SearchReply {
  etag: string;
  /** Absent when `If-None-Match` named the current ETag (a 304). */
  answer?: SearchAnswer;
}

/**
 * Mentor search for the viewer; with `programme`, among the mentors enrolled in it (404 for an
 * unknown one). Answers are kept per viewer while nothing they show changes
 * (`search-answers.ts`): the version is found first, so a client holding the current answer is
 * told so without anything being computed.
 */
export async function searchMentors(deps: AppDeps, viewer: Viewer, asked: MentorSearchQuery, ifNoneMatch: string | undefined): Promise<SearchReply> {
  const now = deps.now();
  const search = deps.mentorSearch;
  if (!search) throw new Error('createApp gives every app a mentor search');
  // A programme named by slug or id is searched, and its answers kept, by its id: a slug can change hands.
  const query = asked.programme ? { ...asked, programme: (await findProgramme(deps, asked.programme)).id } : asked;
  const version = await search.answers.version(deps.db, viewer.id, query, now, viewer.searchGeneration);
  if (matchesEtag(ifNoneMatch, version.etag)) return { etag: version.etag };
  // The viewer's match inputs came with the generation the answer is keyed by (same statement), so they belong to it.
  const inputs = viewer.searchGeneration === version.generation ? viewer.matchInputs : undefined;
  const answer = await search.answers.answer(version, () => search.search(viewer.id, query, now, version.generation, inputs));
  return { etag: version.etag, answer };
}

/** A mentor's full profile as the viewer sees it; 404 for an unknown, unlisted or suspended one. */
export async function mentorProfile({ db, now }: Pick<AppDeps, 'db' | 'now'>, viewer: Pick<Viewer, 'id'>, mentorId: string): Promise<MentorProfile> {
  const profile = await getMentorProfile(db, viewer.id, mentorId, now());
  if (!profile) throw notFound('Mentor');
  return profile;
}
