import type {
  AcceptResult,
  AdminProgrammeListParams,
  Enrolment,
  EnrolmentInput,
  EnrolmentListParams,
  EnrolmentRole,
  MatchesInput,
  MatchesResult,
  MatchSuggestions,
  Programme,
  ProgrammeInput,
  ProgrammeListParams,
  ProgrammePatch,
  ProgrammeReport,
  AccountErasure,
  AccountExport,
  Conversation,
  ConversationListParams,
  ConversationPage,
  ConversationRead,
  Message,
  MessageListParams,
  MessagePage,
  SendMessageInput,
  AdminMentor,
  AdminMentorParams,
  ApplicationListParams,
  DeclineInput,
  DemoPersona,
  MarkReadInput,
  MarkReadResult,
  MentorStatusResult,
  NotificationListParams,
  PageParams,
  MentorApplication,
  MyMentorApplication,
  MentorApplicationInput,
  MentorSettingsPatch,
  MentorSettingsResult,
  Mentorship,
  MentorshipListParams,
  MentorshipRequest,
  MentorshipRequestInput,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesInput,
  UnsubscribeResult,
  Page,
  ProgrammeStats,
  RequestListParams,
  DevTokenResponse,
  Me,
  MentorProfile,
  MentorSearchParams,
  MentorSearchResult,
  Profile,
  ProfileInput,
  CalendarFeed,
  CalendarFeedStatus,
  Feedback,
  FeedbackInput,
  FeedbackStatus,
  Meeting,
  MeetingInput,
  MeetingListParams,
  MeetingPatch,
  Milestone,
  MilestoneInput,
  MilestonePatch,
  Progress,
  ProgressNote,
  ProgressNoteInput,
  StatusChange,
  TimelineInput,
  TimelineResult,
} from '@mentorkit/contract';
import { ApiError, toApiError } from './errors.js';
import { createRealtime, type RealtimeTuning, type WebSocketConstructor } from './realtime.js';

export type TokenSource = (options: { forceRefresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

export interface ClientOptions {
  /** Where the API lives, e.g. `https://mentoring.example.edu` or `/` (the `/api/v1` prefix is added). */
  baseUrl: string;
  /**
   * Called before each request for a short-lived JWT from the host portal, and once more with
   * `forceRefresh: true` after a 401 before the request is retried.
   */
  getToken?: TokenSource;
  /** A fixed token, when the host has no refresh hook. */
  token?: string;
  fetch?: typeof fetch;
  /**
   * The WebSocket for `realtime.subscribe`: the global one by default (browsers, Node ≥ 22);
   * on Node 20 pass `WebSocket` from the `ws` package.
   */
  WebSocket?: WebSocketConstructor;
  /** Reconnect and heartbeat timing of the realtime stream. */
  realtime?: RealtimeTuning;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` on creates so a retried POST never creates twice. */
  idempotencyKey?: string;
}

type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function createClient(options: ClientOptions) {
  const base = new URL('api/v1/', new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`, globalThis.location?.href ?? 'http://localhost/')).toString();
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const tokenFor = async (forceRefresh: boolean) =>
    options.getToken ? await options.getToken({ forceRefresh }) : options.token;

  /** `as: 'text'` answers the body as text (e.g. an `.ics` file) instead of parsing JSON. */
  async function request<T>(method: string, path: string, init: { query?: Query; body?: unknown; as?: 'json' | 'text' } & RequestOptions = {}): Promise<T> {
    const url = base + path.replace(/^\//, '') + queryString(init.query);
    const send = async (forceRefresh: boolean) => {
      init.signal?.throwIfAborted();
      const token = await tokenFor(forceRefresh);
      const headers: Record<string, string> = { accept: init.as === 'text' ? '*/*' : 'application/json' };
      if (token) headers['authorization'] = `Bearer ${token}`;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
      try {
        return await doFetch(url, {
          method,
          headers,
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          ...(init.signal ? { signal: init.signal } : {}),
        });
      } catch (err) {
        if ((err as Error)?.name === 'AbortError') throw err;
        throw new ApiError({ code: 'network_error', status: 0, message: 'Could not reach the mentoring service' });
      }
    };
    let res = await send(false);
    if (res.status === 401 && options.getToken) res = await send(true);
    if (!res.ok) throw await toApiError(res);
    if (res.status === 204) return undefined as T;
    if (init.as === 'text') return (await res.text()) as T;
    return (await res.json()) as T;
  }

  return {
    /** Low-level access for endpoints this version does not wrap yet. */
    request,
    me: {
      get: (o?: RequestOptions) => request<Me>('GET', 'me', { ...o }),
      updateProfile: (input: ProfileInput, o?: RequestOptions) => request<Profile>('PUT', 'me/profile', { body: input, ...o }),
      /** Everything Mentorkit keeps about the caller, as one JSON document. */
      export: (o?: RequestOptions) => request<AccountExport>('GET', 'me/export', { ...o }),
      /**
       * Erases the caller's account at once and for good (see `AccountErasure`). Every later call
       * with this person's tokens rejects with `account_deleted` (410).
       */
      delete: (o?: RequestOptions) => request<AccountErasure>('DELETE', 'me', { ...o }),
    },
    mentorApplications: {
      submit: (input: MentorApplicationInput, o?: RequestOptions) => request<MentorApplication>('POST', 'mentor-applications', { body: input, ...o }),
      /** The caller's latest application, `{ application: null }` when they never applied. */
      mine: (o?: RequestOptions) => request<MyMentorApplication>('GET', 'mentor-applications/mine', { ...o }),
      resubmit: (input: MentorApplicationInput, o?: RequestOptions) => request<MentorApplication>('PUT', 'mentor-applications/mine', { body: input, ...o }),
    },
    mentors: {
      updateMine: (patch: MentorSettingsPatch, o?: RequestOptions) => request<MentorSettingsResult>('PATCH', 'mentors/me', { body: patch, ...o }),
      search: (params: MentorSearchParams = {}, o?: RequestOptions) =>
        request<MentorSearchResult>('GET', 'mentors', { query: params, ...o }),
      get: (id: string, o?: RequestOptions) => request<MentorProfile>('GET', `mentors/${encodeURIComponent(id)}`, { ...o }),
    },
    requests: {
      create: (input: MentorshipRequestInput, o?: RequestOptions) => request<MentorshipRequest>('POST', 'mentorship-requests', { body: input, ...o }),
      list: (params: RequestListParams = {}, o?: RequestOptions) => request<Page<MentorshipRequest>>('GET', 'mentorship-requests', { query: params, ...o }),
      get: (id: string, o?: RequestOptions) => request<MentorshipRequest>('GET', `mentorship-requests/${encodeURIComponent(id)}`, { ...o }),
      accept: (id: string, o?: RequestOptions) => request<AcceptResult>('POST', `mentorship-requests/${encodeURIComponent(id)}/accept`, { ...o }),
      decline: (id: string, input: DeclineInput, o?: RequestOptions) => request<MentorshipRequest>('POST', `mentorship-requests/${encodeURIComponent(id)}/decline`, { body: input, ...o }),
      withdraw: (id: string, o?: RequestOptions) => request<MentorshipRequest>('POST', `mentorship-requests/${encodeURIComponent(id)}/withdraw`, { ...o }),
    },
    mentorships: {
      list: (params: MentorshipListParams = {}, o?: RequestOptions) => request<Page<Mentorship>>('GET', 'mentorships', { query: params, ...o }),
      get: (id: string, o?: RequestOptions) => request<Mentorship>('GET', `mentorships/${encodeURIComponent(id)}`, { ...o }),
      // Lifecycle, by either party; each rejects with `invalid_transition` when the state forbids it.
      pause: (id: string, o?: RequestOptions) => request<Mentorship>('POST', `mentorships/${encodeURIComponent(id)}/pause`, { ...o }),
      resume: (id: string, o?: RequestOptions) => request<Mentorship>('POST', `mentorships/${encodeURIComponent(id)}/resume`, { ...o }),
      complete: (id: string, o?: RequestOptions) => request<Mentorship>('POST', `mentorships/${encodeURIComponent(id)}/complete`, { ...o }),
      cancel: (id: string, reason: string, o?: RequestOptions) => request<Mentorship>('POST', `mentorships/${encodeURIComponent(id)}/cancel`, { body: { reason }, ...o }),
      /** Status changes, oldest first. */
      history: (id: string, params: PageParams = {}, o?: RequestOptions) =>
        request<Page<StatusChange>>('GET', `mentorships/${encodeURIComponent(id)}/history`, { query: params, ...o }),
      /** Once per party after completion; a second one rejects with `conflict`. */
      feedback: (id: string, input: FeedbackInput, o?: RequestOptions) => request<Feedback>('POST', `mentorships/${encodeURIComponent(id)}/feedback`, { body: input, ...o }),
      feedbackStatus: (id: string, o?: RequestOptions) => request<FeedbackStatus>('GET', `mentorships/${encodeURIComponent(id)}/feedback`, { ...o }),
      /** Computed progress, the plan, recent notes and the timeline. */
      progress: (id: string, o?: RequestOptions) => request<Progress>('GET', `mentorships/${encodeURIComponent(id)}/progress`, { ...o }),
      /** Mentor only: the target end date, optionally a template's dated milestones. */
      setTimeline: (id: string, input: TimelineInput, o?: RequestOptions) => request<TimelineResult>('PUT', `mentorships/${encodeURIComponent(id)}/timeline`, { body: input, ...o }),
      /** Mentor only: appends a milestone to the plan. */
      addMilestone: (id: string, input: MilestoneInput, o?: RequestOptions) => request<Milestone>('POST', `mentorships/${encodeURIComponent(id)}/milestones`, { body: input, ...o }),
    },
    milestones: {
      /** `status` by either party; `title`, `description`, `dueDate` and `move` by the mentor only (`forbidden` otherwise). */
      update: (id: string, patch: MilestonePatch, o?: RequestOptions) => request<Milestone>('PATCH', `milestones/${encodeURIComponent(id)}`, { body: patch, ...o }),
      /** Mentor only. */
      remove: (id: string, o?: RequestOptions) => request<void>('DELETE', `milestones/${encodeURIComponent(id)}`, { ...o }),
    },
    progressNotes: {
      create: (mentorshipId: string, input: ProgressNoteInput, o?: RequestOptions) =>
        request<ProgressNote>('POST', `mentorships/${encodeURIComponent(mentorshipId)}/progress-notes`, { body: input, ...o }),
    },
    meetings: {
      /** Either party; the answer's `overlaps` warns of clashes without refusing. */
      schedule: (mentorshipId: string, input: MeetingInput, o?: RequestOptions) =>
        request<Meeting>('POST', `mentorships/${encodeURIComponent(mentorshipId)}/meetings`, { body: input, ...o }),
      /** The caller's meetings across mentorships; upcoming unless `from`/`to` say otherwise. */
      list: (params: MeetingListParams = {}, o?: RequestOptions) => request<Page<Meeting>>('GET', 'meetings', { query: params, ...o }),
      get: (id: string, o?: RequestOptions) => request<Meeting>('GET', `meetings/${encodeURIComponent(id)}`, { ...o }),
      /** Edit or reschedule; a real change raises `sequence`. */
      update: (id: string, patch: MeetingPatch, o?: RequestOptions) => request<Meeting>('PATCH', `meetings/${encodeURIComponent(id)}`, { body: patch, ...o }),
      /** Once the meeting has started (`invalid_transition` before). */
      complete: (id: string, notes: string, o?: RequestOptions) => request<Meeting>('POST', `meetings/${encodeURIComponent(id)}/complete`, { body: { notes }, ...o }),
      cancel: (id: string, reason: string, o?: RequestOptions) => request<Meeting>('POST', `meetings/${encodeURIComponent(id)}/cancel`, { body: { reason }, ...o }),
      /** The meeting as an `.ics` text (sent with the token), e.g. for an "add to calendar" download. */
      ics: (id: string, o?: RequestOptions) => request<string>('GET', `meetings/${encodeURIComponent(id)}/ics`, { as: 'text', ...o }),
      /** Where `ics()` reads from; it needs the bearer token, so a plain link will not work. */
      icsUrl: (id: string) => `${base}meetings/${encodeURIComponent(id)}/ics`,
    },
    calendar: {
      feedStatus: (o?: RequestOptions) => request<CalendarFeedStatus>('GET', 'me/calendar-feed', { ...o }),
      /** Creates or rotates the private feed token; the old feed URL stops working. The token is shown only here. */
      rotateFeedToken: (o?: RequestOptions) => request<CalendarFeed>('POST', 'me/calendar-feed', { ...o }),
      disableFeed: (o?: RequestOptions) => request<void>('DELETE', 'me/calendar-feed', { ...o }),
      /** The subscription URL for a token: calendar apps fetch it without any sign-in. */
      feedUrl: (token: string) => `${base}calendar/${encodeURIComponent(token)}.ics`,
    },
    notifications: {
      list: (params: NotificationListParams = {}, o?: RequestOptions) =>
        request<NotificationPage>('GET', 'notifications', { query: params, ...o }),
      markRead: (input: MarkReadInput, o?: RequestOptions) =>
        request<MarkReadResult>('POST', 'notifications/read', { body: input, ...o }),
      /** Which emails the caller gets (one switch per kind), in which language, at which address. */
      preferences: (o?: RequestOptions) => request<NotificationPreferences>('GET', 'me/notification-preferences', { ...o }),
      /** Switches the kinds named (others keep their setting) and/or the language; answers the whole set. */
      updatePreferences: (input: NotificationPreferencesInput, o?: RequestOptions) =>
        request<NotificationPreferences>('PUT', 'me/notification-preferences', { body: input, ...o }),
      /** The one-click unsubscribe of a mail's signed link (no sign-in needed); `validation_failed` when forged or expired. */
      unsubscribe: (token: string, o?: RequestOptions) => request<UnsubscribeResult>('POST', 'unsubscribe', { query: { token }, ...o }),
    },
    admin: {
      applications: (params: ApplicationListParams = {}, o?: RequestOptions) =>
        request<Page<MentorApplication>>('GET', 'admin/mentor-applications', { query: params, ...o }),
      approve: (id: string, notes = '', o?: RequestOptions) =>
        request<MentorApplication>('POST', `admin/mentor-applications/${encodeURIComponent(id)}/approve`, { body: { notes }, ...o }),
      reject: (id: string, notes: string, o?: RequestOptions) =>
        request<MentorApplication>('POST', `admin/mentor-applications/${encodeURIComponent(id)}/reject`, { body: { notes }, ...o }),
      requestChanges: (id: string, notes: string, o?: RequestOptions) =>
        request<MentorApplication>('POST', `admin/mentor-applications/${encodeURIComponent(id)}/request-changes`, { body: { notes }, ...o }),
      mentors: (params: AdminMentorParams = {}, o?: RequestOptions) => request<Page<AdminMentor>>('GET', 'admin/mentors', { query: params, ...o }),
      suspend: (mentorId: string, reason: string, o?: RequestOptions) =>
        request<MentorStatusResult>('POST', `admin/mentors/${encodeURIComponent(mentorId)}/suspend`, { body: { reason }, ...o }),
      reactivate: (mentorId: string, o?: RequestOptions) =>
        request<MentorStatusResult>('POST', `admin/mentors/${encodeURIComponent(mentorId)}/reactivate`, { ...o }),
      stats: (o?: RequestOptions) => request<ProgrammeStats>('GET', 'admin/stats', { ...o }),
      programmes: {
        /** Every programme, ended ones too, soonest start first. */
        list: (params: AdminProgrammeListParams = {}, o?: RequestOptions) => request<Page<Programme>>('GET', 'admin/programmes', { query: params, ...o }),
        /** Rejects with `slug_taken` when another programme has the slug (made from the name unless given). */
        create: (input: ProgrammeInput, o?: RequestOptions) => request<Programme>('POST', 'admin/programmes', { body: input, ...o }),
        update: (id: string, patch: ProgrammePatch, o?: RequestOptions) =>
          request<Programme>('PATCH', `admin/programmes/${encodeURIComponent(id)}`, { body: patch, ...o }),
        enrolments: (id: string, params: EnrolmentListParams = {}, o?: RequestOptions) =>
          request<Page<Enrolment>>('GET', `admin/programmes/${encodeURIComponent(id)}/enrolments`, { query: params, ...o }),
        /** The assignment of the unmatched enrolled mentees to enrolled mentors with the highest total score. */
        suggestMatches: (id: string, o?: RequestOptions) =>
          request<MatchSuggestions>('POST', `admin/programmes/${encodeURIComponent(id)}/match-suggestions`, { ...o }),
        /** Introduces each pair (a request from the mentee, marked `introduced`); pairs that break a rule come back in `refused`. */
        confirmMatches: (id: string, input: MatchesInput, o?: RequestOptions) =>
          request<MatchesResult>('POST', `admin/programmes/${encodeURIComponent(id)}/matches`, { body: input, ...o }),
        report: (id: string, o?: RequestOptions) => request<ProgrammeReport>('GET', `admin/programmes/${encodeURIComponent(id)}/report`, { ...o }),
        /** The report as CSV (UTF-8 with a BOM, one row per mentorship), e.g. for a download. */
        reportCsv: (id: string, o?: RequestOptions) => request<string>('GET', `admin/programmes/${encodeURIComponent(id)}/report.csv`, { as: 'text', ...o }),
      },
    },
    programmes: {
      /** Programmes that have not ended, soonest first, with the caller's roles in each (`enrolled: true`: only the caller's). */
      list: (params: ProgrammeListParams = {}, o?: RequestOptions) => request<Page<Programme>>('GET', 'programmes', { query: params, ...o }),
      /** By id or slug. */
      get: (idOrSlug: string, o?: RequestOptions) => request<Programme>('GET', `programmes/${encodeURIComponent(idOrSlug)}`, { ...o }),
      /** Rejects with `enrolment_closed`, `duplicate_enrolment`, or `forbidden` for a mentor role without an active mentor record. */
      enrol: (id: string, input: EnrolmentInput, o?: RequestOptions) =>
        request<Enrolment>('POST', `programmes/${encodeURIComponent(id)}/enrolment`, { body: input, ...o }),
      /** Leaves the programme (in `role` only, or in every role); mentorships made in it go on. */
      leave: (id: string, role?: EnrolmentRole, o?: RequestOptions) =>
        request<void>('DELETE', `programmes/${encodeURIComponent(id)}/enrolment`, { query: role ? { role } : {}, ...o }),
    },
    conversations: {
      /** The caller's conversations, most recent activity first, with `totalUnread` over all of them. */
      list: (params: ConversationListParams = {}, o?: RequestOptions) => request<ConversationPage>('GET', 'conversations', { query: params, ...o }),
      get: (id: string, o?: RequestOptions) => request<Conversation>('GET', `conversations/${encodeURIComponent(id)}`, { ...o }),
      /** History, newest first; pass the page's `nextCursor` as `before` for older messages. */
      messages: (id: string, params: MessageListParams = {}, o?: RequestOptions) =>
        request<MessagePage>('GET', `conversations/${encodeURIComponent(id)}/messages`, { query: params, ...o }),
      /**
       * Sends a message. Keep `clientId` for retries: resending with the same one never makes a
       * second message (the server answers with the first). Rejects with `rate_limited` (see
       * `retryAfter`) beyond 20 a minute, and `invalid_transition` once the mentorship has ended.
       */
      send: (id: string, input: SendMessageInput, o?: RequestOptions) =>
        request<Message>('POST', `conversations/${encodeURIComponent(id)}/messages`, { body: input, ...o }),
      /** Marks everything up to and including a message (its id or `seq`) read. */
      markRead: (id: string, upTo: string | number, o?: RequestOptions) =>
        request<ConversationRead>('POST', `conversations/${encodeURIComponent(id)}/read`, { body: { upTo }, ...o }),
    },
    /** Live events: `subscribe(handler, { onStatus })` returns the function that stops it. */
    realtime: createRealtime({
      url: base.replace(/^http/, 'ws') + 'realtime',
      token: async (forceRefresh) => tokenFor(forceRefresh),
      WebSocket: options.WebSocket,
      tuning: options.realtime,
    }),
    dev: {
      /** Demo mode only (`MENTORSHIP_DEMO=1`): a token for one of the demo personas. */
      token: (persona: DemoPersona, o?: RequestOptions) => request<DevTokenResponse>('POST', 'dev/token', { body: { persona }, ...o }),
    },
  };
}

export type MentorkitClient = ReturnType<typeof createClient>;
