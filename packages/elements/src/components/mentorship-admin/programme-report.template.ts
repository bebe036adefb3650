import { msg, str } from '@lit/localize';
import type { ProgrammeReport } from '@mentorkit/contract';
import { mentorshipStatuses, requestStatuses, type MentorshipStatus, type RequestStatus } from '@mentorkit/contract/values';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { dateLabel } from '../../internal/dates.js';
import { heading } from '../../internal/heading.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { relativeTime } from '../shared/relative-time.js';
import { mentorshipStatusLabels, requestStatusLabels } from '../shared/status-badge.template.js';
import { errorNotice } from './admin-states.template.js';
import { percentLabel } from './admin-format.js';
import { figureList, type Figure } from './overview.template.js';
import type { ProgrammesPanel } from './programmes.controller.js';

/** The report's numbers, each with the count behind it so a rate is never read without its base. */
export function reportFigures(r: ProgrammeReport): Figure[] {
  const { completed, total } = r.milestones;
  const median = r.medianDaysToFirstMeeting;
  const requests = Object.values(r.requests).reduce((s, v) => s + v, 0);
  return [
    {
      key: 'mentees',
      label: msg('Mentees enrolled'),
      value: n(r.enrolled.mentees),
      detail: msg(str`${n(r.matched.mentees)} in a mentorship · ${n(r.unmatched.mentees)} not yet`),
    },
    {
      key: 'mentors',
      label: msg('Mentors enrolled'),
      value: n(r.enrolled.mentors),
      detail: msg(str`${n(r.matched.mentors)} with a mentee · ${n(r.unmatched.mentors)} without`),
    },
    { key: 'requests', label: msg('Requests'), value: n(requests), detail: msg(str`${n(r.requests.pending)} waiting for an answer`) },
    { key: 'meetings', label: msg('Meetings held'), value: n(r.meetingsHeld), detail: msg('Across the programme’s mentorships') },
    {
      key: 'milestones',
      label: msg('Milestones completed'),
      value: msg(str`${n(completed)} of ${n(total)}`),
      detail: total === 0 ? msg('No milestones yet') : msg(str`${percentLabel(completed / total) ?? '—'} done`),
    },
    {
      key: 'first-meeting',
      label: msg('Median time to first meeting'),
      value: median === null ? '—' : median === 1 ? msg('1 day') : msg(str`${n(median, { maximumFractionDigits: 1 })} days`),
      detail: median === null ? msg('No meetings held yet') : msg('From the start of a mentorship'),
    },
    {
      key: 'at-risk',
      label: msg('At risk'),
      value: n(r.atRisk.length),
      detail: msg(str`Active, with no meeting or message for ${n(r.atRiskDays)} days`),
    },
  ];
}

/** One horizontal bar per status; the words and numbers are text, the bars only repeat them. */
function bars<S extends string>(title: string, id: string, statuses: readonly S[], counts: Record<S, number>, labels: Record<S, string>, top: number): TemplateResult {
  return html`<div class="bar-group">
    <p class="bar-group-title" id=${id}>${title}</p>
    <ul class="bars" aria-labelledby=${id}>
      ${statuses.map((s) => {
        const value = counts[s];
        const width = top ? (value / top) * 100 : 0;
        return html`<li class="bar-row" data-status=${s}>
          <span class="bar-label">${labels[s]}</span>
          <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            ${svg`<rect class="bar-fill bar-fill--${s}" x="0" y="0" height="10" width=${width.toFixed(1)}></rect>`}
          </svg>
          <span class="bar-value">${n(value)}</span>
        </li>`;
      })}
    </ul>
  </div>`;
}

/** Requests and mentorships by status, as bars scaled together so their lengths compare. */
export function statusChart(r: ProgrammeReport): TemplateResult {
  const top = Math.max(0, ...Object.values(r.requests), ...Object.values(r.mentorships));
  return html`<figure part="chart" class="chart status-chart">
    <figcaption class="chart-caption"><span class="chart-title">${msg('Requests and mentorships by status')}</span></figcaption>
    <div class="bar-groups">
      ${bars(msg('Requests'), 'report-requests-title', requestStatuses, r.requests, requestStatusLabels, top)}
      ${bars(msg('Mentorships'), 'report-mentorships-title', mentorshipStatuses, r.mentorships, mentorshipStatusLabels, top)}
    </div>
  </figure>`;
}

const dateTime = (at: string) => html`<time datetime=${at}>${dateLabel(at)}</time>`;
const quietSince = (at: string) => {
  const since = dateTime(at);
  const ago = relativeTime(at);
  return msg(html`Quiet since ${since} (${ago})`);
};
const asOf = (at: string) => {
  const when = dateTime(at);
  return msg(html`As of ${when}`);
};

function atRisk(r: ProgrammeReport, level: number): TemplateResult {
  return html`<div part="at-risk" class="at-risk">
    ${heading(level, msg(str`At risk (${n(r.atRisk.length)})`), { id: 'at-risk-title', class: 'block-title' })}
    <p class="hint">${msg(str`Active mentorships with no meeting or message for ${n(r.atRiskDays)} days: a nudge may help.`)}</p>
    ${r.atRisk.length
      ? html`<ul class="people" aria-labelledby="at-risk-title">
          ${r.atRisk.map(
            (m) => html`<li class="person-row" data-mentorship-id=${m.mentorshipId}>
              <span class="who"><span class="who-name">${msg(str`${m.mentee.name} with ${m.mentor.name}`)}</span>
                <span class="meta">${msg(str`Started ${dateLabel(m.startedAt)}`)}</span></span>
              <span class="quiet">${quietSince(m.lastActivityAt)}</span>
            </li>`,
          )}
        </ul>`
      : html`<p class="empty-line">${msg('None: every active mentorship has met or talked recently.')}</p>`}
  </div>`;
}

const reportSkeleton = html`<div part="skeleton" class="programme-skeleton" aria-hidden="true">
  <div class="numbers">
    ${Array.from({ length: 4 }, () => html`<div class="number"><span class="skeleton line line--medium"></span><span class="skeleton figure-placeholder"></span></div>`)}
  </div>
  <span class="skeleton chart-placeholder"></span>
</div>`;

/** The report of the open programme: figures, a chart, who is at risk, and the CSV. */
export function programmeReportSection(panel: ProgrammesPanel, level: number): TemplateResult {
  const { status, value, error } = panel.report;
  let body: TemplateResult;
  if (status === 'error') body = errorNotice(msg('The report could not be loaded.'), error, () => void panel.report.retry());
  // A reload after confirming keeps the numbers on screen instead of flashing the skeleton.
  else if (value && value.programme.id === panel.selected?.id) {
    body = html`
      <p class="meta">${asOf(value.generatedAt)}</p>
      ${figureList(reportFigures(value))}
      ${statusChart(value)}
      ${atRisk(value, level + 1)}
    `;
  } else body = html`<p class="visually-hidden" role="status">${msg('Loading the report…')}</p>${reportSkeleton}`;
  const csv = panel.csv;
  return html`<section part="report" class="section" aria-labelledby="report-title">
    <div class="section-head">
      ${heading(level, msg('Report'), { id: 'report-title', class: 'section-title' })}
      <button part="button download-csv-button" class="button" type="button" aria-disabled=${csv.busy ? 'true' : 'false'}
        aria-describedby="csv-hint" @click=${() => void panel.downloadCsv()}>${csv.busy ? msg('Preparing the CSV…') : msg('Download CSV')}</button>
    </div>
    <p id="csv-hint" class="hint">${msg('The CSV has one row per mentorship: mentor, mentee, status, start, meetings held, milestones and last activity.')}</p>
    ${csv.error ? html`<p class="field-error" role="alert">${msg('The CSV could not be downloaded. Try again.')}</p>` : nothing}
    ${body}
  </section>`;
}
