import { msg, str } from '@lit/localize';
import { formatNumber } from '../../internal/localization-intl.js';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { availabilityLabel } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { calendarDateLabel, todayIso } from '../shared/relative-time.js';
import type { MentorWorkload } from './mentor-workload.model.js';

/** The contract's capacity range (mentors.ts); repeated because browser code imports no zod. */
export const CAPACITY = { min: 1, max: 20 } as const;

export interface SettingsActions {
  toggleAccepting: (trigger: HTMLElement) => void;
  setCapacity: (value: number) => void;
  setAwayUntil: (value: string | null) => void;
}

const slotsTaken = (open: number, capacity: number) =>
  capacity === 1 ? msg(str`${open} of 1 slot taken`) : msg(str`${formatNumber(open)} of ${formatNumber(capacity)} slots taken`);

/**
 * The top strip: availability switch, capacity stepper, away-until date, and how search shows the
 * mentor. `level` is the strip's heading level (a section of the dashboard).
 */
export function settingsStrip(workload: MentorWorkload, actions: SettingsActions, level: number): TemplateResult {
  const s = workload.settings;
  const away = s.awayUntil !== null && s.awayUntil >= todayIso();
  const onCapacityInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const value = Math.round(Number(input.value));
    if (input.value === '' || !Number.isFinite(value)) {
      input.value = String(s.capacity);
      return;
    }
    const clamped = Math.min(CAPACITY.max, Math.max(CAPACITY.min, value));
    input.value = String(clamped);
    if (clamped !== s.capacity) actions.setCapacity(clamped);
  };
  // aria-disabled rather than disabled at the ends: a disabled button would drop keyboard focus.
  const step = (by: number) => {
    const next = s.capacity + by;
    if (next >= CAPACITY.min && next <= CAPACITY.max) actions.setCapacity(next);
  };
  return html`
    <section part="settings" class="settings" aria-labelledby="settings-title" aria-busy=${workload.savingSettings ? 'true' : 'false'}>
      <div class="settings-head">
        ${heading(level, msg('Your availability'), { id: 'settings-title' })}
        <p class="meta search-shows">
          <span>${msg('Shown in search as')}</span>
          <span part="badge availability-badge" class="badge badge--${s.availability}">${availabilityLabel(s)}</span>
        </p>
      </div>
      <div class="settings-grid">
        <div class="setting setting--switch">
          <button id="accepting" part="switch" class="availability-switch" type="button" role="switch" aria-checked=${s.acceptingMentees ? 'true' : 'false'}
            aria-describedby="accepting-hint" @click=${(e: Event) => actions.toggleAccepting(e.currentTarget as HTMLElement)}>
            <span class="switch-track" aria-hidden="true"><span class="switch-thumb"></span></span>
            <span class="switch-label">${msg('Accepting new mentees')}</span>
          </button>
          <p id="accepting-hint" class="hint switch-hint">
            ${s.acceptingMentees ? msg('Mentees can send you requests.') : msg('Nobody can send you new requests; your mentees stay.')}
          </p>
        </div>
        <div class="setting" role="group" aria-labelledby="capacity-label">
          <label id="capacity-label" class="field-label" for="capacity">${msg('Mentee slots')}</label>
          <div part="stepper" class="stepper">
            <button part="button stepper-button" class="button" type="button" aria-label=${msg('One slot fewer')} aria-controls="capacity"
              aria-disabled=${s.capacity <= CAPACITY.min ? 'true' : 'false'} @click=${() => step(-1)}>
              <span aria-hidden="true">−</span>
            </button>
            <input id="capacity" type="number" inputmode="numeric" min=${CAPACITY.min} max=${CAPACITY.max} step="1"
              .value=${live(String(s.capacity))} aria-describedby="capacity-hint" @change=${onCapacityInput} />
            <button part="button stepper-button" class="button" type="button" aria-label=${msg('One slot more')} aria-controls="capacity"
              aria-disabled=${s.capacity >= CAPACITY.max ? 'true' : 'false'} @click=${() => step(1)}>
              <span aria-hidden="true">+</span>
            </button>
          </div>
          <p id="capacity-hint" class="hint">${slotsTaken(s.openMentorships, s.capacity)}</p>
        </div>
        <div class="setting field">
          <label for="away-until">${msg('Away until')}</label>
          <div class="away-row">
            <input id="away-until" type="date" min=${todayIso()} .value=${live(s.awayUntil ?? '')} aria-describedby="away-hint"
              @change=${(e: Event) => actions.setAwayUntil((e.target as HTMLInputElement).value || null)} />
            ${s.awayUntil
              ? html`<button part="button" class="button button--link" type="button" @click=${() => actions.setAwayUntil(null)}>
                  ${msg('Clear')}<span class="visually-hidden"> ${msg('away date')}</span>
                </button>`
              : nothing}
          </div>
          <p id="away-hint" class="hint">
            ${away ? msg(str`No new requests until ${calendarDateLabel(s.awayUntil!)}.`) : msg('Going away? New requests pause until this date.')}
          </p>
        </div>
      </div>
      ${workload.settingsFailure ? html`<p part="error action-error" class="inline-error">${workload.settingsFailure}</p>` : nothing}
    </section>
  `;
}

/**
 * Numbers at a glance. Each card that has a section of its own is a button that scrolls to that
 * section and moves focus to its heading (`goTo` receives the heading's id).
 */
export function statCards(workload: MentorWorkload, goTo: (headingId: string) => void): TemplateResult {
  const stat = (label: string, value: number, target?: string) =>
    html`<li part="stat" class="stat">
      ${target
        ? html`<button part="stat-link" class="stat-link" type="button" @click=${() => goTo(target)}>
            <span class="stat-value">${formatNumber(value)}</span> <span class="stat-label">${label}</span>
          </button>`
        : html`<span class="stat-body"><span class="stat-value">${formatNumber(value)}</span> <span class="stat-label">${label}</span></span>`}
    </li>`;
  return html`
    <ul part="stats" class="stats" aria-label=${msg('At a glance')}>
      ${stat(msg('Waiting requests'), workload.waiting.length, 'waiting-title')}
      ${stat(msg('Active mentees'), workload.activeMentees, 'mentees-title')}
      ${stat(msg('Upcoming meetings'), workload.upcomingMeetings.length, 'mentees-title')}
      ${stat(msg('Unread notifications'), workload.unreadNotifications)}
    </ul>
  `;
}
