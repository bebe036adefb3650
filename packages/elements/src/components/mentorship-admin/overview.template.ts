import type { ProgrammeStats } from '@mentorkit/contract';
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { replyDuration } from '../../internal/format.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { capitalize, percentLabel } from './admin-format.js';
import { weeklyChart } from './weekly-chart.template.js';

/** One number of a figure list: its label, its value and the count behind it. */
export interface Figure {
  key: string;
  label: string;
  value: string;
  detail: string;
}

/** The programme's numbers, each with the count behind it so a rate is never read without its base. */
export function overviewFigures(stats: ProgrammeStats): Figure[] {
  const { applications: a, requests: r, mentors: m } = stats;
  const decided = a.approved + a.rejected;
  const answered = r.accepted + r.declined + r.expired;
  const reply = replyDuration(stats.medianResponseHours);
  return [
    { key: 'applications', label: msg('Applications'), value: n(a.total), detail: msg(str`${n(a.pending)} waiting for a decision`) },
    {
      key: 'approval-rate',
      label: msg('Approval rate'),
      value: percentLabel(stats.approvalRate) ?? '—',
      detail:
        decided === 0
          ? msg('No decisions yet')
          : decided === 1
            ? msg(str`${n(a.approved)} of 1 decided application`)
            : msg(str`${n(a.approved)} of ${n(decided)} decided applications`),
    },
    { key: 'requests', label: msg('Mentorship requests'), value: n(r.total), detail: msg(str`${n(r.pending)} waiting for an answer`) },
    {
      key: 'acceptance-rate',
      label: msg('Acceptance rate'),
      value: percentLabel(stats.acceptanceRate) ?? '—',
      detail:
        answered === 0
          ? msg('No answered requests yet')
          : answered === 1
            ? msg(str`${n(r.accepted)} of 1 answered or expired request`)
            : msg(str`${n(r.accepted)} of ${n(answered)} answered or expired requests`),
    },
    {
      key: 'median-response',
      label: msg('Median response time'),
      value: reply ? capitalize(reply) : '—',
      detail: reply ? msg('From request to answer, last 90 days') : msg('No answered requests in the last 90 days'),
    },
    {
      key: 'active-mentorships',
      label: msg('Active mentorships'),
      value: n(stats.mentorships.active),
      detail: msg(str`${n(stats.mentorships.paused)} paused · ${n(stats.mentorships.completed)} completed`),
    },
    {
      key: 'accepting-mentors',
      label: msg('Mentors accepting mentees'),
      value: n(m.accepting),
      detail:
        (m.active === 1 ? msg('of 1 active mentor') : msg(str`of ${n(m.active)} active mentors`)) +
        (m.suspended ? ` · ${msg(str`${n(m.suspended)} suspended`)}` : ''),
    },
  ];
}

/** Figures as a description list of tiles (the overview's and a programme report's). */
export function figureList(figures: Figure[]): TemplateResult {
  return html`<dl part="numbers" class="numbers">
    ${figures.map(
      (f) => html`<div part="number" class="number" data-figure=${f.key}>
        <dt>${f.label}</dt>
        <dd class="number-value">${f.value}</dd>
        <dd class="number-detail">${f.detail}</dd>
      </div>`,
    )}
  </dl>`;
}

export function overviewView(stats: ProgrammeStats): TemplateResult {
  return html`
    ${figureList(overviewFigures(stats))}
    ${weeklyChart(stats.weekly)}
  `;
}

/** Tiles and a chart-shaped block while the numbers load. */
export const overviewSkeleton = html`<div part="skeleton" class="programme-skeleton" aria-hidden="true">
  <div class="numbers">
    ${Array.from({ length: 7 }, () => html`<div class="number"><span class="skeleton line line--medium"></span><span class="skeleton figure-placeholder"></span></div>`)}
  </div>
  <span class="skeleton chart-placeholder"></span>
</div>`;
