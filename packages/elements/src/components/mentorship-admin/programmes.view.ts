import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { wrapTabFocus } from '../../internal/focus-trap.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { emptyNotice, errorNotice, loadMore } from './admin-states.template.js';
import { programmeDetail } from './programme-detail.template.js';
import { programmeForm } from './programme-form.js';
import { programmeTable, programmeTableSkeleton } from './programme-list.template.js';
import type { ProgrammesPanel } from './programmes.controller.js';

function list(panel: ProgrammesPanel): TemplateResult {
  const { list } = panel;
  const create = (e: Event) => void panel.openForm(undefined, e.currentTarget as HTMLElement);
  let summary = '';
  if (list.status === 'loading') summary = msg('Loading programmes…');
  else if (list.status === 'ready' && list.items.length) {
    const count = list.items.length;
    if (list.hasMore) summary = count === 1 ? msg('First 1 programme') : msg(str`First ${n(count)} programmes`);
    else summary = count === 1 ? msg('1 programme') : msg(str`${n(count)} programmes`);
  }
  let body: TemplateResult;
  switch (list.status) {
    case 'idle':
    case 'loading':
      body = programmeTableSkeleton;
      break;
    case 'error':
      body = errorNotice(msg('Programmes could not be loaded.'), list.error, () => void list.retry());
      break;
    case 'ready':
      body = list.items.length
        ? html`${programmeTable(list.items, { open: (p) => panel.open(p), edit: (p, trigger) => void panel.openForm(p, trigger) })}
            ${loadMore(
              { error: list.loadMoreError, hasMore: list.hasMore, loading: list.loadingMore, label: msg('Load more programmes'), loadingLabel: msg('Loading more programmes…') },
              () => void list.loadMore(),
            )}`
        : emptyNotice(
            msg('No programmes yet.'),
            msg('A programme is a cohort with dates and enrolment: mentees choose their mentors in it, or you match them and confirm introductions.'),
            { label: msg('Create the first programme'), run: () => void panel.openForm(undefined) },
          );
      break;
  }
  return html`
    <div part="toolbar" class="toolbar">
      <button part="button new-programme-button" id="new-programme" class="button button--primary" type="button" aria-haspopup="dialog" @click=${create}>
        ${msg('New programme')}
      </button>
      <p part="summary" class="summary" role="status">${summary}</p>
    </div>
    ${body}
  `;
}

/** The Programmes tab's panel: the list, or one programme in detail. */
export function programmesPanelView(panel: ProgrammesPanel, level: number): TemplateResult {
  return panel.selected ? programmeDetail(panel.selected, panel, level) : list(panel);
}

/** The form's modal dialog: rendered beside the admin's own dialog, opened with `showModal()`. */
export function programmeDialogView(panel: ProgrammesPanel, level: number): TemplateResult {
  const onClick = (e: MouseEvent) => {
    // The dialog has no padding, so a click on the element itself is a click on the backdrop.
    if (e.target === e.currentTarget) panel.closeForm();
  };
  return html`<dialog part="dialog programme-dialog" id="programme-dialog" class="dialog programme-dialog" aria-labelledby="programme-form-title"
    @close=${() => panel.formClosed()} @click=${onClick} @keydown=${(e: KeyboardEvent) => wrapTabFocus(e, e.currentTarget as HTMLElement)}>
    ${panel.form
      ? programmeForm(panel.form, {
          edit: (patch) => panel.editDraft(patch),
          editSlug: () => panel.editSlug(),
          submit: (e) => {
            e.preventDefault();
            void panel.submitForm();
          },
          cancel: () => panel.closeForm(),
        }, level)
      : nothing}
  </dialog>`;
}
