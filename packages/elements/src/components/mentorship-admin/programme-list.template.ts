import { msg } from '@lit/localize';
import type { Programme } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { mentorCount } from '../../internal/format.js';
import { rosterTable } from './mentor-table.template.js';
import { dateRange, enrolmentLine, matchingLabel, menteesCount, programmeStatusBadge } from './programme-format.js';

export interface ProgrammeRowActions {
  open: (p: Programme) => void;
  edit: (p: Programme, trigger: HTMLElement) => void;
}

const columns = () => [msg('Programme'), msg('Dates'), msg('Status'), msg('Enrolled')] as const;

function row(p: Programme, actions: ProgrammeRowActions): TemplateResult {
  const c = columns();
  const nameId = `programme-${p.id}-name`;
  const ended = p.status === 'ended';
  return html`<tr part="row programme-row" data-programme-id=${p.id}>
    <th scope="row" data-label=${c[0]}>
      <button part="button open-programme-button" class="button button--link programme-open" type="button" id=${nameId} @click=${() => actions.open(p)}>${p.name}</button>
      <span class="meta">${p.slug}</span>
    </th>
    <td data-label=${c[1]}>
      <span class="dates">${dateRange(p)}</span>
      ${ended ? nothing : html`<span class="meta">${enrolmentLine(p)}</span>`}
    </td>
    <td data-label=${c[2]}>
      <span>${programmeStatusBadge(p.status)}</span>
      <span class="meta">${matchingLabel(p.matching)}</span>
    </td>
    <td data-label=${c[3]}>
      <span class="nowrap">${mentorCount(p.enrolled.mentors)}</span>
      <span class="nowrap">${menteesCount(p.enrolled.mentees)}</span>
    </td>
    <td class="row-actions">
      <button part="button edit-programme-button" class="button" type="button" aria-haspopup="dialog" aria-describedby=${nameId}
        @click=${(e: Event) => actions.edit(p, e.currentTarget as HTMLElement)}>${msg('Edit…')}</button>
    </td>
  </tr>`;
}

/** The programmes as a real table; below ~560px of the element's width each row becomes a card (the roster's styles). */
export function programmeTable(programmes: readonly Programme[], actions: ProgrammeRowActions): TemplateResult {
  return html`<div class="table-wrap">
    ${rosterTable({ part: 'programmes-table', caption: msg('Programmes'), columns: columns(), items: programmes, key: (p) => p.id, row: (p) => row(p, actions) })}
  </div>`;
}

/** Rows of placeholders in the table's shape. */
export const programmeTableSkeleton = html`<div part="skeleton" class="table-skeleton" aria-hidden="true">
  ${[0, 1, 2].map(
    () => html`<div class="skeleton-row">
      <span class="skeleton line line--medium"></span><span class="skeleton line line--long"></span><span class="skeleton pill"></span>
      <span class="skeleton button-placeholder"></span>
    </div>`,
  )}
</div>`;
