import type { AdminMentor } from '@mentorkit/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { replyDuration, roleLine } from '../../internal/format.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { capitalize, mentorStatusLabel, ratingLabel } from './admin-format.js';
import type { MentorAction } from './mentors.controller.js';

export interface MentorRowActions {
  suspend: (mentor: AdminMentor, trigger: HTMLElement) => void;
  reactivate: (mentor: AdminMentor) => void;
  pendingAction: (mentorId: string) => MentorAction | undefined;
}

const columns = () => [msg('Name'), msg('Status'), msg('Mentees'), msg('Pending requests'), msg('Median reply time'), msg('Rating')] as const;

/**
 * One button whose label follows the status, so after Suspend or Reactivate Lit keeps the same
 * element and keyboard focus stays where the admin left it.
 */
function actionButton(mentor: AdminMentor, actions: MentorRowActions, nameId: string): TemplateResult {
  const suspended = mentor.status === 'suspended';
  const pending = actions.pendingAction(mentor.person.id);
  const busy = pending !== undefined;
  const label =
    pending === 'suspend' ? msg('Suspending…') : pending === 'reactivate' ? msg('Reactivating…') : suspended ? msg('Reactivate') : msg('Suspend…');
  return html`<button class="button" part=${`button ${suspended ? 'reactivate-button' : 'suspend-button'}`} type="button"
    aria-describedby=${nameId} aria-disabled=${busy ? 'true' : 'false'} aria-haspopup=${suspended ? 'false' : 'dialog'}
    @click=${(e: Event) => {
      if (busy) return;
      if (suspended) actions.reactivate(mentor);
      else actions.suspend(mentor, e.currentTarget as HTMLElement);
    }}>${label}</button>`;
}

function row(mentor: AdminMentor, actions: MentorRowActions): TemplateResult {
  const person = mentor.person;
  const nameId = `mentor-${person.id}-name`;
  const role = roleLine(person);
  const reply = replyDuration(mentor.medianResponseHours);
  const c = columns();
  return html`<tr part="row" data-mentor-id=${person.id}>
    <th scope="row" data-label=${c[0]}>
      <span class="name" id=${nameId}>${person.name}</span>
      ${role ? html`<span class="meta">${role}</span>` : nothing}
    </th>
    <td data-label=${c[1]}>
      <span part="badge" class="badge badge--${mentor.status === 'active' ? 'good' : 'bad'}" data-status=${mentor.status}>${mentorStatusLabel(mentor.status)}</span>
      ${mentor.status === 'active' && !mentor.acceptingMentees ? html`<span class="meta">${msg('Not taking new mentees')}</span>` : nothing}
      ${mentor.status === 'suspended' && mentor.suspendedReason ? html`<span class="meta reason">${msg(str`Reason: ${mentor.suspendedReason}`)}</span>` : nothing}
    </td>
    <td data-label=${c[2]}>${msg(str`${n(mentor.openMentorships)} of ${n(mentor.capacity)}`)}</td>
    <td data-label=${c[3]}>${n(mentor.pendingRequests)}</td>
    <td data-label=${c[4]}>${reply ? capitalize(reply) : msg('No replies yet')}</td>
    <td data-label=${c[5]}>${ratingLabel(mentor.averageRating)}</td>
    <td class="row-actions">${actionButton(mentor, actions, nameId)}</td>
  </tr>`;
}

/**
 * A list of the admin's as a real table (column headers for screen readers, a last column of
 * actions); below ~560px of the element's width the styles turn each row into a card whose cells
 * carry their column name. The mentors' roster and the programmes both use it.
 */
export function rosterTable<T>(table: {
  part: string;
  caption: string;
  columns: readonly string[];
  items: readonly T[];
  key: (item: T) => string;
  row: (item: T) => TemplateResult;
}): TemplateResult {
  return html`<table part=${table.part} class="table">
    <caption class="visually-hidden">${table.caption}</caption>
    <thead>
      <tr>
        ${table.columns.map((c) => html`<th scope="col">${c}</th>`)}
        <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
      </tr>
    </thead>
    <tbody>
      ${repeat(table.items, table.key, table.row)}
    </tbody>
  </table>`;
}

/** The mentors' roster (`rosterTable`). */
export function mentorTable(mentors: readonly AdminMentor[], actions: MentorRowActions): TemplateResult {
  return rosterTable({
    part: 'mentors-table', caption: msg('Mentors'), columns: columns(), items: mentors, key: (m) => m.person.id, row: (m) => row(m, actions),
  });
}

/** Rows of placeholders in the table's shape. */
export const mentorTableSkeleton = html`<div part="skeleton" class="table-skeleton" aria-hidden="true">
  ${[0, 1, 2, 3].map(
    () => html`<div class="skeleton-row">
      <span class="skeleton line line--medium"></span><span class="skeleton pill"></span><span class="skeleton line line--short"></span>
      <span class="skeleton button-placeholder"></span>
    </div>`,
  )}
</div>`;
