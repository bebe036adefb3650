import type { AdminMentor, MentorApplication, ProgrammeStats } from '@mentorkit/contract';
import { applicationStatuses, type ApplicationStatus, type MentorStatus } from '@mentorkit/contract/values';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LiveRefreshController } from '../../controllers/live-refresh.controller.js';
import { ResourceController } from '../../controllers/resource.controller.js';
import { ViewerController } from '../../controllers/viewer.controller.js';
import { notificationText } from '../notification-list/notification-text.js';
import { emit } from '../../events.js';
import { describeError } from '../../internal/error-message.js';
import { wrapTabFocus } from '../../internal/focus-trap.js';
import { MentorkitElement } from '../../internal/mentorkit-element.js';
import { ownLanguage } from '../../internal/own-language.directive.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { tokenStyles } from '../../styles/tokens.styles.js';
import { actionDialog, textRequired, type DialogAction, type DialogState } from './action-dialog.template.js';
import { formatNumber as n } from '../../internal/localization-intl.js';
import { applicationStatusLabel, applicationStatusPhrase } from './admin-format.js';
import { checkingNotice, emptyNotice, errorNotice, forbiddenNotice, loadMore } from './admin-states.template.js';
import { adminTabLabels, adminTabs, isAdminTab, tabForKey, type AdminTab } from './admin-tabs.js';
import { applicationCard, applicationSkeleton } from './application-card.template.js';
import { ApplicationsController, type ApplicationDecision } from './applications.controller.js';
import { mentorTable, mentorTableSkeleton } from './mentor-table.template.js';
import { MentorsController } from './mentors.controller.js';
import type { MentorApplicationDecidedDetail } from '../../events.js';
import { mentorshipAdminStyles } from './mentorship-admin.styles.js';
import { overviewSkeleton, overviewView } from './overview.template.js';
import type { ProgrammesPanel } from './programmes.controller.js';

/** The Programmes tab, loaded the first time it is shown. */
type ProgrammesKit = typeof import('./programmes.kit.js');

const SKELETON_CARDS = 3;

const decisionAnnouncements: Record<ApplicationDecision, (name: string) => string> = {
  approved: (name) => msg(str`Approved ${name} as a mentor. They have been told.`),
  changes_requested: (name) => msg(str`Asked ${name} for changes. The application is back with them.`),
  rejected: (name) => msg(str`Rejected ${name}’s application. They have been told why.`),
};

const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

interface Announcement {
  text: string;
  tone: 'success' | 'error';
}

/**
 * @summary The mentoring programme's back office: review mentor applications, suspend and
 * reactivate mentors, read the programme's numbers, and run programmes (cohorts).
 *
 * @description Four tabs (WAI-ARIA tabs: arrow keys, Home and End move between them, and each
 * tab loads the first time it is shown). **Applications** is the review queue, oldest first,
 * with Approve / Request changes / Reject in a modal dialog that asks for notes (required when
 * rejecting or requesting changes). **Mentors** is the roster with name search, status filter,
 * Suspend (with a required reason; waiting requests are declined, running mentorships go on) and
 * Reactivate. **Overview** shows the numbers and a chart of requests and acceptances per week.
 * **Programmes** (its code loads the first time the tab opens) lists the programmes, creates and
 * edits them in a dialog form, and opens one in detail: its enrolments, for admin-matched
 * programmes "Suggest matches" (pairs with score and reasons to remove or re-pair before
 * confirming the introductions), and its report with a chart, the mentorships at risk and a CSV.
 * New applications arrive live (the queue and the numbers load again in place, and the arrival is
 * announced).
 *
 * Works under a `<mentorship-provider>` or alone with `api` plus `token`/`getToken`. It first
 * reads the viewer's roles (`GET /me`, shared with the other elements on the client) and, for
 * anyone without the admin role, only says that this area is for programme administrators,
 * without asking the server for any of it. Each applicant's name is a heading at `heading-level`
 * (2 by default: the element has no title of its own), the parts of an application one below. Results of actions are announced in a live region and shown beside the tabs. It lays
 * itself out by its own width: below 35rem the mentor table becomes one card per mentor.
 *
 * @fires mentor-application-decided - `{ applicationId, applicantId, decision, notes, application }`
 *   after the server accepted a decision (`decision` is `approved`, `rejected` or `changes_requested`).
 * @fires mentor-suspended - `{ mentorId, reason, declinedRequests }` after a mentor was suspended.
 * @fires mentor-reactivated - `{ mentorId }` after a suspended mentor was reactivated.
 *
 * @csspart base - The wrapper of everything.
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart tab-selected - The selected tab (with `tab`).
 * @csspart panel - A tab panel.
 * @csspart announcer - The line that reports the result of the last action (a live region).
 * @csspart news - A visually hidden live region that reports applications as they arrive.
 * @csspart toolbar - A panel's filters.
 * @csspart summary - A panel's live count line.
 * @csspart applications - The list of applications.
 * @csspart card - An application, and its loading skeleton.
 * @csspart skeleton - A loading placeholder.
 * @csspart avatar - An applicant's initials.
 * @csspart badge - A status badge (text plus colour).
 * @csspart chip - An expertise chip.
 * @csspart button - Every button.
 * @csspart approve-button - "Approve" on an application.
 * @csspart request-changes-button - "Request changes" on an application.
 * @csspart reject-button - "Reject" on an application.
 * @csspart mentors-table - The mentor table (cards at narrow widths).
 * @csspart row - A mentor's row.
 * @csspart suspend-button - "Suspend…" on a mentor.
 * @csspart reactivate-button - "Reactivate" on a suspended mentor.
 * @csspart numbers - The programme's figures.
 * @csspart number - One figure.
 * @csspart chart - The weekly chart with its caption.
 * @csspart chart-data - The chart's numbers as a table (visually hidden).
 * @csspart load-more - "Load more …".
 * @csspart empty - An empty state.
 * @csspart error - An error message with its Retry button.
 * @csspart retry-button - Retry after an error.
 * @csspart forbidden - The notice for people who are not programme administrators.
 * @csspart own-application - On the admin's own application: why it offers no decision (another admin must decide it).
 * @csspart checking - The placeholder while the viewer's roles are read.
 * @csspart dialog - The decision and suspension dialog, and the programme form's dialog.
 * @csspart programme-dialog - The programme form's dialog (with `dialog`).
 * @csspart field-error - A message beside a form field saying what the server refused.
 * @csspart slug - A programme's address on its edit form.
 * @csspart new-programme-button - "New programme".
 * @csspart programmes-table - The programme list (cards at narrow widths).
 * @csspart programme-row - A programme's row (with `row`).
 * @csspart open-programme-button - A programme's name, which opens it.
 * @csspart edit-programme-button - "Edit…" on a programme.
 * @csspart programme-detail - One programme, in place of the list.
 * @csspart back-button - "All programmes", back to the list.
 * @csspart programme-summary - The open programme's dates, settings and Edit.
 * @csspart enrolments - Its enrolled mentors and mentees.
 * @csspart matching - Its match suggestions (admin-matched programmes).
 * @csspart suggest-button - "Suggest matches".
 * @csspart pairs-table - The suggested pairs.
 * @csspart pair-row - A suggested pair (with `row`).
 * @csspart remove-pair-button - "Remove" on a pair.
 * @csspart confirm-matches-button - "Confirm N introductions".
 * @csspart matching-outcome - How many introductions were sent, and the pairs refused.
 * @csspart report - The programme's report.
 * @csspart at-risk - The report's mentorships at risk.
 * @csspart download-csv-button - "Download CSV".
 * @csspart textarea - The dialog's notes or reason field.
 * @csspart cancel-button - The dialog's Cancel.
 * @csspart confirm-button - The dialog's confirming button.
 *
 * @cssproperty --mentorship-color-accent - Selected tab, primary buttons, links, focus ring, accepted bars.
 * @cssproperty --mentorship-color-on-accent - Text on the accent and danger colours.
 * @cssproperty --mentorship-color-background - Behind the element (transparent in light mode, so the page shows; painted in dark mode).
 * @cssproperty --mentorship-color-surface - Card, table and dialog background.
 * @cssproperty --mentorship-color-text - Body text.
 * @cssproperty --mentorship-color-muted - Secondary text, request bars.
 * @cssproperty --mentorship-color-border - Borders of cards, tables, fields and chips.
 * @cssproperty --mentorship-color-danger - Errors, Reject and Suspend, the "Suspended" and "Rejected" badges.
 * @cssproperty --mentorship-color-success - The "Active" and "Approved" badges.
 * @cssproperty --mentorship-color-warning - The "Pending review" and "Changes requested" badges.
 * @cssproperty --mentorship-color-focus - Focus ring (defaults to the accent).
 * @cssproperty --mentorship-radius - Corner radius (8px).
 * @cssproperty --mentorship-space - Spacing unit (8px).
 * @cssproperty --mentorship-font - Font family (inherits the page's).
 * @cssproperty --mentorship-card-background - Application card, mentor card and figure background.
 * @cssproperty --mentorship-card-border-color - Card border.
 * @cssproperty --mentorship-card-radius - Card corner radius.
 * @cssproperty --mentorship-card-padding - Card padding.
 * @cssproperty --mentorship-button-radius - Button corner radius.
 * @cssproperty --mentorship-button-background - Button background.
 * @cssproperty --mentorship-button-color - Button text.
 * @cssproperty --mentorship-button-border-color - Button border.
 * @cssproperty --mentorship-button-primary-background - Approve and other primary buttons.
 * @cssproperty --mentorship-button-primary-color - Text on primary buttons.
 * @cssproperty --mentorship-button-danger-background - Reject application and Suspend mentor.
 * @cssproperty --mentorship-button-danger-color - Text on those buttons.
 * @cssproperty --mentorship-field-border-color - Border of fields.
 * @cssproperty --mentorship-chip-background - Expertise chip background.
 * @cssproperty --mentorship-chip-border-color - Expertise chip border.
 * @cssproperty --mentorship-tab-indicator-color - The selected tab's underline (defaults to the accent).
 * @cssproperty --mentorship-chart-requests-color - Request bars (defaults to the muted colour).
 * @cssproperty --mentorship-chart-accepted-color - Accepted bars (defaults to the accent).
 */
export class MentorshipAdmin extends MentorkitElement {
  static override styles = [tokenStyles, sharedStyles, mentorshipAdminStyles];

  /** The selected tab: `applications`, `mentors`, `overview` or `programmes`. It follows the admin's choice. */
  @property({ reflect: true }) tab: AdminTab = 'applications';

  /** Applications and mentors per page, 1–100. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private dialogState: DialogState | undefined = undefined;
  @state() private announcement: Announcement | undefined = undefined;
  @state() private news = '';

  @query('#action-dialog') private dialog!: HTMLDialogElement;

  /** Tabs shown at least once: each loads on first view, and keeps its state afterwards. */
  readonly #visited = new Set<AdminTab>();
  /** Bumped by approvals (the roster gains a mentor) and by every action (the numbers change). */
  #approvals = 0;
  #actions = 0;
  /** The control that opened the dialog, focused again when it closes. */
  #returnFocus: HTMLElement | undefined;

  /** Who is signed in: nothing under `/admin` is asked for until the viewer is known to be an admin. */
  readonly #viewer = new ViewerController(this, { client: () => this.clientController.client });

  get #admin(): boolean {
    return this.#viewer.has('admin');
  }

  readonly #applications = new ApplicationsController(this, {
    client: () => this.clientController.client,
    enabled: () => this.#admin && this.#visited.has('applications'),
    pageSize: () => this.#pageSize,
  });

  readonly #mentors = new MentorsController(this, {
    client: () => this.clientController.client,
    enabled: () => this.#admin && this.#visited.has('mentors'),
    pageSize: () => this.#pageSize,
    revision: () => this.#approvals,
  });

  readonly #stats = new ResourceController<ProgrammeStats, [MentorkitClient, number]>(this, {
    args: () => {
      const client = this.clientController.client;
      return client && this.#admin && this.#visited.has('overview') ? [client, this.#actions] : undefined;
    },
    task: ([client], { signal }) => client.admin.stats({ signal }),
  });

  /**
   * Applications arrive live: every admin is told of one waiting for review
   * (`application.submitted`), and the queue and the numbers load again without a skeleton.
   * A decision dialog that is open holds the refresh back until it closes.
   */
  readonly #live = new LiveRefreshController<'applications' | 'overview'>(this, {
    source: () => (this.#admin ? this.clientController.client?.realtime : undefined),
    types: ['notification.created'],
    route: (event) => (event.type === 'notification.created' && event.data.kind === 'application.submitted' ? ['applications', 'overview'] : undefined),
    describe: (event) => (event.type === 'notification.created' ? this.inOwnLanguage(() => notificationText(event.data)) : undefined),
    // Arrivals have a live region of their own, so news from others never replaces the result of
    // the admin's own last action before they have read it.
    announce: (text) => void this.#announceNews(text),
    ready: () => this.dialogState === undefined,
    refresh: async (parts) => {
      if (parts.has('overview')) {
        this.#actions++;
        this.requestUpdate();
      }
      if (parts.has('applications')) await this.#applications.list.refresh();
    },
  });

  /** The live stream's state: `open`, `reconnecting`, … (`idle` before it starts). */
  get liveStatus(): string {
    return this.#live.status;
  }

  /** Resolves once every live change received so far is shown. */
  liveSettled(): Promise<void> {
    return this.#live.whenSettled();
  }

  /** The headless review queue, for portals that want to read it. */
  get applications(): ApplicationsController {
    return this.#applications;
  }

  /** The headless mentor roster. */
  get mentors(): MentorsController {
    return this.#mentors;
  }

  /** The programme numbers once loaded. */
  get stats(): ProgrammeStats | undefined {
    return this.#stats.value;
  }

  get #selected(): AdminTab {
    return isAdminTab(this.tab) ? this.tab : 'applications';
  }

  get #pageSize(): number {
    return Math.min(100, Math.max(1, Math.round(this.pageSize) || 20));
  }

  /**
   * Not an admin: known from the roles, or from a 403 on any tab (the role was taken away while
   * the page was open), which every tab would then say too.
   */
  get #forbidden(): boolean {
    return (this.#viewer.status === 'ready' && !this.#admin) || [
      this.#applications.list.error,
      this.#mentors.list.error,
      this.#stats.status === 'error' ? this.#stats.error : undefined,
      this.#programmes?.list.error,
    ].some(isForbidden);
  }

  protected override willUpdate(): void {
    // Before the controllers' hostUpdate: a tab shown for the first time starts loading in this update.
    this.#visited.add(this.#selected);
    if (this.#selected === 'programmes' && this.#admin && !this.#programmesLoading) this.#loadProgrammes();
  }

  /** The Programmes tab's module, once loaded, and its controller. */
  #programmesKit: ProgrammesKit | undefined;
  #programmes: ProgrammesPanel | undefined;
  #programmesLoading: Promise<void> | undefined;
  #programmesLoadError: unknown;

  /** The Programmes tab (list, form, detail, matching, report) once its module has loaded. */
  get programmes(): ProgrammesPanel | undefined {
    return this.#programmes;
  }

  #loadProgrammes(): void {
    this.#programmesLoadError = undefined;
    this.#programmesLoading = import('./programmes.kit.js').then(
      (kit) => {
        kit.adoptProgrammesStyles(this.renderRoot as ShadowRoot);
        this.#programmesKit = kit;
        this.#programmes = new kit.ProgrammesPanel(this, {
          client: () => this.clientController.client,
          enabled: () => this.#admin && this.#visited.has('programmes'),
          pageSize: () => this.#pageSize,
          announce: (text, tone) => void this.#announce(this.inOwnLanguage(text), tone),
          root: () => this.renderRoot as ShadowRoot,
        });
        this.requestUpdate();
      },
      (error: unknown) => {
        // Kept (not cleared) so the next update does not try again by itself: Retry does.
        this.#programmesLoadError = error;
        this.requestUpdate();
      },
    );
  }

  override render(): TemplateResult {
    const connected = this.clientController.client !== undefined;
    return html`
      <div part="base" class="base" ${ownLanguage(this.contentLanguage)}>
        <div part="announcer" class="announcer ${this.announcement ? `announcer--${this.announcement.tone}` : ''}" role="status">${this.announcement?.text ?? ''}</div>
        <div part="news" class="visually-hidden" role="status">${this.news}</div>
        ${!connected
          ? html`<div part="error" class="notice">
              <p>${msg('Programme administration is not connected.')} ${msg(html`Give it an <code>api</code> attribute or place it inside <code>&lt;mentorship-provider&gt;</code>.`)}</p>
            </div>`
          : this.#forbidden
            ? forbiddenNotice()
            : this.#renderRoleCheck()}
        <dialog part="dialog" id="action-dialog" class="dialog" aria-labelledby="dialog-title" aria-describedby="dialog-description"
          @close=${this.#onDialogClose} @click=${this.#onDialogClick} @keydown=${(e: KeyboardEvent) => wrapTabFocus(e, this.dialog)}>
          ${this.dialogState
            ? actionDialog(this.dialogState, {
                input: this.#onDialogInput,
                submit: this.#onDialogSubmit,
                cancel: () => this.dialog.close(),
              }, this.headingLevelFor(0))
            : nothing}
        </dialog>
        ${this.#programmes && this.#programmesKit ? this.#programmesKit.programmeDialogView(this.#programmes, this.headingLevelFor(0)) : nothing}
      </div>
    `;
  }

  /** The tabs once the viewer is known to be an admin; until then a placeholder, or why the check failed. */
  #renderRoleCheck(): TemplateResult {
    switch (this.#viewer.status) {
      case 'ready':
        return this.#renderTabs();
      case 'error':
        return errorNotice(msg('Programme administration could not be opened.'), this.#viewer.error, () => this.#viewer.retry());
      default:
        return checkingNotice();
    }
  }

  #renderTabs(): TemplateResult {
    const selected = this.#selected;
    return html`
      <div part="tabs" class="tabs" role="tablist" aria-label=${msg('Mentoring programme administration')} @keydown=${this.#onTabKeydown}>
        ${adminTabs.map(
          (t) => html`<button part=${t === selected ? 'tab tab-selected' : 'tab'} class="tab" role="tab" type="button" id="tab-${t}"
            aria-selected=${t === selected ? 'true' : 'false'} aria-controls="panel-${t}" tabindex=${t === selected ? '0' : '-1'}
            @click=${() => this.#select(t)}>${adminTabLabels[t]}</button>`,
        )}
      </div>
      ${adminTabs.map(
        (t) => html`<section part="panel" class="panel" role="tabpanel" id="panel-${t}" aria-labelledby="tab-${t}" tabindex="0" ?hidden=${t !== selected}>
          ${this.#visited.has(t) ? this.#renderPanel(t) : nothing}
        </section>`,
      )}
    `;
  }

  #renderPanel(tab: AdminTab): TemplateResult {
    switch (tab) {
      case 'applications':
        return this.#renderApplications();
      case 'mentors':
        return this.#renderMentors();
      case 'overview':
        return this.#renderOverview();
      case 'programmes':
        return this.#renderProgrammes();
    }
  }

  #renderApplications(): TemplateResult {
    const { list, status } = this.#applications;
    const phrase = applicationStatusPhrase(status);
    let summary = '';
    if (list.status === 'loading') summary = msg('Loading applications…');
    else if (list.status === 'ready' && list.items.length) {
      const count = n(list.items.length);
      const one = list.items.length === 1;
      if (list.hasMore) summary = one ? msg(str`First 1 application ${phrase}, oldest first`) : msg(str`First ${count} applications ${phrase}, oldest first`);
      else summary = one ? msg(str`1 application ${phrase}, oldest first`) : msg(str`${count} applications ${phrase}, oldest first`);
    }
    return html`
      <div part="toolbar" class="toolbar">
        <div class="field">
          <label for="application-status">${msg('Status')}</label>
          <select id="application-status" @change=${(e: Event) => (this.#applications.status = (e.target as HTMLSelectElement).value as ApplicationStatus)}>
            ${applicationStatuses.map((s) => html`<option value=${s} ?selected=${s === status}>${applicationStatusLabel(s)}</option>`)}
          </select>
        </div>
        <p part="summary" class="summary" role="status">${summary}</p>
      </div>
      ${this.#renderApplicationList()}
    `;
  }

  #renderApplicationList(): TemplateResult {
    const { list, status } = this.#applications;
    switch (list.status) {
      case 'idle':
      case 'loading':
        return html`<ul part="applications" class="list" aria-busy="true" aria-label=${msg('Applications')}>
          ${Array.from({ length: SKELETON_CARDS }, () => html`<li>${applicationSkeleton}</li>`)}
        </ul>`;
      case 'error':
        return errorNotice(msg('Applications could not be loaded.'), list.error, () => void list.retry());
      case 'ready':
        break;
    }
    if (!list.items.length) {
      return status === 'pending'
        ? emptyNotice(msg('No applications are waiting for review.'), msg('New applications appear here, oldest first. Applicants you asked for changes show up again once they resubmit.'), {
            label: msg('Show applications with changes requested'),
            run: () => (this.#applications.status = 'changes_requested'),
          })
        : emptyNotice(msg(str`No applications ${applicationStatusPhrase(status)}.`), msg('Choose another status to see other applications.'), {
            label: msg('Show applications waiting for review'),
            run: () => (this.#applications.status = 'pending'),
          });
    }
    return html`
      <ul part="applications" class="list" aria-label=${msg('Applications')}>
        ${repeat(list.items, (a) => a.id, (a) => html`<li>${applicationCard(a, this.#openDecision, this.headingLevelFor(0), this.#viewer.me?.user.id)}</li>`)}
      </ul>
      ${loadMore(
        { error: list.loadMoreError, hasMore: list.hasMore, loading: list.loadingMore, label: msg('Load more applications'), loadingLabel: msg('Loading more applications…') },
        () => void this.#loadMore(this.#applications.list.loadMore(), (a) => `[data-application-id="${CSS.escape(a.id)}"]`),
      )}
    `;
  }

  #renderMentors(): TemplateResult {
    const m = this.#mentors;
    const { list, filters } = m;
    let summary = '';
    if (list.status === 'loading') summary = msg('Loading mentors…');
    else if (list.status === 'ready' && list.items.length) {
      const count = n(list.items.length);
      const one = list.items.length === 1;
      if (list.hasMore) summary = one ? msg('First 1 mentor') : msg(str`First ${count} mentors`);
      else summary = one ? msg('1 mentor') : msg(str`${count} mentors`);
    }
    return html`
      <form part="toolbar" class="toolbar" role="search" aria-label=${msg('Mentors')} @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        m.flushQuery();
      }}>
        <div class="field field--grow">
          <label for="mentor-q">${msg('Search by name')}</label>
          <input id="mentor-q" type="search" autocomplete="off" .value=${filters.q} @input=${(e: InputEvent) => m.setQuery((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="mentor-status">${msg('Status')}</label>
          <select id="mentor-status" @change=${(e: Event) => m.setFilters({ status: (e.target as HTMLSelectElement).value as MentorStatus | '' })}>
            <option value="" ?selected=${filters.status === ''}>${msg('All mentors')}</option>
            <option value="active" ?selected=${filters.status === 'active'}>${msg('Active')}</option>
            <option value="suspended" ?selected=${filters.status === 'suspended'}>${msg('Suspended')}</option>
          </select>
        </div>
        <p part="summary" class="summary" role="status">${summary}</p>
      </form>
      ${this.#renderMentorList()}
    `;
  }

  #renderMentorList(): TemplateResult {
    const m = this.#mentors;
    const { list, filters } = m;
    switch (list.status) {
      case 'idle':
      case 'loading':
        return mentorTableSkeleton;
      case 'error':
        return errorNotice(msg('Mentors could not be loaded.'), list.error, () => void list.retry());
      case 'ready':
        break;
    }
    if (!list.items.length) {
      const q = filters.q.trim();
      if (q || filters.status) {
        const title = q
          ? msg(str`No mentors match “${q}”.`)
          : filters.status === 'active'
            ? msg('No active mentors.')
            : msg('No suspended mentors.');
        return emptyNotice(title, msg('Try another name or status.'), {
          label: msg('Show all mentors'),
          run: () => {
            m.setFilters({ q: '', status: '' });
            this.renderRoot.querySelector<HTMLInputElement>('#mentor-q')?.focus();
          },
        });
      }
      return emptyNotice(msg('No mentors yet.'), msg('Mentors appear here once you approve their applications.'), {
        label: msg('Review applications'),
        run: () => this.#select('applications', true),
      });
    }
    return html`
      <div class="table-wrap">
        ${mentorTable(list.items, {
          suspend: (mentor, trigger) => void this.#openDialog({ kind: 'suspend', mentor }, trigger),
          reactivate: (mentor) => void this.#reactivate(mentor),
          pendingAction: (id) => m.pendingAction(id),
        })}
      </div>
      ${loadMore(
        { error: list.loadMoreError, hasMore: list.hasMore, loading: list.loadingMore, label: msg('Load more mentors'), loadingLabel: msg('Loading more mentors…') },
        () => void this.#loadMore(this.#mentors.list.loadMore(), (mentor) => `[data-mentor-id="${CSS.escape(mentor.person.id)}"] th`),
      )}
    `;
  }

  #renderProgrammes(): TemplateResult {
    const panel = this.#programmes;
    if (panel && this.#programmesKit) return this.#programmesKit.programmesPanelView(panel, this.headingLevelFor(0));
    if (this.#programmesLoadError !== undefined) {
      return errorNotice(msg('Programmes could not be loaded.'), this.#programmesLoadError, () => this.#loadProgrammes());
    }
    return html`<p class="visually-hidden" role="status">${msg('Loading programmes…')}</p>${mentorTableSkeleton}`;
  }

  #renderOverview(): TemplateResult {
    const { status, value, error } = this.#stats;
    if (status === 'error') return errorNotice(msg('Programme numbers could not be loaded.'), error, () => void this.#stats.retry());
    // A reload after an action keeps the numbers on screen instead of flashing the skeleton.
    if (value) return this.#renderStats(value);
    return html`<p class="visually-hidden" role="status">${msg('Loading programme numbers…')}</p>${overviewSkeleton}`;
  }

  #renderStats(stats: ProgrammeStats): TemplateResult {
    const quiet = stats.applications.total === 0 && stats.requests.total === 0 && stats.mentors.active === 0;
    if (quiet) {
      return emptyNotice(msg('No programme activity yet.'), msg('Numbers and the weekly chart appear once alumni apply to mentor and mentees send requests.'), {
        label: msg('Review applications'),
        run: () => this.#select('applications', true),
      });
    }
    return overviewView(stats);
  }

  #select(tab: AdminTab, focus = false): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKeydown = (e: KeyboardEvent) => {
    const next = tabForKey(e.key, this.#selected, getComputedStyle(this).direction === 'rtl' ? 'rtl' : 'ltr');
    if (!next) return;
    e.preventDefault();
    // Selection follows focus: each panel shows at once (a skeleton while it loads).
    this.#select(next, true);
  };

  /** After "Load more", keyboard users continue from the first new item instead of the end of the list. */
  async #loadMore<T>(loading: Promise<T[]>, selector: (item: T) => string): Promise<void> {
    const first = (await loading)[0];
    if (first === undefined) return;
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector(first));
    if (target && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target?.focus();
  }

  async #announce(text: string, tone: Announcement['tone'] = 'success'): Promise<void> {
    // Emptied first, so the same message twice in a row is still read out.
    this.announcement = undefined;
    await this.updateComplete;
    this.announcement = { text, tone };
  }

  async #announceNews(text: string): Promise<void> {
    this.news = '';
    await this.updateComplete;
    this.news = text;
  }

  #openDecision = (application: MentorApplication, decision: ApplicationDecision, trigger: HTMLElement) =>
    void this.#openDialog({ kind: 'decide', decision, application }, trigger);

  async #openDialog(action: DialogAction, trigger: HTMLElement): Promise<void> {
    this.#returnFocus = trigger;
    this.dialogState = { action, text: '', invalid: false, busy: false, error: undefined };
    await this.updateComplete;
    // Modal: the page behind is inert, Escape cancels, and the notes field takes focus (autofocus).
    if (!this.dialog.open) this.dialog.showModal();
  }

  #onDialogInput = (text: string) => {
    const current = this.dialogState;
    if (!current) return;
    this.dialogState = { ...current, text, invalid: current.invalid && text.trim() === '' };
  };

  #onDialogSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const current = this.dialogState;
    if (!current || current.busy) return;
    const { action } = current;
    const text = current.text.trim();
    if (textRequired(action) && !text) {
      this.dialogState = { ...current, invalid: true, error: undefined };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#dialog-text')?.focus();
      return;
    }
    this.dialogState = { ...current, busy: true, invalid: false, error: undefined };
    try {
      const fallbackFocus = action.kind === 'decide' ? await this.#decide(action.application, action.decision, text) : await this.#suspend(action.mentor, text);
      this.#actions++;
      this.#finishDialog(action, fallbackFocus);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_transition') {
        void (action.kind === 'decide' ? this.#applications.list.reload() : this.#mentors.list.reload());
      }
      if (this.dialogState?.action === action) this.dialogState = { ...this.dialogState, busy: false, error };
      else void this.#announce(this.inOwnLanguage(() => `${msg('That did not work.')} ${describeError(error)}`), 'error');
    }
  };

  /** Decides, announces and tells the portal; returns where focus goes now that the card is gone. */
  async #decide(application: MentorApplication, decision: ApplicationDecision, notes: string): Promise<() => HTMLElement | null> {
    const list = this.#applications.list;
    const index = list.items.findIndex((a) => a.id === application.id);
    const updated = await this.#applications.decide(application, decision, notes);
    if (decision === 'approved') this.#approvals++;
    void this.#announce(this.inOwnLanguage(() => decisionAnnouncements[decision](application.applicant.name)));
    const detail: MentorApplicationDecidedDetail = { applicationId: updated.id, applicantId: updated.userId, decision, notes, application: updated };
    emit(this, 'mentor-application-decided', detail);
    // The next application in the queue, else the one before, else the panel itself.
    return () => {
      const next = list.items[index] ?? list.items[index - 1];
      return (
        (next && this.renderRoot.querySelector<HTMLElement>(`[data-application-id="${CSS.escape(next.id)}"]`)) ||
        this.renderRoot.querySelector<HTMLElement>('#panel-applications')
      );
    };
  }

  async #suspend(mentor: AdminMentor, reason: string): Promise<() => HTMLElement | null> {
    const { declinedRequests } = await this.#mentors.suspend(mentor, reason);
    const name = mentor.person.name;
    void this.#announce(
      this.inOwnLanguage(() => {
        const declined =
          declinedRequests === 0
            ? msg('No requests were waiting.')
            : declinedRequests === 1
              ? msg('1 waiting request was declined.')
              : msg(str`${n(declinedRequests)} waiting requests were declined.`);
        return msg(str`Suspended ${name}. ${declined} Running mentorships continue.`);
      }),
    );
    emit(this, 'mentor-suspended', { mentorId: mentor.person.id, reason, declinedRequests });
    return () => this.renderRoot.querySelector<HTMLElement>('#panel-mentors');
  }

  /** Closes the dialog after success; focus goes back to the trigger, or somewhere sensible if it is gone. */
  #finishDialog(action: DialogAction, fallback: () => HTMLElement | null): void {
    void this.updateComplete.then(() => {
      const trigger = this.#returnFocus?.isConnected ? this.#returnFocus : fallback() ?? undefined;
      if (this.dialogState?.action === action) {
        this.#returnFocus = trigger;
        this.dialog.close();
      } else if (document.activeElement === document.body) {
        // The admin closed the dialog while it was saving, and focus went down with the removed card.
        trigger?.focus();
      }
    });
  }

  async #reactivate(mentor: AdminMentor): Promise<void> {
    try {
      await this.#mentors.reactivate(mentor);
      this.#actions++;
      const name = mentor.person.name;
      void this.#announce(this.inOwnLanguage(() => msg(str`Reactivated ${name}. They appear in mentor search again.`)));
      emit(this, 'mentor-reactivated', { mentorId: mentor.person.id });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_transition') void this.#mentors.list.reload();
      const name = mentor.person.name;
      void this.#announce(this.inOwnLanguage(() => `${msg(str`${name} could not be reactivated.`)} ${describeError(error)}`), 'error');
    }
  }

  #onDialogClick = (e: MouseEvent) => {
    // The dialog has no padding, so a click on the element itself is a click on the backdrop.
    if (e.target === this.dialog) this.dialog.close();
  };

  #onDialogClose = () => {
    this.dialogState = undefined;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    if (target?.isConnected) target.focus();
  };
}
