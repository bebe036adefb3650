import type { Meeting } from '@mentorkit/contract';
import type { MentorkitClient } from '@mentorkit/sdk';

/**
 * "Add to calendar": the meeting's `.ics` needs the bearer token, so it is fetched and handed to
 * the browser as a download (a link in `root`, clicked and removed). Rejects when the fetch fails.
 */
export async function downloadMeetingIcs(client: MentorkitClient, meeting: Meeting, root: HTMLElement | DocumentFragment): Promise<void> {
  const text = await client.meetings.ics(meeting.id);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${meeting.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'meeting'}.ics`;
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
