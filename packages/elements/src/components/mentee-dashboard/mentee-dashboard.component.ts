import { msg, str } from '@lit/localize';
import type { Meeting, Mentorship as MentorshipRecord, MentorshipRequest } from '@mentorkit/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { emit } from '../../events.js';
import { describeError } from '../../internal/error-message.js';
import { heading } from '../../internal/heading.js';
import { formatNumber } from '../../internal/localization-intl.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { CalendarFeedController } from '../calendar-feed/calendar-feed.controller.js';
import { calendarFeedStyles } from '../calendar-feed/calendar-feed.styles.js';
import { calendarFeedPanel } from '../calendar-feed/calendar-feed.template.js';
import { NotificationPreferencesController } from '../notification-preferences/notification-preferences.controller.js';
import { notificationPreferencesStyles } from '../notification-preferences/notification-preferences.styles.js';
import { notificationPreferencesPanel } from '../notification-preferences/notification-preferences.template.js';
import type { WorkspaceTab } from '../../internal/workspace-tab.js';
import { DashboardShellController } from '../shared/dashboard-shell.controller.js';
import { dashboardContent, shellStates } from '../shared/dashboard-shell.template.js';
import { settingsDisclosure } from '../shared/dashboard-sections.template.js';
import { dashboardListStyles } from '../shared/dashboard-lists.styles.js';
import { dashboardStyles } from '../shared/dashboard.styles.js';
import { downloadMeetingIcs } from '../shared/meeting-download.js';
import { ModalController } from '../shared/modal.controller.js';
import { mentorshipCard } from '../shared/mentorship-card.template.js';
import { MentorshipSummariesController } from '../shared/mentorship-summaries.controller.js';
import { ProgrammesSlot } from '../shared/programmes-slot.js';
import { toastStyles } from '../shared/toast.styles.js';
import { keepFocusInList, LiveRefreshController } from '../../controllers/live-refresh.controller.js';
import { UnreadCountsController } from '../../controllers/unread-counts.controller.js';
import { MenteeDashboardController, type MenteeDashboardPart } from './mentee-dashboard.controller.js';
import { describeMenteeEvent, menteeLiveParts, menteeLiveTypes } from './mentee-dashboard.live.js';
import { menteeDashboardStyles } from './mentee-dashboard.styles.js';
import { nextUpSection, type NextUp } from './next-up.template.js';
import { historyRequestCard, pendingRequestCard } from './request-card.template.js';

/**
 * @summary A mentee's mentoring: first the next meeting across mentorships (join link, add to
 * calendar) and the next milestone; then pending requests with the time they have left and
 * Withdraw (a collapsed history of requests that ended), the active mentorships as compact cards,
 * and completed ones (collapsed, with a feedback prompt). "Open" on a card shows that
 * mentorship's workspace in the dashboard's place, with a way back.
 *
 * @description Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`.
 * Every state is shown: skeletons while loading, "You have no mentors yet — Find a mentor" when
 * there is nothing, errors in words with Retry. Withdrawing asks first in a modal dialog, then
 * updates at once and rolls back with a message if the server refuses. Results of actions are
 * announced in a polite live region. Lays itself out by its own width (container queries).
 * Live over the realtime stream: a request answered or expired, a mentorship changed and new
 * messages (unread badges) show without a reload, and the mentor's answers are announced.
 * Withdrawing confirms in a toast (also announced); a refusal says why in one and on the card.
 *
 * Routing: the open mentorship and its tab are kept in the URL hash (`mentorship=<id>&tab=<tab>`,
 * beside the page's own hash tokens), so Back, a reload or a link in an email land on it. Only
 * mentorships where the viewer is the mentee open here; another id shows "not found" unless the
 * viewer is its mentor (the mentor dashboard's then). With `no-routing` the hash is left alone and
 * the host routes from `mentorship-view-change`.
 *
 * @fires mentorship-find-mentor - `{ request }` when "Find a mentor" / "Find another mentor" is
 *   pressed; `request` is the latest request that ended, or null. Cancelable: with `search-url`
 *   set, `preventDefault()` keeps the link from navigating (switch views in-page instead).
 * @fires mentorship-request-withdrawn - `{ request }` once the server has withdrawn a request.
 * @fires mentorship-view-change - `{ mentorshipId, tab }` when a mentorship's workspace opens, its
 *   tab changes, or the list comes back (`mentorshipId: null`).
 * @fires programme-enrolled - `{ programme, role: 'mentee' }` once the viewer has enrolled in a programme from the Programmes section.
 * @fires programme-left - `{ programme, role: 'mentee' }` once the viewer has left a programme.
 *
 * @csspart base - The wrapper of everything.
 * @csspart announcer - The visually hidden live region (news from the live stream).
 * @csspart toasts - The stack of confirmations at the bottom of the element.
 * @csspart toast - One confirmation or refusal (also part "toast-success" / "toast-error" / "toast-info").
 * @csspart toast-action - A toast's follow-up.
 * @csspart toast-dismiss - A toast's ✕.
 * @csspart title - The dashboard's title ("My mentoring").
 * @csspart section - Each section (Next up, Requests, Active mentorships, Completed, Programmes, Settings).
 * @csspart programmes - The Programmes section: the programmes the viewer is in as a mentee, and those they can join.
 * @csspart programme - A programme's card (name, dates, status, how people are matched, enrolment).
 * @csspart enrol-button - "Enrol as mentee" on a programme that is open for enrolment.
 * @csspart leave-button - "Leave" on a programme the viewer is in (asks first).
 * @csspart next-up - The "Next up" section: next meeting and next milestone.
 * @csspart next-meeting - Its next meeting card.
 * @csspart next-milestone - Its next milestone card.
 * @csspart join-link - "Join video call" on the next meeting.
 * @csspart calendar-button - "Add to calendar" on the next meeting.
 * @csspart completed - The collapsed list of completed mentorships.
 * @csspart feedback-prompt - The feedback prompt on a completed mentorship's card.
 * @csspart more-settings - The collapsed calendar and email settings.
 * @csspart open-button - "Open" (or "Leave feedback") on a mentorship card: shows its workspace instead of the lists.
 * @csspart detail - The open mentorship: the way back and its workspace.
 * @csspart back-button - "← Back to my mentoring".
 * @csspart not-found - A link to a mentorship that does not exist or is not the viewer's.
 * @csspart progress - Progress on a mentorship card (words and a bar).
 * @csspart next-meeting-line - The next meeting on a mentorship card.
 * @csspart next-milestone-line - The next milestone on a mentorship card.
 * @csspart card - Every card: a request, a mentorship, and their loading skeletons.
 * @csspart request - A request card (pending or in the history).
 * @csspart history-request - A request card in the history.
 * @csspart mentorship - A mentorship card.
 * @csspart unread-badge - "2 unread messages" on a mentorship card (kept live).
 * @csspart workspace - The `<mentorship-workspace>` itself (style it further through its own parts and tokens).
 * @csspart workspace-loading - "Loading the workspace…" while its code loads (the first time one opens) or a link is checked.
 * @csspart workspace-error - The workspace's code could not be loaded (with Retry; also part "error").
 * @csspart skeleton - A loading placeholder card.
 * @csspart avatar - A photo or initials.
 * @csspart badge - Every badge.
 * @csspart status-badge - A status badge (text plus colour): Pending, Declined, Active, …
 * @csspart chip - A skill chip.
 * @csspart decline-reason - The mentor's reason on a declined request.
 * @csspart history - The collapsible history of ended requests.
 * @csspart next-step - The "Find another mentor" row.
 * @csspart button - Every button (and the "Find a mentor" link when `search-url` is set).
 * @csspart withdraw-button - "Withdraw request" on a pending request.
 * @csspart find-mentor - "Find a mentor" / "Find another mentor".
 * @csspart empty - The empty state.
 * @csspart error - An error: loading failed (with Retry), or an action was refused (on its card).
 * @csspart action-error - The message on a card whose action the server refused.
 * @csspart retry-button - Retry after an error.
 * @csspart dialog - The confirmation dialog.
 * @csspart confirm-button - The dialog's "Withdraw request".
 * @csspart cancel-button - The dialog's "Keep request".
 * @csspart calendar-feed - The "Calendar subscription" section (private feed link: create, copy, renew, turn off).
 * @csspart calendar-feed-url - The read-only input with the feed link, right after it was made.
 * @csspart calendar-feed-warning - "Keep this link private" beside it.
 * @csspart calendar-feed-active - "Your calendar link is active" when the link can no longer be shown.
 * @csspart calendar-feed-create - "Create my calendar link".
 * @csspart calendar-feed-copy - "Copy link".
 * @csspart calendar-feed-rotate - "Get a new link".
 * @csspart calendar-feed-disable - "Turn off".
 * @csspart calendar-feed-error - The feed status could not be loaded (with Retry).
 * @csspart calendar-feed-retry - Its Retry.
 * @csspart calendar-feed-action-error - Why creating, renewing or turning off the link failed.
 * @csspart calendar-feed-dialog - The dialog confirming a new link or turning the feed off (also part "dialog").
 *
 * @cssproperty --mentorship-color-accent - Buttons, links, focus ring.
 * @cssproperty --mentorship-color-on-accent - Text on the accent colour.
 * @cssproperty --mentorship-color-background - Behind the element (transparent in light mode, painted in dark mode).
 * @cssproperty --mentorship-color-surface - Card and dialog background.
 * @cssproperty --mentorship-color-text - Body text.
 * @cssproperty --mentorship-color-muted - Secondary text.
 * @cssproperty --mentorship-color-border - Borders of cards and fields.
 * @cssproperty --mentorship-color-danger - Errors, "Declined", the Withdraw confirmation.
 * @cssproperty --mentorship-color-success - "Active".
 * @cssproperty --mentorship-color-warning - "Pending", "Paused".
 * @cssproperty --mentorship-color-focus - Focus ring (defaults to the accent).
 * @cssproperty --mentorship-radius - Corner radius (8px).
 * @cssproperty --mentorship-space - Spacing unit (8px).
 * @cssproperty --mentorship-font - Font family (inherits the page's).
 * @cssproperty --mentorship-card-background - Card background.
 * @cssproperty --mentorship-card-border-color - Card border.
 * @cssproperty --mentorship-card-radius - Card corner radius.
 * @cssproperty --mentorship-card-padding - Card padding.
 * @cssproperty --mentorship-button-radius - Button corner radius.
 * @cssproperty --mentorship-button-primary-background - "Find a mentor" background.
 * @cssproperty --mentorship-button-primary-color - "Find a mentor" text.
 * @cssproperty --mentorship-chip-background - Skill chip background.
 * @cssproperty --mentorship-avatar-size - Avatar diameter (2.75rem).
 * @cssproperty --mentorship-status-waiting-color - "Pending" and "Paused" badges.
 * @cssproperty --mentorship-status-positive-color - "Accepted" and "Active" badges.
 * @cssproperty --mentorship-status-negative-color - "Declined" badge.
 * @cssproperty --mentorship-status-neutral-color - "Withdrawn" and "Expired" badges.
 * @cssproperty --mentorship-unread-badge-color - The unread messages badge (the accent by default).
 * @cssproperty --mentorship-status-info-color - "Completed" badges and other informational states (the accent by default).
 * @cssproperty --mentorship-progress-color - The progress bar on a mentorship card (the accent by default).
 */
export class MenteeDashboard extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, dashboardStyles, dashboardListStyles, calendarFeedStyles, notificationPreferencesStyles, toastStyles, menteeDashboardStyles];

  /**
   * Where mentor search lives in the portal, e.g. `/mentoring#find`. When set, "Find a mentor"
   * is a link there (it still fires `mentorship-find-mentor` first).
   */
  @property({ attribute: 'search-url' }) searchUrl = '';

  /** Leave the URL hash alone: the host routes from `mentorship-view-change` instead. */
  @property({ attribute: 'no-routing', type: Boolean }) noRouting = false;

  /** The request the withdraw dialog asks about. */
  @state() private confirming: MentorshipRequest | undefined = undefined;

  @query('#withdraw-dialog') private withdrawDialog!: HTMLDialogElement;

  readonly #dashboard = new MenteeDashboardController(this, { client: () => this.clientController.client });
  // List → detail, the hash, the workspace's code, toasts and the announcer.
  readonly #shell = new DashboardShellController(this, {
    role: 'mentee',
    client: () => this.clientController.client,
    ready: () => this.#dashboard.status === 'ready',
    find: (id) => this.#dashboard.mentorships.find((m) => m.id === id) ?? this.#dashboard.completed.find((m) => m.id === id),
    routing: () => !this.noRouting,
  });
  // Live: what the mentor does (answers, lifecycle) shows without a reload, and is announced.
  readonly #live = new LiveRefreshController<MenteeDashboardPart>(this, {
    source: () => this.clientController.client?.realtime,
    types: menteeLiveTypes,
    route: menteeLiveParts,
    describe: (event) => this.inOwnLanguage(() => describeMenteeEvent(event, this.#dashboard)),
    announce: (message) => this.#shell.announcer.announce(message),
    ready: () => this.#dashboard.withdrawing.size === 0,
    refresh: async (parts) => {
      const restoreFocus = keepFocusInList(this.renderRoot, '[part~="request"]:not([part~="history-request"])', () => this.renderRoot.querySelector('#requests-title'));
      const applied = await this.#dashboard.refresh(parts);
      if (parts.has('extras')) this.#summaries.invalidate();
      await this.updateComplete;
      restoreFocus();
      return applied;
    },
  });
  readonly #unread = new UnreadCountsController(this, { client: () => this.clientController.client });
  // Progress, next milestone and next meeting of each mentorship; feedback still to give.
  readonly #summaries = new MentorshipSummariesController(this, {
    feedback: true,
    source: () => {
      const client = this.clientController.client;
      const d = this.#dashboard;
      // Only the lists loaded for this client: a new viewer's must not be asked about the last one's.
      return client && d.status === 'ready' && d.loadedFor === client ? { client, open: d.mentorships, completed: d.completed } : undefined;
    },
  });
  readonly #withdrawModal = new ModalController(this, {
    dialog: () => this.withdrawDialog,
    onClosed: () => (this.confirming = undefined),
  });
  // Programmes the viewer is in as a mentee, and those they can join: its code loads after the first render.
  readonly #programmes = new ProgrammesSlot(this, {
    role: 'mentee',
    client: () => this.clientController.client,
    active: () => this.#dashboard.status === 'ready',
    headingLevel: () => this.headingLevelFor(1),
    notify: (message, tone) => this.#shell.toast.show({ message, tone }),
  });
  readonly #calendarFeed = new CalendarFeedController(this, {
    client: () => this.clientController.client,
    active: () => this.#dashboard.status === 'ready',
    announce: (message) => this.#shell.announcer.announce(message),
  });
  readonly #notificationPreferences = new NotificationPreferencesController(this, {
    client: () => this.clientController.client,
    active: () => this.#dashboard.status === 'ready',
    announce: (message) => this.#shell.announcer.announce(message),
  });

  /** The headless dashboard state, for portals that want to read it. */
  get dashboard(): MenteeDashboardController {
    return this.#dashboard;
  }

  /** The live stream's state: `open`, `reconnecting`, … (`idle` before it starts). */
  get liveStatus(): string {
    return this.#live.status;
  }

  /** Resolves once every live change received so far is shown (lists and unread badges). */
  async liveSettled(): Promise<void> {
    await Promise.all([this.#live.whenSettled(), this.#unread.whenSettled()]);
  }

  /** The headless state of the calendar subscription panel. */
  get calendarFeed(): CalendarFeedController {
    return this.#calendarFeed;
  }

  /** The headless state of the email notifications panel. */
  get notificationPreferences(): NotificationPreferencesController {
    return this.#notificationPreferences;
  }

  /** The headless list → detail state: which mentorship is open, on which tab (`view`), and `open()` / `back()`. */
  get shell(): DashboardShellController {
    return this.#shell;
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="base" ${ownLanguage(this.contentLanguage)}>
        ${dashboardContent(
          this.#shell,
          {
            backLabel: msg('Back to my mentoring'),
            headingLevel: this.headingLevelFor(0),
            wiring: { api: this.api, token: this.token, getToken: this.getToken, theme: this.theme },
            // A lifecycle change (paused, completed…) moves the card: load the lists again.
            updated: () => void this.#dashboard.reload(),
          },
          () => this.#renderBody(),
        )}
      </div>
      <dialog id="withdraw-dialog" part="dialog" class="dialog" ${ownLanguage(this.contentLanguage)} aria-labelledby="withdraw-title" aria-describedby="withdraw-description"
        @close=${this.#withdrawModal.handleClose} @keydown=${this.#withdrawModal.handleKeydown} @click=${this.#withdrawModal.handleClick}>
        ${this.confirming ? this.#renderWithdrawDialog(this.confirming) : nothing}
      </dialog>
    `;
  }

  #renderBody(): TemplateResult {
    const d = this.#dashboard;
    switch (d.status) {
      case 'idle':
        return shellStates.notConnected(msg('mentee dashboard'));
      case 'loading':
        return shellStates.loading(msg('Loading your requests and mentors…'));
      case 'error':
        return shellStates.error(msg('Your requests and mentors could not be loaded.'), d.error, () => void d.retry());
      case 'ready':
        return html`${heading(this.headingLevelFor(0), msg('My mentoring'), { part: 'title', class: 'dashboard-title' })}
          ${d.isEmpty
            ? this.#renderEmpty()
            : html`${d.mentorships.length ? nextUpSection(this.#nextUp(), this.headingLevelFor(1), this.#nextUpActions) : nothing}
                <div class="columns">${this.#renderRequests()} ${this.#renderMentorships()}</div>
                ${d.completed.length ? this.#renderCompleted() : nothing}`}
          ${this.#programmes.render()}
          ${settingsDisclosure(html`${calendarFeedPanel(this.#calendarFeed, this.headingLevelFor(1))} ${notificationPreferencesPanel(this.#notificationPreferences, this.headingLevelFor(1))}`)}`;
    }
  }

  /** The soonest meeting over all open mentorships, and the next milestone (soonest due first). */
  #nextUp(): NextUp {
    const open = this.#dashboard.mentorships;
    const meeting = this.#summaries.nextMeetingOf(open);
    const meetingOf = meeting ? open.find((m) => m.id === meeting.mentorshipId) : undefined;
    const milestones = open
      .map((mentorship) => ({ mentorship, milestone: this.#summaries.summaries.get(mentorship.id)?.nextMilestone ?? null }))
      .filter((x): x is { mentorship: MentorshipRecord; milestone: NonNullable<typeof x.milestone> } => x.milestone !== null)
      .sort((a, b) => (a.milestone.dueDate ?? '9999').localeCompare(b.milestone.dueDate ?? '9999'));
    return { meeting: meeting && meetingOf ? { meeting, mentorship: meetingOf } : undefined, milestone: milestones[0] };
  }

  #nextUpActions = {
    open: (mentorship: MentorshipRecord, tab: WorkspaceTab) => this.#shell.open(mentorship, tab),
    addToCalendar: (meeting: Meeting) => void this.#addToCalendar(meeting),
  };

  async #addToCalendar(meeting: Meeting): Promise<void> {
    const client = this.clientController.client;
    if (!client) return;
    try {
      await downloadMeetingIcs(client, meeting, this.renderRoot);
      this.#shell.toast.show({ message: this.inOwnLanguage(() => msg(str`Calendar file for “${meeting.title}” downloaded. Open it to add the meeting to your calendar.`)), tone: 'info' });
    } catch (error) {
      this.#shell.toast.show({ message: this.inOwnLanguage(() => `${msg('The calendar file could not be fetched.')} ${describeError(error)}`), tone: 'error' });
    }
  }

  #renderEmpty(): TemplateResult {
    return html`<div part="empty" class="notice">
      ${heading(this.headingLevelFor(1), msg('You have no mentors yet'), { class: 'empty-title' })}
      <p>${msg('Alumni mentors share what they have learned. Find one whose experience matches your goals and send a short request.')}</p>
      ${this.#renderFindMentor(msg('Find a mentor'), null)}
    </div>`;
  }

  #renderRequests(): TemplateResult {
    const d = this.#dashboard;
    const latestEnded = d.history[0] ?? null;
    const card = this.headingLevelFor(2);
    return html`
      <section part="section" class="section" aria-labelledby="requests-title">
        <div class="section-head">
          ${heading(this.headingLevelFor(1), msg('Requests'), { id: 'requests-title', tabindex: '-1' })}
          <p class="meta">${d.pending.length ? (d.pending.length === 1 ? msg('1 waiting for an answer') : msg(str`${formatNumber(d.pending.length)} waiting for an answer`)) : ''}</p>
        </div>
        ${d.pending.length
          ? html`<ul class="list" aria-label=${msg('Pending requests')}>
              ${repeat(d.pending, (r) => r.id, (r) => html`<li>
                ${pendingRequestCard(r, { busy: d.withdrawing.has(r.id), failure: d.failures.get(r.id), headingLevel: card }, this.#askWithdraw)}
              </li>`)}
            </ul>`
          : nothing}
        <div part="next-step" class="next-step">
          <p>${d.pending.length ? msg('You can ask other mentors while you wait.') : msg('No requests are waiting for an answer.')}</p>
          ${this.#renderFindMentor(msg('Find another mentor'), d.pending.length ? null : latestEnded)}
        </div>
        ${d.history.length
          ? html`<details part="history" class="history">
              <summary>${msg(str`Earlier requests (${d.history.length})`)}</summary>
              <ul class="list" aria-label=${msg('Earlier requests')}>
                ${repeat(d.history, (r) => r.id, (r) => html`<li>${historyRequestCard(r, d.failures.get(r.id), card)}</li>`)}
              </ul>
            </details>`
          : nothing}
      </section>
    `;
  }

  #renderMentorships(): TemplateResult {
    const { mentorships } = this.#dashboard;
    return html`
      <section part="section" class="section" aria-labelledby="mentors-title">
        ${heading(this.headingLevelFor(1), msg('Active mentorships'), { id: 'mentors-title', tabindex: '-1' })}
        ${mentorships.length
          ? html`<ul class="list" aria-label=${msg('Active mentorships')}>
              ${repeat(mentorships, (m) => m.id, (m) => html`<li>${this.#card(m)}</li>`)}
            </ul>`
          : html`<p part="empty" class="notice">${msg('No mentor yet. When a mentor accepts your request, they appear here.')}</p>`}
      </section>
    `;
  }

  #renderCompleted(): TemplateResult {
    const { completed } = this.#dashboard;
    const due = completed.filter((m) => this.#summaries.feedbackDue.has(m.id)).length;
    return html`
      <section part="section" class="section" aria-label=${msg('Completed mentorships')}>
        <details part="completed" class="disclosure">
          <summary id="completed-title">
            ${msg(str`Completed (${formatNumber(completed.length)})`)}
            ${due ? html`<span part="badge" class="badge badge--info">${due === 1 ? msg('1 waits for your feedback') : msg(str`${formatNumber(due)} wait for your feedback`)}</span>` : nothing}
          </summary>
          <p class="meta">${msg('Open a completed mentorship to read it back and, once, to leave feedback for your mentor.')}</p>
          <ul class="list" aria-label=${msg('Completed mentorships')}>
            ${repeat(completed, (m) => m.id, (m) => html`<li>${this.#card(m)}</li>`)}
          </ul>
        </details>
      </section>
    `;
  }

  #card(m: MentorshipRecord): TemplateResult {
    return mentorshipCard(m, m.mentor, {
      otherRole: 'mentor',
      headingLevel: this.headingLevelFor(2),
      unread: this.#unread.countFor(m.id),
      summary: this.#summaries.summaries.get(m.id),
      nextMeeting: this.#summaries.nextMeetings.get(m.id),
      feedbackDue: this.#summaries.feedbackDue.has(m.id),
      showMilestone: true,
      open: (mentorship) => this.#shell.open(mentorship),
    });
  }
  #renderFindMentor(label: string, request: MentorshipRequest | null): TemplateResult {
    const onClick = (e: Event) => {
      if (!emit(this, 'mentorship-find-mentor', { request }, { cancelable: true })) e.preventDefault();
    };
    return this.searchUrl
      ? html`<a part="button find-mentor" class="button button--primary" href=${this.searchUrl} @click=${onClick}>${label}</a>`
      : html`<button part="button find-mentor" class="button button--primary" type="button" @click=${onClick}>${label}</button>`;
  }

  #renderWithdrawDialog(request: MentorshipRequest): TemplateResult {
    const name = request.mentor.name;
    return html`
      <div class="dialog-panel">
        <h2 id="withdraw-title">${msg(str`Withdraw your request to ${name}?`)}</h2>
        <p id="withdraw-description">${msg(str`${name} will no longer see it. You can send a new request later if they are still taking mentees.`)}</p>
        <div class="dialog-foot">
          <button part="button cancel-button" class="button" type="button" autofocus @click=${() => this.#withdrawModal.close()}>${msg('Keep request')}</button>
          <button part="button confirm-button" class="button button--danger" type="button" @click=${this.#confirmWithdraw}>${msg('Withdraw request')}</button>
        </div>
      </div>
    `;
  }

  #askWithdraw = (request: MentorshipRequest, trigger: HTMLElement) => {
    this.confirming = request;
    void this.#withdrawModal.open(trigger);
  };

  #confirmWithdraw = async () => {
    const request = this.confirming;
    if (!request) return;
    const index = this.#dashboard.pending.findIndex((r) => r.id === request.id);
    // The card leaves the list at once, so focus moves to its neighbour (or the heading).
    this.#withdrawModal.close(() => this.#neighbourOf(index));
    const outcome = await this.#dashboard.withdraw(request);
    if (outcome.ok) {
      const name = request.mentor.name;
      this.#shell.toast.show({ message: this.inOwnLanguage(() => msg(str`Your request to ${name} was withdrawn.`)) });
      emit(this, 'mentorship-request-withdrawn', { request: outcome.request });
    } else {
      this.#shell.toast.show({ message: outcome.message, tone: 'error' });
    }
  };

  #neighbourOf(index: number): HTMLElement | null {
    const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="request"]:not([part~="history-request"])')];
    return cards[Math.min(index, cards.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#requests-title');
  }
}
