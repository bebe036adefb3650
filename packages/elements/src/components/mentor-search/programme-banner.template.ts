import { msg, str } from '@lit/localize';
import type { Programme } from '@mentorkit/contract';
import { ApiError } from '@mentorkit/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../../internal/error-message.js';
import { heading } from '../../internal/heading.js';
import { enrolControls, enrolmentLabel, facts, matchingLabel, programmeDates, programmeStatusBadge } from '../shared/programme-format.js';
import type { RequestGate } from './mentor-card.template.js';

export interface ProgrammeBannerView {
  /** The `programme` attribute: the slug or id asked for. */
  asked: string;
  status: 'loading' | 'ready' | 'error';
  programme: Programme | undefined;
  error: unknown;
  headingLevel: number;
  goals: string;
  enrolling: boolean;
  /** Why the last enrolment was refused. */
  failure: string | undefined;
}

export interface ProgrammeBannerActions {
  retry: () => void;
  input: (goals: string) => void;
  enrol: (trigger: HTMLElement) => void;
}

/** Whether the programme asked for does not exist (or is not visible to the viewer). */
export const programmeMissing = (error: unknown) => error instanceof ApiError && error.status === 404 && !!error.requestId;

const isMentee = (p: Programme) => p.viewerRoles.includes('mentee');

/**
 * What a search limited to a programme lets the viewer do with a mentor found in it: request as
 * usual (an enrolled mentee in a `mentee_choice` programme), or nothing, with the reason in place
 * of the button; nothing either until the programme is known.
 */
export function programmeGate(status: ProgrammeBannerView['status'], p: Programme | undefined): RequestGate {
  if (status !== 'ready' || !p) return 'wait';
  if (p.status === 'ended') return { note: msg('This programme has ended') };
  if (p.matching === 'admin_matched') return { note: msg('The programme team introduces mentors') };
  if (!isMentee(p)) return { note: p.enrolmentOpen ? msg('Enrol in the programme to request') : msg('Only enrolled mentees can request') };
  return 'open';
}

/** What the viewer can do in the programme, from their enrolment and its matching. */
function enrolment(v: ProgrammeBannerView, p: Programme, actions: ProgrammeBannerActions): TemplateResult {
  if (p.status === 'ended') return html`<p class="programme-note">${msg('This programme has ended: no more requests can be made in it.')}</p>`;
  if (isMentee(p)) {
    return html`<p class="programme-note" id="programme-enrolment" tabindex="-1">
      <span class="enrolled-mark" aria-hidden="true">✓</span>
      ${p.matching === 'mentee_choice'
        ? msg('You are enrolled as a mentee. Requests you send from here are made in this programme.')
        : msg('You are enrolled as a mentee. The programme team introduces you to a mentor, so you do not send requests yourself.')}
    </p>`;
  }
  if (!p.enrolmentOpen) {
    return html`<p class="programme-note" id="programme-enrolment" tabindex="-1">
      ${msg('Enrolment has closed, so only mentees already enrolled take part.')}
    </p>`;
  }
  return html`<p class="programme-note" id="programme-enrolment" tabindex="-1">
      ${p.matching === 'mentee_choice'
        ? msg('Enrol as a mentee to request mentors in this programme.')
        : msg('Enrol as a mentee and the programme team will introduce you to a mentor; you do not send requests yourself.')}
    </p>
    ${v.failure ? html`<p part="error action-error" class="inline-error" role="alert">${v.failure}</p>` : nothing}
    ${enrolControls({
      id: 'programme',
      role: 'mentee',
      goals: v.goals,
      busy: v.enrolling,
      describedBy: 'programme-name',
      input: actions.input,
      enrol: actions.enrol,
    })}`;
}

/**
 * Above the results of a search limited to a programme: which programme (name, dates, status, how
 * people are matched), that only its mentors are shown, and the viewer's enrolment with "Enrol as
 * mentee" while that is open. An unknown programme is an error in words, not an empty list.
 */
export function programmeBanner(v: ProgrammeBannerView, actions: ProgrammeBannerActions): TemplateResult {
  if (v.status === 'loading') {
    return html`<div part="programme-banner" class="programme-banner" aria-busy="true">
      <p class="visually-hidden">${msg('Loading the programme…')}</p>
      <span class="skeleton line line--short" aria-hidden="true"></span>
      <span class="skeleton line line--long" aria-hidden="true"></span>
    </div>`;
  }
  if (v.status === 'error' || !v.programme) {
    return programmeMissing(v.error)
      ? html`<div part="programme-banner error" class="notice notice--error programme-missing" role="alert">
          ${heading(v.headingLevel, msg('Programme not found'), { class: 'name' })}
          <p>${msg(str`There is no programme “${v.asked}” open to you. The link may be old or mistyped.`)}</p>
        </div>`
      : html`<div part="programme-banner error" class="notice notice--error" role="alert">
          <p><strong>${msg('The programme could not be loaded.')}</strong> ${describeError(v.error)}</p>
          <button part="button retry-button" class="button" type="button" @click=${actions.retry}>${msg('Retry')}</button>
        </div>`;
  }
  const p = v.programme;
  return html`<section part="programme-banner" class="programme-banner" aria-labelledby="programme-name">
    <div class="programme-head">
      <div class="card-title">
        <p class="programme-kicker">${msg('Mentors in the programme')}</p>
        ${heading(v.headingLevel, p.name, { class: 'name', id: 'programme-name' })}
      </div>
      ${programmeStatusBadge(p.status)}
    </div>
    <p class="meta">${facts(programmeDates(p), matchingLabel(p), p.status !== 'ended' && enrolmentLabel(p))}</p>
    ${enrolment(v, p, actions)}
  </section>`;
}
