import { msg, str } from '@lit/localize';
import type { Meeting, MeetingOverlap } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { firstName, safeHttpUrl } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { intlLocale } from '../../internal/localization.js';
import { meetingStatusBadge } from '../shared/status-badge.template.js';
import { durationLabel, twoZoneLabel } from './workspace-time.js';
import { labelWith, sectionError, sectionSkeleton, type WorkspaceView } from './workspace-view.js';

/** The Meetings tab: "Schedule a meeting" (a dialog), then upcoming and past meetings. */
export function meetingsTab(v: WorkspaceView): TemplateResult {
  const { w } = v;
  if (w.meetingsStatus === 'loading') return sectionSkeleton(msg('Loading meetings…'));
  if (w.meetingsStatus === 'error') return sectionError(msg('Meetings could not be loaded.'), w.meetingsError, () => void w.retryMeetings());
  const upcoming = w.upcomingMeetings();
  const past = w.pastMeetings();
  const overlaps = v.actions.overlaps;
  return html`
    ${v.readOnly
      ? nothing
      : html`<div class="toolbar">
          <button part="button schedule-open-button" id="schedule-open" class="button button--primary" type="button"
            @click=${(e: Event) => void v.actions.open({ kind: 'schedule' }, e.currentTarget)}>${msg('Schedule a meeting')}</button>
        </div>`}
    ${overlaps ? overlapWarning(v, overlaps.meeting, overlaps.overlaps) : nothing}
    <div class="section">
      ${heading(v.level(1), msg('Upcoming'), { id: 'upcoming-title', class: 'group-title' })}
      ${upcoming.length
        ? html`<ul class="list" aria-labelledby="upcoming-title">${repeat(upcoming, (m) => m.id, (m) => html`<li>${meetingCard(v, m)}</li>`)}</ul>`
        : html`<p part="empty" class="notice">
            ${v.readOnly ? msg('No meetings are planned.') : msg(str`No meetings planned. Schedule one with ${firstName(w.other!.name)} to get started.`)}
          </p>`}
    </div>
    ${past.length
      ? html`<div class="section">
          ${heading(v.level(1), msg('Past and cancelled'), { id: 'past-title', class: 'group-title' })}
          <ul class="list" aria-labelledby="past-title">${repeat(past, (m) => m.id, (m) => html`<li>${meetingCard(v, m)}</li>`)}</ul>
        </div>`
      : nothing}
  `;
}

function overlapWarning(v: WorkspaceView, meeting: Meeting, overlaps: MeetingOverlap[]): TemplateResult {
  const { w } = v;
  const who = (o: MeetingOverlap) => {
    const names = o.participantIds.map((id) => (id === w.viewerId ? msg('You') : id === w.other?.id ? w.other.name : msg('Someone')));
    return new Intl.ListFormat(intlLocale() ?? 'en', { type: 'conjunction' }).format(names);
  };
  return html`<div part="warning" class="warning" role="status">
    <p><strong>${overlaps.length === 1 ? msg(str`Heads-up: “${meeting.title}” overlaps another meeting.`) : msg(str`Heads-up: “${meeting.title}” overlaps ${overlaps.length} other meetings.`)}</strong> ${msg('It is scheduled anyway; move it if that does not work.')}</p>
    <ul>
      ${overlaps.map(
        (o) => html`<li>${msg(str`${who(o)}: ${o.title ? `“${o.title}”` : msg('another meeting')} at ${twoZoneLabel(new Date(o.startsAt), v.zone, null).text}.`)}</li>`,
      )}
    </ul>
  </div>`;
}

/** When a meeting is, for the viewer and (when it differs) for the other person. */
export function meetingWhen(v: WorkspaceView, m: Meeting): TemplateResult {
  const when = twoZoneLabel(new Date(m.startsAt), v.zone, v.w.other?.timeZone);
  return html`<p class="when" data-when><time datetime=${m.startsAt}>${when.mine}</time>${when.theirs ? html`<span class="their-time"> · ${when.theirs}</span>` : nothing}</p>`;
}

/** The join link and Add to calendar of a scheduled meeting. */
export function meetingLinks(v: WorkspaceView, m: Meeting): TemplateResult {
  const video = safeHttpUrl(m.videoUrl);
  return html`${video ? html`<a class="button button--small" part="video-link" href=${video} target="_blank" rel="noopener noreferrer">${labelWith(msg('Join the video call'), `: ${m.title}`)}</a>` : nothing}
    <button part="button calendar-button" class="button button--small" type="button" @click=${() => void v.actions.downloadIcs(m)}>
      ${labelWith(msg('Add to calendar'), `: ${m.title}`)}
    </button>`;
}

function meetingCard(v: WorkspaceView, m: Meeting): TemplateResult {
  const { w, actions } = v;
  const busy = w.busy.has(m.id);
  const failure = w.failures.get(m.id);
  const started = Date.parse(m.startsAt) <= Date.now();
  const canChange = !v.readOnly && m.status === 'scheduled';
  const headingId = `meeting-${m.id}-title`;
  return html`
    <article part="card meeting" class="card" aria-labelledby=${headingId} data-meeting-id=${m.id} aria-busy=${busy ? 'true' : 'false'}>
      <div class="item-head">
        ${heading(v.level(2), m.title, { id: headingId, class: 'item-title' })} ${meetingStatusBadge(m.status)}
      </div>
      ${meetingWhen(v, m)}
      <p class="meta">${durationLabel(m.durationMinutes)}${m.location ? html` · ${m.location}` : nothing}</p>
      ${m.agenda ? html`<div class="label-row"><p class="label">${msg('Agenda')}</p><p class="prose">${m.agenda}</p></div>` : nothing}
      ${m.notes ? html`<div class="label-row"><p class="label">${msg('Notes')}</p><p class="prose">${m.notes}</p></div>` : nothing}
      ${m.cancelReason ? html`<p class="meta">${msg('Cancelled:')} <span class="prose">${m.cancelReason}</span></p>` : nothing}
      ${failure ? html`<p part="action-error error" class="inline-error">${failure}</p>` : nothing}
      ${m.status === 'scheduled'
        ? html`<div class="actions">
            ${meetingLinks(v, m)}
            ${canChange
              ? html`
                  ${started
                    ? html`<button part="button" class="button button--small" type="button" ?disabled=${busy}
                        @click=${(e: Event) => void actions.open({ kind: 'meeting-complete', meeting: m }, e.currentTarget)}>${labelWith(msg('Mark as held'), `: ${m.title}`, true)}</button>`
                    : html`<button part="button" class="button button--small" type="button" ?disabled=${busy}
                        @click=${(e: Event) => void actions.open({ kind: 'meeting-reschedule', meeting: m }, e.currentTarget)}>${labelWith(msg('Reschedule'), `: ${m.title}`, true)}</button>`}
                  <button part="button" class="button button--small" type="button" ?disabled=${busy}
                    @click=${(e: Event) => void actions.open({ kind: 'meeting-cancel', meeting: m }, e.currentTarget)}>${labelWith(msg('Cancel meeting'), `: ${m.title}`, true)}</button>
                `
              : nothing}
          </div>`
        : nothing}
    </article>
  `;
}
