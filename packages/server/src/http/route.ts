import type { ErrorCode } from '@mentorkit/contract';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.js';

/*
 * The route table. Each operation of the API is declared once, next to its handler, with
 * `defineRoute`: method, path, request and response schemas, credential, role and summary. The
 * app mounts the router from these declarations (validators and authentication come from the
 * declaration, not from a second list) and the OpenAPI document is generated from the same ones.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What credential a route reads. */
export type Auth =
  /** Nothing: health probes, the API reference, the demo sign-in. */
  | 'none'
  /** A bearer JWT from the portal (401 without one). */
  | 'bearer'
  /** A secret or signed token in the URL (the calendar feed, one-click unsubscribe links). */
  | 'urlToken';

/**
 * Who may call a route once signed in; the authorization-matrix test reads it.
 * - `anyone`: no sign-in at all.
 * - `user`: any signed-in alumnus.
 * - `self`: acts only on the caller's own data, so there is no one else's id to try.
 * - `party`: either party of the addressed resource; anyone else gets 404, never 403.
 * - `mentor` / `mentee`: that party of the addressed resource; the other party gets 403, outsiders 404.
 * - `approvedMentor`: the caller's own mentor profile; a caller who is not a mentor gets 404.
 * - `admin`: the admin role (`MENTORSHIP_ADMIN_ROLE`); anyone else gets 403.
 */
export type Role = 'anyone' | 'user' | 'self' | 'party' | 'mentor' | 'mentee' | 'approvedMentor' | 'admin';

export const tags = {
  me: 'The caller: identity, profile, calendar feed, data export and erasure.',
  mentors: 'Mentor search and profiles; a mentor’s own settings.',
  applications: 'Applying for mentor status.',
  requests: 'Mentorship requests: send, answer, withdraw.',
  mentorships: 'Mentorships and their lifecycle: pause, resume, complete, cancel, feedback.',
  timeline: 'The plan of a mentorship: timeline, milestones, progress notes.',
  meetings: 'Meetings, with iCalendar files and a private subscription feed.',
  messages: 'Conversations between the two parties of a mentorship.',
  notifications: 'In-app notifications.',
  programmes: 'Programmes (cohorts): browse them, enrol and leave.',
  admin: 'Programme administration (admin role only).',
  ops: 'Health probes and this API reference.',
  demo: 'Demo only: exists when MENTORSHIP_DEMO=1.',
} as const;
export type Tag = keyof typeof tags;

export interface Body {
  schema: z.ZodType;
  /** Defaults to `application/json`. */
  contentType?: string;
}

export interface SuccessResponse {
  /** 304: the answer to a conditional GET whose `If-None-Match` names the current `ETag`. */
  status: 200 | 201 | 204 | 304;
  description: string;
  /** Omitted for 204, 304 and for bodies that are not JSON (give `contentType`). */
  schema?: z.ZodType;
  contentType?: string;
}

/** One HTTP operation of the API, declared from the contract's zod schemas. */
export interface RouteSpec {
  method: HttpMethod;
  /** Relative to the API base `/api/v1`, in OpenAPI template form: `/mentors/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: Tag;
  auth: Auth;
  role: Role;
  /** Path parameters by name; every `{name}` in `path` needs one. */
  params?: Record<string, z.ZodType>;
  /** An object schema whose properties are the query parameters. */
  query?: z.ZodObject;
  body?: Body;
  /** The route accepts an `Idempotency-Key` header (creating POSTs). */
  idempotencyKey?: boolean;
  responses: SuccessResponse[];
  /**
   * Error codes the handler itself answers with. Those implied by the declaration are added by the
   * generator: 400 for a query or body, 401/410 for `bearer`, 403 for `admin`, 413 for a body.
   */
  errors?: ErrorCode[];
  /** Mounted only when `MENTORSHIP_DEMO=1` (and an HS256 secret is set). */
  demoOnly?: boolean;
  /**
   * The handler reads and checks the query itself instead of the declared schema doing it before:
   * for pages meant for people, which answer a bad link with a page rather than JSON.
   */
  manualValidation?: boolean;
}

/** What a handler receives besides the context: the path parameters and the parsed query and body. */
export interface RouteInput<S extends RouteSpec> {
  /** As they appear in the URL; each handler decides what a malformed one means (usually 404). */
  params: S extends { params: infer P } ? { [K in keyof P]: string } : Record<string, never>;
  query: S extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
  body: S extends { body: { schema: infer B extends z.ZodType } } ? z.output<B> : undefined;
}

export type RouteHandler<S extends RouteSpec> = (c: Context<AppEnv>, input: RouteInput<S>) => Response | Promise<Response>;

/** A declared route with its handler; the app mounts a list of these (`mountRoutes`). */
export interface RouteDef<S extends RouteSpec = RouteSpec> {
  spec: S;
  handler: RouteHandler<S>;
}

/** Declares one operation of the API: its contract and the handler that serves it. */
export function defineRoute<S extends RouteSpec>(spec: S, handler: RouteHandler<S>): RouteDef {
  return { spec, handler: handler as unknown as RouteHandler<RouteSpec> };
}

/** Shorthands for the success responses of a declaration. */
export const ok = (schema: z.ZodType, description: string) => ({ status: 200 as const, schema, description });
export const created = (schema: z.ZodType, description: string) => ({ status: 201 as const, schema, description });
export const noContent = (description: string) => ({ status: 204 as const, description });

/** The API reference page's script and style, served at `/docs/<name>`. */
export const docsAssets = ['docs.js', 'docs.css'] as const;

/** `/mentors/{id}` → `/mentors/:id`, the form Hono's `app.routes` lists. */
export const toHonoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
/** `/mentors/:id` → `/mentors/{id}`. */
export const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
