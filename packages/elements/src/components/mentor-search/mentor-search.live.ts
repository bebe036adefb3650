import type { MentorCard, MentorProfile, RealtimeEventType, TypedRealtimeEvent } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';

/** Events that can change what a card says about the viewer and the mentor (request state, free slots). */
export const searchLiveTypes: readonly RealtimeEventType[] = ['request.created', 'request.updated', 'mentorship.updated'];

/** The loaded mentor an event is about, if any: only their card needs loading again. */
export function searchLiveMentor(event: TypedRealtimeEvent, loaded: readonly MentorCard[]): string | undefined {
  if (event.type !== 'request.created' && event.type !== 'request.updated' && event.type !== 'mentorship.updated') return undefined;
  const mentorId = event.data.mentor.id;
  return loaded.some((m) => m.id === mentorId) ? mentorId : undefined;
}

/** What a card takes from a fresh profile: the viewer's request state and the mentor's capacity (not the match, which depends on the search). */
export type LiveCardPatch = Pick<MentorCard, 'viewerRequestState' | 'viewerRequestExpiresAt' | 'availability' | 'freeSlots' | 'capacity' | 'menteeCount'>;

const patchOf = (p: MentorProfile): LiveCardPatch => ({
  viewerRequestState: p.viewerRequestState,
  viewerRequestExpiresAt: p.viewerRequestExpiresAt,
  availability: p.availability,
  freeSlots: p.freeSlots,
  capacity: p.capacity,
  menteeCount: p.menteeCount,
});

/**
 * Loads the named mentors' profiles (the server says the viewer's request state, so a mentor who
 * is also a mentee, or a second tab, is never guessed at) and hands each patch on.
 */
export async function refreshCards(client: MentorkitClient, mentorIds: ReadonlySet<string>, patch: (mentorId: string, patch: LiveCardPatch) => void): Promise<void> {
  await Promise.all(
    [...mentorIds].map(async (id) => {
      try {
        patch(id, patchOf(await client.mentors.get(id)));
      } catch {
        // Suspended or gone meanwhile: the card stays as it was until the next search.
      }
    }),
  );
}
