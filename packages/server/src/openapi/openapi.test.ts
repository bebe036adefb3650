import { mentorshipRequestInput, validationIssue } from '@mentorkit/contract';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_BASE, createApp } from '../app.js';
import { createVerifier } from '../auth/verify.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/schema.js';
import { createLogger } from '../http/logger.js';
import { TEST_SECRET } from '../test/harness.js';
import { toOpenApiPath } from '../http/route.js';
import { openApiDocument, routeSpecs } from '../routes.js';
import { errorCodesOf } from './document.js';

const routes = routeSpecs({ demo: true });
const routesFor = routeSpecs;

/* eslint-disable @typescript-eslint/no-explicit-any -- walking a JSON document */

/**
 * Routes outside the API base that the document leaves out on purpose: load-balancer aliases of
 * the health probes, and the demo's mail viewer, a page for people.
 */
const OUTSIDE_API = ['GET /healthz', 'GET /readyz', 'GET /dev/mail'];

/** The app with no database: these tests read its route table and call routes that never query. */
function appWith(env: Record<string, string>) {
  const config = loadConfig({ MENTORSHIP_JWT_SECRET: TEST_SECRET, ...env });
  return createApp({ config, db: {} as Kysely<Database>, verifier: createVerifier(config), logger: createLogger('error', () => {}), now: () => new Date() });
}

/** `METHOD /path` for every handler the app mounts; `use()` middleware is listed as method ALL. */
function mountedRoutes(app: ReturnType<typeof appWith>): Set<string> {
  return new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
}

function documentedRoutes(doc: any): Set<string> {
  const out = new Set<string>();
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of Object.keys(item)) out.add(`${method.toUpperCase()} ${API_BASE}${path.replace(/\{(\w+)\}/g, ':$1')}`);
  }
  return out;
}

function resolvePointer(doc: any, ref: string): unknown {
  expect(ref.startsWith('#/'), ref).toBe(true);
  return ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node === undefined ? undefined : node[key]), doc);
}

function allRefs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allRefs(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else allRefs(v, found);
    }
  }
  return found;
}

describe.each<{ mode: string; env: Record<string, string>; demo: boolean }>([
  { mode: 'demo', env: { MENTORSHIP_DEMO: '1' }, demo: true },
  { mode: 'production', env: {}, demo: false },
])('the OpenAPI document ($mode)', ({ env, demo }) => {
  const app = appWith(env);
  const doc = openApiDocument({ demo });

  it('documents every route the app mounts', () => {
    const documented = documentedRoutes(doc);
    const missing = [...mountedRoutes(app)].filter((r) => !documented.has(r) && !OUTSIDE_API.includes(r));
    expect(missing, 'mounted but not declared in the route table').toEqual([]);
  });

  it('lists no route the app does not mount', () => {
    const mounted = mountedRoutes(app);
    const extra = [...documentedRoutes(doc)].filter((r) => !mounted.has(r));
    expect(extra, 'documented but not mounted').toEqual([]);
  });

  it('lists the demo sign-in only when it exists', () => {
    expect(Boolean(doc.paths['/dev/token'])).toBe(demo);
    expect(doc.tags.some((t: any) => t.name === 'demo')).toBe(demo);
  });
});

describe('the OpenAPI document structure', () => {
  const doc = openApiDocument({ demo: true });
  const operations = Object.entries<any>(doc.paths).flatMap(([path, item]) => Object.entries<any>(item).map(([method, op]) => ({ path, method, op })));

  it('is OpenAPI 3.1 with a base-path server, a bearer scheme and the package version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: API_BASE, description: expect.any(String) }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('resolves every $ref, and every component schema is used', () => {
    const refs = allRefs(doc);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of refs) expect(resolvePointer(doc, ref), ref).toBeDefined();
    const used = new Set(refs.filter((r) => r.startsWith('#/components/schemas/')).map((r) => r.split('/').pop()));
    expect(Object.keys(doc.components.schemas).filter((name) => !used.has(name))).toEqual([]);
  });

  it('carries no JSON Schema document keywords inside components ($schema, $id)', () => {
    for (const schema of Object.values<any>(doc.components.schemas)) {
      expect(schema.$schema).toBeUndefined();
      expect(schema.$id).toBeUndefined();
    }
  });

  it('gives each operation a unique operationId, a tag, a success response and its errors', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tagNames = new Set(doc.tags.map((t: any) => t.name));
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      expect(op.tags.every((t: string) => tagNames.has(t)), where).toBe(true);
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), where).toBe(true);
      expect(op.responses['500'], where).toBeDefined();
    }
  });

  it('declares exactly the path parameters its template names', () => {
    for (const { path, method, op } of operations) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name).sort();
      expect(declared, `${method} ${path}`).toEqual(named);
    }
  });

  it('marks public routes and implies 401 for bearer routes, 403 for admin routes', () => {
    for (const route of routes) {
      const op = doc.paths[route.path][route.method];
      expect(op.security === undefined, route.operationId).toBe(route.auth === 'bearer');
      if (route.auth === 'bearer') expect(op.responses['401'], route.operationId).toBeDefined();
      if (route.role === 'admin') expect(op.responses['403'], route.operationId).toBeDefined();
      if (route.body) expect(op.responses['400'], route.operationId).toBeDefined();
    }
    expect(errorCodesOf(routes.find((r) => r.operationId === 'createRequest')!)).toContain('duplicate_request');
  });

  it('takes shapes from the contract, on the side they are used', () => {
    // validationIssue has no named parts, so its component is exactly zod's conversion.
    const { $schema: _s, ...converted } = z.toJSONSchema(validationIssue, { target: 'draft-2020-12' }) as any;
    expect(doc.components.schemas.validationIssue).toEqual(converted);
    expect(doc.components.schemas.errorBody.properties.error.properties.issues.items).toEqual({ $ref: '#/components/schemas/validationIssue' });
    // A request body is the input side: defaults make fields optional.
    const create = doc.paths['/mentorship-requests'].post;
    const body = resolvePointer(doc, create.requestBody.content['application/json'].schema.$ref) as any;
    expect(Object.keys(body.properties).sort()).toEqual(Object.keys(mentorshipRequestInput.shape).sort());
    expect(create.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    // The accept answer nests the mentorship by reference.
    const accept = resolvePointer(doc, doc.paths['/mentorship-requests/{id}/accept'].post.responses['200'].content['application/json'].schema.$ref) as any;
    expect(accept.properties.mentorship).toEqual({ $ref: '#/components/schemas/mentorship' });
  });

  it('splits a query schema into parameters, repeated keys as exploded arrays', () => {
    const search = doc.paths['/mentors'].get.parameters;
    const expertise = search.find((p: any) => p.name === 'expertise');
    expect(expertise).toMatchObject({ in: 'query', required: false, style: 'form', explode: true, schema: { type: 'array' } });
    expect(search.find((p: any) => p.name === 'limit')).toMatchObject({ required: false, schema: { type: 'integer', maximum: 100, default: 20 } });
    // Conditional GET: the search answers 304 to a current If-None-Match.
    expect(doc.paths['/mentors'].get.responses['304']).toEqual({ description: expect.stringContaining('If-None-Match') });
  });

  it('registers every route with an auth requirement and a role (the authorization matrix reads these)', () => {
    for (const route of routesFor({ demo: true })) {
      expect(['none', 'bearer', 'urlToken']).toContain(route.auth);
      expect(route.role).toMatch(/^(anyone|user|self|party|mentor|mentee|approvedMentor|admin)$/);
      expect(route.auth === 'bearer', route.operationId).toBe(route.role !== 'anyone');
      expect(toOpenApiPath(route.path)).toBe(route.path);
    }
  });
});

describe('serving the reference', () => {
  const app = appWith({ MENTORSHIP_DEMO: '1' });

  it('answers GET /api/v1/openapi.json with the generated document, without a token', async () => {
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(openApiDocument({ demo: true }));
  });

  it('serves /api/v1/docs as a page with its script and style beside it, no inline script', async () => {
    const page = await app.request('/api/v1/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="docs/docs.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son\w+=/);
    const script = await app.request('/api/v1/docs/docs.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("fetch('openapi.json'");
    expect((await app.request('/api/v1/docs/docs.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await app.request('/api/v1/docs/../package.json')).status).toBe(404);
    expect((await app.request('/api/v1/docs/index.html')).status).toBe(404);
  });
});
