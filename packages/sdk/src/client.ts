import type {
  AcceptResult,
  AdminMentor,
  AdminMentorParams,
  ApplicationListParams,
  DeclineInput,
  DemoPersona,
  MarkReadInput,
  MentorApplication,
  MentorApplicationInput,
  MentorSettingsPatch,
  MentorSettingsResult,
  Mentorship,
  MentorshipListParams,
  MentorshipRequest,
  MentorshipRequestInput,
  NotificationPage,
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
} from '@mentorkit/contract';
import { ApiError, toApiError } from './errors.js';

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

  async function request<T>(method: string, path: string, init: { query?: Query; body?: unknown } & RequestOptions = {}): Promise<T> {
    const url = base + path.replace(/^\//, '') + queryString(init.query);
    const send = async (forceRefresh: boolean) => {
      init.signal?.throwIfAborted();
      const token = await tokenFor(forceRefresh);
      const headers: Record<string, string> = { accept: 'application/json' };
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
    return (await res.json()) as T;
  }

  return {
    /** Low-level access for endpoints this version does not wrap yet. */
    request,
    me: {
      get: (o?: RequestOptions) => request<Me>('GET', 'me', { ...o }),
      updateProfile: (input: ProfileInput, o?: RequestOptions) => request<Profile>('PUT', 'me/profile', { body: input, ...o }),
    },
    mentorApplications: {
      submit: (input: MentorApplicationInput, o?: RequestOptions) => request<MentorApplication>('POST', 'mentor-applications', { body: input, ...o }),
      /** The caller's latest application; rejects with `not_found` when there is none. */
      mine: (o?: RequestOptions) => request<MentorApplication>('GET', 'mentor-applications/mine', { ...o }),
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
    },
    notifications: {
      list: (params: { limit?: number; cursor?: string; unread?: boolean } = {}, o?: RequestOptions) =>
        request<NotificationPage>('GET', 'notifications', { query: params, ...o }),
      markRead: (input: MarkReadInput, o?: RequestOptions) =>
        request<{ marked: number; unreadCount: number }>('POST', 'notifications/read', { body: input, ...o }),
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
        request<{ id: string; status: 'suspended'; declinedRequests: number }>('POST', `admin/mentors/${encodeURIComponent(mentorId)}/suspend`, { body: { reason }, ...o }),
      reactivate: (mentorId: string, o?: RequestOptions) =>
        request<{ id: string; status: 'active'; declinedRequests: number }>('POST', `admin/mentors/${encodeURIComponent(mentorId)}/reactivate`, { ...o }),
      stats: (o?: RequestOptions) => request<ProgrammeStats>('GET', 'admin/stats', { ...o }),
    },
    dev: {
      /** Demo mode only (`MENTORSHIP_DEMO=1`): a token for one of the demo personas. */
      token: (persona: DemoPersona, o?: RequestOptions) => request<DevTokenResponse>('POST', 'dev/token', { body: { persona }, ...o }),
    },
  };
}

export type MentorkitClient = ReturnType<typeof createClient>;
