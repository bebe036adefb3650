import { msg, str } from '@lit/localize';
import type { Programme } from '@mentorkit/contract';
import type { EnrolmentRole } from '@mentorkit/contract/values';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ResourceController } from '../../controllers/resource.controller.js';
import { emit } from '../../events.js';
import { describeError } from '../../internal/error-message.js';
import { heading } from '../../internal/heading.js';
import { inLanguageOf } from '../../internal/localization.js';
import { ModalController } from './modal.controller.js';
import { cardSkeleton } from './person.template.js';
import {
  enrol, enrolControls, enrolGoalsStyles, enrolledAsLabel, enrolledMessage, enrolmentLabel, facts, leave, matchingLabel, mentorsEnrolledLabel, programmeDates,
  programmeStatusBadge,
} from './programme-format.js';

/**
 * The dashboards' Programmes section: the programmes the viewer is in (in the dashboard's role),
 * with Leave, and those they can join, with Enrol. Both dashboards import this module only after
 * their first render, so the code of the section never delays what most visits come for.
 */

export interface ProgrammesPanelOptions {
  /** The role the dashboard enrols and lists in: `mentee` on the mentee dashboard, `mentor` on the mentor's. */
  role: EnrolmentRole;
  client: () => MentorkitClient | undefined;
  /** Whether the section belongs on the page now (e.g. only for an active mentor). */
  active: () => boolean;
  /** The level of the section's title (the dashboard's depth 1). */
  headingLevel: () => number;
  /** Visible, announced feedback (the dashboard's toasts); `error` for a refusal. */
  notify: (message: string, tone?: 'error') => void;
}

type PanelHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Enough for every programme that has not ended: a university runs a handful at a time. */
const PAGE = 100;

const programmesStyles = css`
  ${enrolGoalsStyles}
  .programme-list {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
  }
  /* Cards side by side are as tall as each other, with their action at the bottom. */
  .programme-card {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  .programme-card > :last-child {
    margin-top: auto;
  }
  .programme-card .name {
    font-size: 1.0625em;
  }
  .programme-description {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .programme-group {
    display: grid;
    gap: var(--_space);
  }
  .programme-group + .programme-group {
    margin-top: var(--_space);
  }
  .programmes .sublist-title {
    font-size: 1em;
  }
  .enrol {
    display: grid;
    gap: var(--_space);
  }
  .enrol > .button {
    justify-self: end;
  }
  @container (max-width: 30rem) {
    .enrol > .button {
      justify-self: stretch;
    }
  }
`;

/** Adds the section's styles to the dashboard's own (constructable sheets: no inline style for a strict CSP). */
function adoptStyles(host: PanelHost): void {
  const root = host.renderRoot;
  const sheet = programmesStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

export class ProgrammesPanel {
  readonly #host: PanelHost;
  readonly #options: ProgrammesPanelOptions;
  readonly #list: ResourceController<Programme[], [MentorkitClient]>;
  readonly #modal: ModalController;

  /** Every programme that has not ended, soonest first, with the viewer's roles in each. */
  programmes: Programme[] = [];
  /** Goals typed for enrolling, by programme. */
  readonly goals = new Map<string, string>();
  /** Programmes with an enrolment or a leave on its way. */
  readonly busy = new Set<string>();
  /** Why the last action on a programme was refused, shown on its card. */
  readonly failures = new Map<string, string>();
  /** The programme the Leave dialog asks about. */
  leaving: Programme | undefined = undefined;

  constructor(host: PanelHost, options: ProgrammesPanelOptions) {
    this.#host = host;
    this.#options = options;
    adoptStyles(host);
    this.#list = new ResourceController(host, {
      args: () => {
        const client = options.client();
        return client && options.active() ? [client] : undefined;
      },
      task: async ([client], { signal }) => (await client.programmes.list({ limit: PAGE }, { signal })).items,
      onComplete: (items) => {
        this.programmes = items;
        this.failures.clear();
      },
    });
    this.#modal = new ModalController(host, {
      dialog: () => host.renderRoot.querySelector<HTMLDialogElement>('#leave-programme-dialog'),
      onClosed: () => (this.leaving = undefined),
    });
  }

  get role(): EnrolmentRole {
    return this.#options.role;
  }

  /** `loading` until the first list; a reload keeps the list shown. */
  get status(): 'loading' | 'ready' | 'error' {
    const s = this.#list.status;
    if (s === 'error') return 'error';
    return s === 'complete' || (s === 'pending' && this.#list.value) ? 'ready' : 'loading';
  }

  /** The programmes the viewer is in, in the dashboard's role. */
  get mine(): Programme[] {
    return this.programmes.filter((p) => p.viewerRoles.includes(this.role));
  }

  /** Those open for enrolment that the viewer is not in (in the dashboard's role). */
  get joinable(): Programme[] {
    return this.programmes.filter((p) => !p.viewerRoles.includes(this.role) && p.enrolmentOpen && p.status !== 'ended');
  }

  reload(): Promise<void> {
    return this.#list.run();
  }

  #replace(p: Programme): void {
    this.programmes = this.programmes.map((x) => (x.id === p.id ? p : x));
  }

  #say(text: () => string, tone?: 'error'): void {
    this.#options.notify(inLanguageOf(this.#host, text), tone);
  }

  async enrol(p: Programme): Promise<void> {
    const client = this.#options.client();
    if (!client || this.busy.has(p.id)) return;
    this.busy.add(p.id);
    this.failures.delete(p.id);
    this.#host.requestUpdate();
    const outcome = await enrol(client, p, this.role, this.goals.get(p.id) ?? '');
    this.busy.delete(p.id);
    if (outcome.ok) {
      this.goals.delete(p.id);
      this.#replace(outcome.programme);
      this.#say(() => enrolledMessage(p.name, this.role));
      emit(this.#host, 'programme-enrolled', { programme: outcome.programme, role: this.role });
      // The card moved to "Your programmes": focus follows it.
      await this.#host.updateComplete;
      this.#card(p.id)?.focus();
      return;
    }
    const message = inLanguageOf(this.#host, () => outcome.message);
    this.failures.set(p.id, message);
    this.#options.notify(message, 'error');
    this.#host.requestUpdate();
    // Closed or ended meanwhile: show the list as it is now (the reason stays on the card if it still shows).
    if (outcome.error instanceof ApiError && outcome.error.status === 409) void this.#refreshKeeping(p.id, message);
  }

  async #refreshKeeping(id: string, message: string): Promise<void> {
    await this.#list.run();
    if (this.programmes.some((p) => p.id === id)) this.failures.set(id, message);
    this.#host.requestUpdate();
  }

  askLeave(p: Programme, trigger: HTMLElement): void {
    this.leaving = p;
    void this.#modal.open(trigger);
  }

  async #confirmLeave(): Promise<void> {
    const p = this.leaving;
    const client = this.#options.client();
    if (!p || !client) return;
    // Focus goes to the card where it lands, else to the section's title.
    this.#modal.close(() => this.#heading());
    this.busy.add(p.id);
    this.failures.delete(p.id);
    this.#host.requestUpdate();
    const outcome = await leave(client, p, this.role);
    this.busy.delete(p.id);
    if (outcome.ok) {
      this.#replace(outcome.programme);
      this.#say(() => msg(str`You left ${p.name}.`));
      emit(this.#host, 'programme-left', { programme: outcome.programme, role: this.role });
      await this.#host.updateComplete;
      (this.#card(p.id) ?? this.#heading())?.focus();
      return;
    }
    const message = inLanguageOf(this.#host, () => outcome.message);
    this.failures.set(p.id, message);
    this.#options.notify(message, 'error');
    this.#host.requestUpdate();
  }

  #card(id: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`[data-programme-id="${CSS.escape(id)}"]`);
  }

  #heading(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('#programmes-title');
  }

  render(): TemplateResult {
    const level = this.#options.headingLevel();
    return html`<section part="section programmes" class="section programmes" aria-labelledby="programmes-title">
      ${heading(level, msg('Programmes'), { id: 'programmes-title', tabindex: '-1' })}
      ${this.#body(level + 1)}
      <dialog id="leave-programme-dialog" part="dialog" class="dialog" aria-labelledby="leave-programme-title" aria-describedby="leave-programme-description"
        @close=${this.#modal.handleClose} @keydown=${this.#modal.handleKeydown} @click=${this.#modal.handleClick}>
        ${this.leaving ? this.#leaveDialog(this.leaving) : nothing}
      </dialog>
    </section>`;
  }

  #body(level: number): TemplateResult {
    switch (this.status) {
      case 'loading':
        return html`<div class="stack" aria-busy="true">
          <p class="visually-hidden">${msg('Loading programmes…')}</p>
          ${cardSkeleton()}
        </div>`;
      case 'error':
        return html`<div part="error" class="notice notice--error" role="alert">
          <p><strong>${msg('Programmes could not be loaded.')}</strong> ${describeError(this.#list.error)}</p>
          <button part="button retry-button" class="button" type="button" @click=${() => void this.#list.retry()}>${msg('Retry')}</button>
        </div>`;
      case 'ready': {
        const { mine, joinable } = this;
        if (!mine.length && !joinable.length) {
          return html`<p part="empty" class="notice">
            ${this.role === 'mentee'
              ? msg('No programmes are open for enrolment right now. When the programme team opens one, you can join it here.')
              : msg('No programmes are open to mentors right now. When the programme team opens one, you can join it here.')}
          </p>`;
        }
        return html`
          ${mine.length ? this.#sublist('my-programmes', msg('Your programmes'), mine, level) : nothing}
          ${joinable.length
            ? this.#sublist('join-programmes', msg('Programmes you can join'), joinable, level)
            : html`<p class="meta">${msg('No other programmes are open for enrolment right now.')}</p>`}
        `;
      }
    }
  }

  #sublist(id: string, title: string, items: Programme[], level: number): TemplateResult {
    return html`<div class="programme-group">
      ${heading(level, title, { id: `${id}-title`, class: 'sublist-title' })}
      <ul class="list programme-list" aria-labelledby=${`${id}-title`}>
        ${repeat(items, (p) => p.id, (p) => html`<li>${this.#programmeCard(p, level + 1)}</li>`)}
      </ul>
    </div>`;
  }

  #programmeCard(p: Programme, level: number): TemplateResult {
    const nameId = `programme-${p.id}-name`;
    const joined = p.viewerRoles.includes(this.role);
    const busy = this.busy.has(p.id);
    const failure = this.failures.get(p.id);
    return html`<article part="card programme" class="card programme-card" aria-labelledby=${nameId} data-programme-id=${p.id} tabindex="-1">
      <div class="card-head">
        ${heading(level, p.name, { id: nameId, class: 'name' })}
        ${programmeStatusBadge(p.status)}
      </div>
      <p class="meta">${facts(programmeDates(p), matchingLabel(p))}</p>
      ${p.description ? html`<p class="prose programme-description">${p.description}</p>` : nothing}
      <p class="meta">${facts(joined ? enrolledAsLabel(this.role) : enrolmentLabel(p), mentorsEnrolledLabel(p.enrolled.mentors))}</p>
      ${failure ? html`<p part="error action-error" class="inline-error">${failure}</p>` : nothing}
      ${joined
        ? html`<div class="actions actions--end">
            <button part="button leave-button" class="button" type="button" aria-disabled=${busy ? 'true' : 'false'}
              @click=${(e: Event) => !busy && this.askLeave(p, e.currentTarget as HTMLElement)}>
              ${busy ? msg('Leaving…') : msg('Leave')}<span class="visually-hidden"> ${p.name}</span>
            </button>
          </div>`
        : enrolControls({
            id: `programme-${p.id}`,
            role: this.role,
            goals: this.goals.get(p.id) ?? '',
            busy,
            describedBy: nameId,
            input: (goals) => {
              this.goals.set(p.id, goals);
              this.#host.requestUpdate();
            },
            enrol: () => void this.enrol(p),
          })}
    </article>`;
  }

  #leaveDialog(p: Programme): TemplateResult {
    return html`<div class="dialog-panel">
      <h2 id="leave-programme-title">${msg(str`Leave ${p.name}?`)}</h2>
      <p id="leave-programme-description">
        ${this.role === 'mentee'
          ? msg('You will no longer be able to request mentors in it or be introduced to one. Mentorships you started in it go on.')
          : msg('Its mentees will no longer be able to request you or be introduced to you through it. Your mentorships from it go on.')}
      </p>
      <div class="dialog-foot">
        <button part="button cancel-button" class="button" type="button" autofocus @click=${() => this.#modal.close()}>${msg('Stay enrolled')}</button>
        <button part="button confirm-button" class="button button--danger" type="button" @click=${() => void this.#confirmLeave()}>${msg('Leave programme')}</button>
      </div>
    </div>`;
  }
}
