import { msg } from '@lit/localize';
import type { Mentorship } from '@mentorkit/contract';
import { ApiError, type MentorkitClient } from '@mentorkit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../../events.js';
import { HashRouteController, readHashParams } from '../../internal/hash-route.js';
import { asWorkspaceTab, type WorkspaceTab } from '../../internal/workspace-tab.js';
import { ElementLoaderController } from '../../controllers/element-loader.controller.js';
import { AnnouncerController } from './announcer.controller.js';
import { ToastController } from './toast.controller.js';


/**
 * What a dashboard shows: its lists, one mentorship's workspace (detail), a deep link being
 * checked, or a deep link to a mentorship that does not exist or is not the viewer's.
 */
export type DashboardView =
  | { kind: 'list' }
  | { kind: 'detail'; mentorship: Mentorship; tab: WorkspaceTab }
  | { kind: 'checking'; mentorshipId: string; tab: WorkspaceTab }
  | { kind: 'not-found'; mentorshipId: string };

export interface DashboardShellOptions {
  /** The viewer's role in the mentorships this dashboard opens. */
  role: 'mentor' | 'mentee';
  client: () => MentorkitClient | undefined;
  /** Whether the dashboard's lists are loaded (a deep link waits for them). */
  ready: () => boolean;
  /** A mentorship of the dashboard's lists by id (the viewer has the dashboard's role in it). */
  find: (id: string) => Mentorship | undefined;
  /** False with the `no-routing` attribute: the hash is left alone, only events fire. */
  routing: () => boolean;
  /** The viewer's user id, when the dashboard knows it (else asked of `/me` when needed). */
  viewerId?: () => string | undefined;
}

type ShellHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const OPEN_BUTTON = (id: string) => `[data-open-for="${CSS.escape(id)}"]`;

/**
 * The part both dashboards share around their lists: the list → detail switch (one mentorship's
 * workspace instead of the lists, with a way back that returns focus to the card it came from),
 * the URL hash (`mentorship=<id>&tab=<tab>`: opening pushes a history entry, a tab change replaces
 * it, the browser's Back returns to the list, a reload or a link lands on it), the
 * `mentorship-view-change` event for hosts that route themselves, loading the workspace's code on
 * first open, and the visible (toast) and spoken (announcer) feedback of the dashboard's actions.
 */
export class DashboardShellController implements ReactiveController {
  readonly #host: ShellHost;
  readonly #options: DashboardShellOptions;
  readonly toast: ToastController;
  readonly announcer: AnnouncerController;
  /** `<mentorship-workspace>`: the largest element, fetched the first time one is opened. */
  readonly loader: ElementLoaderController;
  readonly #route: HashRouteController;

  #view: DashboardView = { kind: 'list' };
  /** A deep link read before the lists arrived: resolved once they are there. */
  #wanted: { id: string; tab: WorkspaceTab } | undefined;
  /** The card whose Open button gets focus when the list comes back. */
  #returnTo: string | undefined;
  /** What to focus after the next render. */
  #focus: (() => HTMLElement | null | undefined) | undefined;
  /** Whether the current history entry is one this dashboard pushed (Back then goes back in history). */
  #pushed = false;
  /** Counts deep-link checks, so a late answer to an old one is dropped. */
  #checks = 0;
  /** The client the view belongs to: another viewer (a new token) starts from the list. */
  #client: MentorkitClient | undefined;

  constructor(host: ShellHost, options: DashboardShellOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.toast = new ToastController(host);
    this.announcer = new AnnouncerController(host);
    this.loader = new ElementLoaderController(host, { tag: 'mentorship-workspace', load: () => import('../../define/mentorship-workspace.js') });
    this.#route = new HashRouteController(host, {
      keys: ['mentorship', 'tab'],
      enabled: () => this.#options.routing(),
      onChange: (params) => this.#follow(params.get('mentorship'), params.get('tab')),
    });
  }

  get view(): DashboardView {
    // The detail shows the list's latest copy (a live change, a lifecycle action).
    if (this.#view.kind === 'detail') {
      const latest = this.#options.find(this.#view.mentorship.id);
      if (latest && latest !== this.#view.mentorship) this.#view = { ...this.#view, mentorship: latest };
    }
    return this.#view;
  }

  hostUpdate(): void {
    const client = this.#options.client();
    if (client !== this.#client) {
      const before = this.#client;
      this.#client = client;
      if (before) this.#viewerChanged();
    }
    const wanted = this.#wanted;
    if (wanted && this.#options.ready()) {
      this.#wanted = undefined;
      void this.#resolve(wanted.id, wanted.tab);
    }
  }

  hostUpdated(): void {
    const focus = this.#focus;
    if (!focus) return;
    this.#focus = undefined;
    focus()?.focus();
  }

  hostDisconnected(): void {
    this.#checks++;
  }

  /**
   * Another viewer: what was open was the last one's. Back to the list, and the hash (if any) is
   * read again once the new viewer's lists are there.
   */
  #viewerChanged(): void {
    this.#checks++;
    this.#returnTo = undefined;
    this.#pushed = false;
    if (this.#view.kind !== 'list') this.#show({ kind: 'list' });
    const params = this.#options.routing() ? readHashParams() : undefined;
    const id = params?.get('mentorship');
    this.#wanted = id ? { id, tab: asWorkspaceTab(params?.get('tab')) } : undefined;
  }

  /** "Open" on a card: the workspace replaces the lists (a new history entry). */
  open(mentorship: Mentorship, tab: WorkspaceTab = 'overview'): void {
    this.#returnTo = mentorship.id;
    this.#show({ kind: 'detail', mentorship, tab });
    if (this.#options.routing()) {
      this.#route.write({ mentorship: mentorship.id, tab }, { push: true });
      this.#pushed = true;
    }
    this.#focusBack();
  }

  /** "← Back": the lists again, focus on the Open button of the card the workspace came from. */
  back(): void {
    const routing = this.#options.routing();
    if (routing && this.#pushed) {
      // The entry this dashboard pushed: going back in history keeps Back/Forward honest; the
      // popstate that follows shows the list.
      this.#pushed = false;
      history.back();
      return;
    }
    if (routing) this.#route.write({ mentorship: null, tab: null });
    this.#showList();
  }

  /** The person chose another tab in the workspace: the hash follows (replacing, no new entry). */
  tabChanged(tab: string): void {
    const view = this.#view;
    if (view.kind !== 'detail') return;
    const next = asWorkspaceTab(tab);
    if (next === view.tab) return;
    this.#view = { ...view, tab: next };
    this.#route.write({ tab: next });
    this.#emit();
    this.#host.requestUpdate();
  }

  #show(view: DashboardView): void {
    const before = this.#view;
    this.#view = view;
    if (view.kind === 'detail') this.loader.load();
    const changed =
      before.kind !== view.kind ||
      (before.kind === 'detail' && view.kind === 'detail' && (before.mentorship.id !== view.mentorship.id || before.tab !== view.tab)) ||
      (before.kind === 'not-found' && view.kind === 'not-found' && before.mentorshipId !== view.mentorshipId);
    if (changed && view.kind !== 'checking' && !(view.kind === 'list' && before.kind === 'checking')) this.#emit();
    this.#host.requestUpdate();
  }

  #showList(): void {
    const wasOpen = this.#view.kind !== 'list';
    this.#show({ kind: 'list' });
    const from = this.#returnTo;
    this.#returnTo = undefined;
    if (wasOpen && from) {
      this.#focus = () => {
        const button = this.#host.renderRoot.querySelector<HTMLElement>(OPEN_BUTTON(from));
        // The card may have moved into a collapsed section meanwhile (e.g. completed): open it.
        const collapsed = button?.closest('details');
        if (collapsed && !collapsed.open) collapsed.open = true;
        return button;
      };
    }
  }

  #focusBack(): void {
    this.#focus = () => this.#host.renderRoot.querySelector<HTMLElement>('[part~="back-button"]');
  }

  #emit(): void {
    const view = this.#view;
    const detail =
      view.kind === 'detail'
        ? { mentorshipId: view.mentorship.id, tab: view.tab }
        : view.kind === 'not-found'
          ? { mentorshipId: view.mentorshipId, tab: null }
          : { mentorshipId: null, tab: null };
    emit(this.#host, 'mentorship-view-change', detail);
  }

  /** The hash changed (connect, Back/Forward, a link): show what it names. */
  #follow(id: string | null, tab: string | null): void {
    this.#pushed = false;
    if (!id) {
      this.#wanted = undefined;
      if (this.#view.kind !== 'list') this.#showList();
      return;
    }
    const view = this.#view;
    if (view.kind === 'detail' && view.mentorship.id === id) {
      if (asWorkspaceTab(tab) !== view.tab) this.#show({ ...view, tab: asWorkspaceTab(tab) });
      return;
    }
    if (!this.#options.ready()) {
      this.#wanted = { id, tab: asWorkspaceTab(tab) };
      this.#host.requestUpdate();
      return;
    }
    void this.#resolve(id, asWorkspaceTab(tab));
  }

  /**
   * A mentorship named by the hash: from the lists when it is there; else the server decides —
   * not found (or not the viewer's) shows a "not found" state; one where the viewer has the
   * other role belongs to the other dashboard, so this one stays on its list.
   */
  async #resolve(id: string, tab: WorkspaceTab): Promise<void> {
    const listed = this.#options.find(id);
    if (listed) {
      this.#show({ kind: 'detail', mentorship: listed, tab });
      return;
    }
    const client = this.#options.client();
    if (!client) return;
    const check = ++this.#checks;
    this.#show({ kind: 'checking', mentorshipId: id, tab });
    try {
      const mentorship = await client.mentorships.get(id);
      const viewer = this.#options.viewerId?.() ?? (await client.me.get()).user.id;
      if (check !== this.#checks) return;
      const mine = (this.#options.role === 'mentor' ? mentorship.mentor.id : mentorship.mentee.id) === viewer;
      this.#show(mine ? { kind: 'detail', mentorship, tab } : { kind: 'list' });
    } catch (error) {
      if (check !== this.#checks) return;
      if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'forbidden' || error.code === 'validation_failed')) {
        this.#show({ kind: 'not-found', mentorshipId: id });
        return;
      }
      // Offline or a server fault: stay on the list and say why.
      this.#show({ kind: 'list' });
      this.toast.show({ message: msg('The mentorship in the link could not be opened. Check your connection and try again.'), tone: 'error' });
    }
  }
}
