import { msg, str } from '@lit/localize';
import type { ProgressNote } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { dateLabel } from '../../internal/dates.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { writtenText } from '../shared/person.template.js';
import { relativeTime } from '../shared/relative-time.js';
import { sectionError, sectionSkeleton, type WorkspaceView } from './workspace-view.js';

/** The Notes tab: "Add a note" (a dialog), then the notes, newest first. */
export function notesTab(v: WorkspaceView): TemplateResult {
  const { w } = v;
  if (w.progressStatus === 'loading') return sectionSkeleton(msg('Loading progress notes…'));
  if (w.progressStatus === 'error') return sectionError(msg('Progress notes could not be loaded.'), w.progressError, () => void w.retryProgress());
  const notes = w.progress!.notes;
  return html`
    ${v.readOnly
      ? nothing
      : html`<div class="toolbar">
          <button part="button add-note-button" id="notes-add" class="button button--primary" type="button"
            @click=${(e: Event) => void v.actions.open({ kind: 'note-add' }, e.currentTarget)}>${msg('Add a note')}</button>
        </div>`}
    ${notes.length
      ? html`<ol class="timeline" aria-label=${msg('Progress notes, newest first')}>${repeat(notes, (n) => n.id, (n) => html`<li>${noteCard(v, n)}</li>`)}</ol>`
      : html`<p part="empty" class="notice">
          ${v.readOnly ? msg('No progress notes were written.') : msg('No progress notes yet. Write what you worked on, what you learned and how far along you feel.')}
        </p>`}
  `;
}

/** A note; `part` names it (the overview's copy of the latest note is not one of the list's notes). */
export function noteCard(v: WorkspaceView, n: ProgressNote, { part } = { part: 'card note' }): TemplateResult {
  const { w } = v;
  const author = n.authorId === w.viewerId ? msg('You') : n.authorId === w.other?.id ? w.other.name : msg('A former participant');
  return html`<article part=${part} class="card" data-note-id=${n.id}>
    <p class="meta">
      <strong>${author}</strong> · <time datetime=${n.createdAt} title=${dateLabel(n.createdAt, v.zone)}>${relativeTime(n.createdAt)}</time>
      ${n.progressPercent !== null ? html` · <span class="percent">${msg(str`${formatNumber(n.progressPercent / 100, { style: 'percent' })} along`)}</span>` : nothing}
    </p>
    <p class="prose">${writtenText(n.body)}</p>
  </article>`;
}
