import { msg, str } from '@lit/localize';
import type { Enrolment, PersonSummary, Programme } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { describeError } from '../../internal/error-message.js';
import { roleLine } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { errorNotice, loadMore } from './admin-states.template.js';
import { templateOptions } from '../mentorship-workspace/workspace-labels.js';
import { confirmLabel, dateRange, enrolledLine, enrolmentLine, freeSlotsLabel, matchingLabel, programmeStatusBadge } from './programme-format.js';
import { programmeReportSection } from './programme-report.template.js';
import type { PairRow, ProgrammesPanel } from './programmes.controller.js';

/** Name and one line of who they are (role, else headline). */
function who(person: PersonSummary, id?: string): TemplateResult {
  const line = roleLine(person) || person.headline;
  return html`<span class="who">
    <span class="who-name" id=${id ?? nothing}>${person.name}</span>
    ${line ? html`<span class="meta">${line}</span>` : nothing}
  </span>`;
}

function summary(p: Programme, panel: ProgrammesPanel, level: number): TemplateResult {
  const template = p.milestoneTemplate ? templateOptions[p.milestoneTemplate].label : msg('None');
  return html`
    <div part="programme-summary" class="card programme-summary">
      <div class="summary-head">
        ${heading(level, p.name, { id: 'programme-title', class: 'programme-name', tabindex: '-1' })}
        ${programmeStatusBadge(p.status)}
      </div>
      <p class="meta">${dateRange(p)}${p.status === 'ended' ? nothing : html` · ${enrolmentLine(p)}`}</p>
      ${p.description ? html`<p class="prose">${p.description}</p>` : nothing}
      <dl class="facts">
        <div><dt>${msg('Matching')}</dt><dd>${matchingLabel(p.matching)}</dd></div>
        <div><dt>${msg('Milestone template')}</dt><dd>${template}</dd></div>
        <div><dt>${msg('Mentees per mentor')}</dt><dd>${p.maxMenteesPerMentor === null ? msg('Each mentor’s free slots') : n(p.maxMenteesPerMentor)}</dd></div>
        <div><dt>${msg('Address')}</dt><dd><code>${p.slug}</code></dd></div>
        <div><dt>${msg('Enrolled')}</dt><dd>${enrolledLine(p.enrolled)}</dd></div>
      </dl>
      <div class="actions">
        <button part="button edit-programme-button" class="button" type="button" aria-haspopup="dialog"
          @click=${(e: Event) => void panel.openForm(p, e.currentTarget as HTMLElement)}>${msg('Edit programme…')}</button>
      </div>
    </div>
  `;
}

const listSkeleton = html`<ul class="people people--skeleton" aria-hidden="true">
  ${[0, 1, 2].map(() => html`<li part="skeleton" class="person-row"><span class="skeleton line line--medium"></span><span class="skeleton pill"></span></li>`)}
</ul>`;

function enrolmentList(
  list: ProgrammesPanel['mentors'],
  options: { role: 'mentor' | 'mentee'; title: string; empty: string; level: number },
): TemplateResult {
  const titleId = `enrolled-${options.role}s-title`;
  let body: TemplateResult;
  if (list.status === 'error') {
    body = errorNotice(options.role === 'mentor' ? msg('The enrolled mentors could not be loaded.') : msg('The enrolled mentees could not be loaded.'), list.error, () => void list.retry());
  } else if (list.status !== 'ready') {
    body = html`<p class="visually-hidden" role="status">${msg('Loading…')}</p>${listSkeleton}`;
  } else if (!list.items.length) {
    body = html`<p class="empty-line">${options.empty}</p>`;
  } else {
    body = html`<ul class="people" aria-labelledby=${titleId}>
      ${repeat(
        list.items,
        (e) => e.person.id,
        (e) => html`<li class="person-row" data-person-id=${e.person.id}>
          ${who(e.person)}
          ${options.role === 'mentor'
            ? html`<span class="slots">${freeSlotsLabel(e.freeSlots ?? 0)}</span>`
            : html`<span part="badge" class="badge badge--${e.matched ? 'good' : 'waiting'}">${e.matched ? msg('Matched') : msg('Not matched')}</span>`}
        </li>`,
      )}
    </ul>
    ${loadMore(
      {
        error: list.loadMoreError,
        hasMore: list.hasMore,
        loading: list.loadingMore,
        label: options.role === 'mentor' ? msg('Load more mentors') : msg('Load more mentees'),
        loadingLabel: options.role === 'mentor' ? msg('Loading more mentors…') : msg('Loading more mentees…'),
      },
      () => void list.loadMore(),
    )}`;
  }
  return html`<section class="enrolment-list" aria-labelledby=${titleId}>
    ${heading(options.level, options.title, { id: titleId, class: 'block-title' })}
    ${body}
  </section>`;
}

function enrolments(p: Programme, panel: ProgrammesPanel, level: number): TemplateResult {
  return html`<section part="enrolments" class="section" aria-labelledby="enrolments-title">
    ${heading(level, msg('Enrolments'), { id: 'enrolments-title', class: 'section-title' })}
    <div class="enrolment-lists">
      ${enrolmentList(panel.mentors, {
        role: 'mentor',
        title: msg(str`Mentors (${n(p.enrolled.mentors)})`),
        empty: msg('No mentors have enrolled yet.'),
        level: level + 1,
      })}
      ${enrolmentList(panel.mentees, {
        role: 'mentee',
        title: msg(str`Mentees (${n(p.enrolled.mentees)})`),
        empty: msg('No mentees have enrolled yet.'),
        level: level + 1,
      })}
    </div>
  </section>`;
}

/** The mentor of a pair as a menu: the suggested one, and every enrolled mentor who still has room. */
function mentorSelect(row: PairRow, panel: ProgrammesPanel, mentors: readonly Enrolment[], busy: boolean): TemplateResult {
  const id = `pair-mentor-${row.mentee.id}`;
  const choices = mentors.filter((m) => m.person.id === row.mentor.id || panel.slotsLeft(m.person.id) > 0);
  return html`<label class="visually-hidden" for=${id}>${msg(str`Mentor for ${row.mentee.name}`)}</label>
    <select id=${id} class="pair-mentor" ?disabled=${busy} @change=${(e: Event) => panel.swapMentor(row.mentee.id, (e.target as HTMLSelectElement).value)}>
      ${choices.map(
        (m) => html`<option value=${m.person.id} ?selected=${m.person.id === row.mentor.id}>
          ${m.person.id === row.mentor.id ? m.person.name : `${m.person.name} (${freeSlotsLabel(panel.slotsLeft(m.person.id))})`}
        </option>`,
      )}
      ${choices.some((m) => m.person.id === row.mentor.id) ? nothing : html`<option value=${row.mentor.id} selected>${row.mentor.name}</option>`}
    </select>`;
}

function pairsTable(rows: readonly PairRow[], panel: ProgrammesPanel, mentors: readonly Enrolment[], busy: boolean): TemplateResult {
  const c = [msg('Mentee'), msg('Mentor'), msg('Match')] as const;
  return html`<div class="table-wrap">
    <table part="pairs-table" class="table pairs">
      <caption class="visually-hidden">${msg('Suggested pairs')}</caption>
      <thead>
        <tr>${c.map((h) => html`<th scope="col">${h}</th>`)}<th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th></tr>
      </thead>
      <tbody>
        ${repeat(
          rows,
          (r) => r.mentee.id,
          (r) => {
            const nameId = `pair-${r.mentee.id}-mentee`;
            return html`<tr part="row pair-row" data-mentee-id=${r.mentee.id} data-mentor-id=${r.mentor.id}>
              <th scope="row" data-label=${c[0]}>${who(r.mentee, nameId)}</th>
              <td data-label=${c[1]}>${mentorSelect(r, panel, mentors, busy)}</td>
              <td data-label=${c[2]}>
                <span class="score">${r.score === null ? msg('Your choice') : msg(str`${r.score}% match`)}</span>
                ${r.reasons.length
                  ? html`<ul class="reasons" aria-label=${msg('Why')}>${r.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
                  : html`<span class="meta">${r.score === null ? msg('Not scored: a mentor you chose') : msg('No particular reason')}</span>`}
              </td>
              <td class="row-actions">
                <button part="button remove-pair-button" class="button remove-pair" type="button" aria-describedby=${nameId} ?disabled=${busy}
                  @click=${() => panel.removePair(r.mentee.id)}>${msg('Remove')}</button>
              </td>
            </tr>`;
          },
        )}
      </tbody>
    </table>
  </div>`;
}

function matching(p: Programme, panel: ProgrammesPanel, level: number): TemplateResult {
  const m = panel.matching;
  let body: TemplateResult;
  if (p.status === 'ended') {
    body = html`<p class="hint">${msg('The programme has ended, so no more introductions can be made in it.')}</p>`;
  } else if (m.status === 'idle' || m.status === 'loading') {
    const loading = m.status === 'loading';
    body = html`
      <p>${msg('Suggestions pair each enrolled mentee who has no mentor in the programme yet with an enrolled mentor who has room, for the best total match. You can remove or change pairs; nothing is sent until you confirm.')}</p>
      <div class="actions actions--start">
        <button part="button suggest-button" id="suggest-matches" class="button button--primary" type="button" aria-disabled=${loading ? 'true' : 'false'}
          @click=${() => void panel.suggest()}>${loading ? msg('Suggesting matches…') : msg('Suggest matches')}</button>
      </div>
      <p class="visually-hidden" role="status">${loading ? msg('Suggesting matches…') : ''}</p>
    `;
  } else if (m.status === 'error') {
    body = errorNotice(msg('Matches could not be suggested.'), m.error, () => void panel.suggest());
  } else if (m.status === 'done') {
    const { result, names } = m;
    const made = result.items.length;
    const name = (id: string) => names.get(id) ?? id;
    body = html`<div id="matching-outcome" part="matching-outcome" class="notice ${made ? 'notice--success' : 'notice--error'}" tabindex="-1">
      <p><strong>${made === 1 ? msg('1 introduction sent.') : msg(str`${n(made)} introductions sent.`)}</strong>
        ${made ? msg('Each mentee has been told, and each mentor has a request to answer as usual.') : nothing}</p>
      ${result.refused.length
        ? html`<p>${result.refused.length === 1 ? msg('This pair was refused:') : msg('These pairs were refused:')}</p>
            <ul class="refused">
              ${result.refused.map((r) => html`<li><strong>${msg(str`${name(r.menteeId)} with ${name(r.mentorId)}`)}</strong>: ${r.message}</li>`)}
            </ul>`
        : nothing}
      <button part="button" class="button" type="button" @click=${() => panel.resetMatching()}>${msg('Suggest more matches')}</button>
    </div>`;
  } else {
    const busy = m.status === 'confirming';
    body = html`<div id="matching-results" class="matching-results" tabindex="-1" aria-labelledby="matching-title">
      ${m.rows.length ? pairsTable(m.rows, panel, m.mentors, busy) : html`<p class="empty-line">${msg('No pairs to confirm: every enrolled mentee has a mentor, or no mentor has room.')}</p>`}
      ${m.unmatched.length
        ? html`<div class="unmatched">
            ${heading(level + 1, msg(str`Without a mentor (${n(m.unmatched.length)})`), { class: 'block-title', id: 'unmatched-title' })}
            <ul class="people" aria-labelledby="unmatched-title">
              ${m.unmatched.map(
                (u) => html`<li class="person-row">${who(u.person)}<span class="meta">${u.removed ? msg('Removed by you') : msg('No mentor with room left')}</span></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${m.error ? html`<div part="error" class="notice notice--error" role="alert"><p>${msg('The introductions were not sent.')} ${describeError(m.error)}</p></div>` : nothing}
      <div class="actions actions--start">
        ${m.rows.length
          ? html`<button part="button confirm-matches-button" class="button button--primary" type="button" aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => void panel.confirm()}>${busy ? msg('Sending introductions…') : confirmLabel(m.rows.length)}</button>`
          : nothing}
        <button part="button" class="button" type="button" ?disabled=${busy} @click=${() => panel.resetMatching()}>${msg('Discard suggestions')}</button>
      </div>
    </div>`;
  }
  return html`<section part="matching" class="section" aria-labelledby="matching-title">
    ${heading(level, msg('Matching'), { id: 'matching-title', class: 'section-title' })}
    ${body}
  </section>`;
}

/** One programme: what it is, who enrolled, matching (admin-matched programmes) and the report. */
export function programmeDetail(p: Programme, panel: ProgrammesPanel, level: number): TemplateResult {
  return html`<div part="programme-detail" class="programme-detail">
    <div>
      <button part="button back-button" class="button button--link back" type="button" @click=${() => panel.back()}>
        <span aria-hidden="true">←</span> ${msg('All programmes')}
      </button>
    </div>
    ${summary(p, panel, level)}
    ${enrolments(p, panel, level + 1)}
    ${p.matching === 'admin_matched' ? matching(p, panel, level + 1) : nothing}
    ${programmeReportSection(panel, level + 1)}
  </div>`;
}
