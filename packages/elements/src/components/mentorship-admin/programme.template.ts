import type { ProgrammeStats } from '@mentorkit/contract';
import { html, type TemplateResult } from 'lit';
import { replyDuration } from '../../internal/format.js';
import { countLabel, percentLabel } from './admin-format.js';
import { weeklyChart } from './weekly-chart.template.js';

interface Figure {
  key: string;
  label: string;
  value: string;
  detail: string;
}

/** The programme's numbers, each with the count behind it so a rate is never read without its base. */
export function programmeFigures(stats: ProgrammeStats): Figure[] {
  const { applications: a, requests: r, mentors: m } = stats;
  const decided = a.approved + a.rejected;
  const answered = r.accepted + r.declined + r.expired;
  const reply = replyDuration(stats.medianResponseHours);
  return [
    { key: 'applications', label: 'Applications', value: a.total.toLocaleString(), detail: `${a.pending.toLocaleString()} waiting for a decision` },
    {
      key: 'approval-rate',
      label: 'Approval rate',
      value: percentLabel(stats.approvalRate) ?? '—',
      detail: decided ? `${a.approved.toLocaleString()} of ${countLabel(decided, 'decided application', 'decided applications')}` : 'No decisions yet',
    },
    { key: 'requests', label: 'Mentorship requests', value: r.total.toLocaleString(), detail: `${r.pending.toLocaleString()} waiting for an answer` },
    {
      key: 'acceptance-rate',
      label: 'Acceptance rate',
      value: percentLabel(stats.acceptanceRate) ?? '—',
      detail: answered ? `${r.accepted.toLocaleString()} of ${countLabel(answered, 'answered or expired request', 'answered or expired requests')}` : 'No answered requests yet',
    },
    {
      key: 'median-response',
      label: 'Median response time',
      value: reply ? reply.replace(/^about/, 'About') : '—',
      detail: reply ? 'From request to answer, last 90 days' : 'No answered requests in the last 90 days',
    },
    {
      key: 'active-mentorships',
      label: 'Active mentorships',
      value: stats.mentorships.active.toLocaleString(),
      detail: `${stats.mentorships.paused.toLocaleString()} paused · ${stats.mentorships.completed.toLocaleString()} completed`,
    },
    {
      key: 'accepting-mentors',
      label: 'Mentors accepting mentees',
      value: m.accepting.toLocaleString(),
      detail: `of ${countLabel(m.active, 'active mentor', 'active mentors')}${m.suspended ? ` · ${m.suspended.toLocaleString()} suspended` : ''}`,
    },
  ];
}

export function programmeView(stats: ProgrammeStats): TemplateResult {
  return html`
    <dl part="numbers" class="numbers">
      ${programmeFigures(stats).map(
        (f) => html`<div part="number" class="number" data-figure=${f.key}>
          <dt>${f.label}</dt>
          <dd class="number-value">${f.value}</dd>
          <dd class="number-detail">${f.detail}</dd>
        </div>`,
      )}
    </dl>
    ${weeklyChart(stats.weekly)}
  `;
}

/** Tiles and a chart-shaped block while the numbers load. */
export const programmeSkeleton = html`<div part="skeleton" class="programme-skeleton" aria-hidden="true">
  <div class="numbers">
    ${Array.from({ length: 7 }, () => html`<div class="number"><span class="skeleton line line--medium"></span><span class="skeleton figure-placeholder"></span></div>`)}
  </div>
  <span class="skeleton chart-placeholder"></span>
</div>`;
