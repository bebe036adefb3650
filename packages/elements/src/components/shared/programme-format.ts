import { msg, str } from '@lit/localize';
import type { Programme } from '@mentorkit/contract';
import type { EnrolmentRole, ProgrammeStatus } from '@mentorkit/contract/values';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import { css, html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describeError } from '../../internal/error-message.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { intlLocale } from '../../internal/localization.js';
import { calendarDateLabel } from '../../internal/dates.js';

/**
 * Programmes in words, shared by the search banner and the dashboards' Programmes section (which
 * loads lazily): status, dates, how people are matched, enrolment, and enrolling or leaving with
 * refusals explained.
 */

// Getters: looked up when rendered, in the language of the element rendering them.
const statusLabels: Record<ProgrammeStatus, string> = {
  get upcoming() { return msg('Upcoming'); },
  get enrolling() { return msg('Enrolling'); },
  get running() { return msg('Running'); },
  get ended() { return msg('Ended'); },
};
const statusTones: Record<ProgrammeStatus, string> = { upcoming: 'waiting', enrolling: 'good', running: 'info', ended: 'neutral' };

/** The status as a badge: the word, with a colour that only repeats it. */
export const programmeStatusBadge = (status: ProgrammeStatus): TemplateResult =>
  html`<span part="badge status-badge" class="badge badge--${statusTones[status]}" data-status=${status}>${statusLabels[status]}</span>`;

/** "11 Jan – 30 Apr 2027": a span of calendar days, the same day wherever the viewer is. */
export function programmeDates(p: Pick<Programme, 'startsOn' | 'endsOn'>): string {
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  const tag = intlLocale();
  try {
    const f = new Intl.DateTimeFormat(!tag || tag === 'en' ? 'en-GB' : tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return f.formatRange(day(p.startsOn), day(p.endsOn)).replace(/[\u202f\u00a0]/g, ' ');
  } catch {
    return `${calendarDateLabel(p.startsOn)} – ${calendarDateLabel(p.endsOn)}`;
  }
}

/** How people are paired in it. */
export const matchingLabel = (p: Pick<Programme, 'matching'>) =>
  p.matching === 'mentee_choice' ? msg('Mentees choose their mentor') : msg('The programme team matches mentees with mentors');

/** "Enrolment open until 31 Jan 2027" / "Enrolment closed". */
export const enrolmentLabel = (p: Pick<Programme, 'enrolmentOpen' | 'enrolmentClosesOn' | 'endsOn'>) =>
  p.enrolmentOpen ? msg(str`Enrolment open until ${calendarDateLabel(p.enrolmentClosesOn ?? p.endsOn)}`) : msg('Enrolment closed');

export const enrolledAsLabel = (role: EnrolmentRole) => (role === 'mentee' ? msg('Enrolled as mentee') : msg('Enrolled as mentor'));

export const mentorsEnrolledLabel = (n: number) => (n === 1 ? msg('1 mentor enrolled') : msg(str`${formatNumber(n)} mentors enrolled`));

export const enrolButtonLabel = (role: EnrolmentRole) => (role === 'mentee' ? msg('Enrol as mentee') : msg('Enrol as mentor'));

/** The confirmation of an enrolment ("You enrolled in Data careers 2027 as a mentee."). */
export const enrolledMessage = (name: string, role: EnrolmentRole) =>
  role === 'mentee' ? msg(str`You enrolled in ${name} as a mentee.`) : msg(str`You enrolled in ${name} as a mentor.`);

export type ProgrammeOutcome = { ok: true; programme: Programme } | { ok: false; message: string; error: unknown };

/** Why an enrolment was refused, in words. */
function enrolFailure(error: unknown, role: EnrolmentRole): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'enrolment_closed':
        return msg('Enrolment in this programme has closed.');
      case 'programme_ended':
        return msg('This programme has ended.');
      case 'not_found':
        return msg('This programme no longer exists.');
      case 'forbidden':
        if (role === 'mentor') return msg('Only approved mentors who are taking part in mentoring can enrol as mentors.');
    }
  }
  return `${msg('You were not enrolled.')} ${describeError(error)}`;
}

/** The programme as it is after the viewer joined (`in`) or left it in `role`. */
export function withRole(p: Programme, role: EnrolmentRole, joined: boolean): Programme {
  const had = p.viewerRoles.includes(role);
  if (had === joined) return p;
  const key = role === 'mentee' ? 'mentees' : 'mentors';
  return {
    ...p,
    viewerRoles: joined ? [...p.viewerRoles, role] : p.viewerRoles.filter((r) => r !== role),
    enrolled: { ...p.enrolled, [key]: Math.max(0, p.enrolled[key] + (joined ? 1 : -1)) },
  };
}

/** Enrols the viewer; already enrolled counts as done (a second tab, a double click). */
export async function enrol(client: MentorkitClient, p: Programme, role: EnrolmentRole, goals: string): Promise<ProgrammeOutcome> {
  try {
    const trimmed = goals.trim();
    await client.programmes.enrol(p.id, { role, ...(trimmed ? { goals: trimmed } : {}) });
    return { ok: true, programme: withRole(p, role, true) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'duplicate_enrolment') return { ok: true, programme: withRole(p, role, true) };
    return { ok: false, message: enrolFailure(error, role), error };
  }
}

/** Leaves the programme in `role`; not enrolled any more counts as done. */
export async function leave(client: MentorkitClient, p: Programme, role: EnrolmentRole): Promise<ProgrammeOutcome> {
  try {
    await client.programmes.leave(p.id, role);
    return { ok: true, programme: withRole(p, role, false) };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_enrolled') return { ok: true, programme: withRole(p, role, false) };
    return { ok: false, message: `${msg('You are still enrolled.')} ${describeError(error)}`, error };
  }
}

export const GOALS_MAX = 2000;

export interface EnrolControls {
  /** Ids unique in the element: the goals field and the button. */
  id: string;
  role: EnrolmentRole;
  goals: string;
  busy: boolean;
  /** The id of what names the programme (the button is described by it). */
  describedBy: string;
  input: (goals: string) => void;
  enrol: (trigger: HTMLElement) => void;
}

/** The goals disclosure of `enrolControls`, for the styles of each element that shows it (each lays out `.enrol` its own way). */
export const enrolGoalsStyles = css`
  .enrol-goals summary {
    min-height: 2.5rem;
    padding-block: calc(var(--_space) / 2);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
  .enrol-goals[open] summary {
    margin-bottom: var(--_space);
  }
`;

/**
 * Enrolling: one button, with the goals for it optional behind a disclosure (what the person hopes
 * to get from it, or to give), so joining stays one click.
 */
export function enrolControls(c: EnrolControls): TemplateResult {
  const over = c.goals.trim().length > GOALS_MAX;
  return html`<div class="enrol">
    <details class="enrol-goals">
      <summary>${msg('Add your goals (optional)')}</summary>
      <div class="field">
        <label for=${`${c.id}-goals`}>
          ${c.role === 'mentee' ? msg('What do you hope to get from this programme?') : msg('What would you like to give in this programme?')}
        </label>
        <textarea id=${`${c.id}-goals`} rows="3" maxlength=${GOALS_MAX} .value=${live(c.goals)} aria-invalid=${over ? 'true' : 'false'}
          @input=${(e: InputEvent) => c.input((e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
    </details>
    <button part="button enrol-button" id=${`${c.id}-enrol`} class="button button--primary" type="button" aria-describedby=${c.describedBy}
      aria-disabled=${c.busy ? 'true' : 'false'} @click=${(e: Event) => !c.busy && c.enrol(e.currentTarget as HTMLElement)}>
      ${c.busy ? msg('Enrolling…') : enrolButtonLabel(c.role)}
    </button>
  </div>`;
}

/** A short line of facts, joined with middle dots that screen readers skip. */
export const facts = (...parts: (string | false | undefined)[]): TemplateResult[] =>
  parts.filter((p): p is string => !!p).map((p, i) => (i ? html`<span aria-hidden="true"> · </span>${p}` : html`${p}`));
