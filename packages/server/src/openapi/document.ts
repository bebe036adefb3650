import { readFileSync } from 'node:fs';
import * as contract from '@mentorkit/contract';
import { errorStatus, type ErrorCode } from '@mentorkit/contract';
import { z } from 'zod';
import { tags, type RouteSpec } from '../http/route.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON Schema and OpenAPI objects are plain JSON here */
type Json = Record<string, any>;

export const API_BASE_PATH = '/api/v1';
const COMPONENTS = '#/components/schemas/';
/** Marks an input-side component until the generator knows whether it needs its own name. */
const INPUT_MARK = '__input';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Every exported object or union schema of the contract becomes a named component, under its
 * export name; everything else (strings, enums, ids) is inlined where it is used.
 */
function contractRegistry() {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(contract)) {
    const named = value instanceof z.ZodObject || value instanceof z.ZodUnion || value instanceof z.ZodIntersection;
    if (named && !registry.has(value)) registry.add(value, { id: name });
  }
  return registry;
}

const conversion = { target: 'draft-2020-12', unrepresentable: 'any' } as const;

function strip(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Calls `visit` on every `$ref` string in a JSON value and replaces it with the result. */
function mapRefs<T>(value: T, visit: (ref: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => mapRefs(v, visit)) as T;
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' ? visit(v) : mapRefs(v, visit);
    return out as T;
  }
  return value;
}

/** The component-schema `$ref`s in a JSON value. */
function refsIn(value: unknown): string[] {
  const found: string[] = [];
  mapRefs(value, (ref) => { if (ref.startsWith(COMPONENTS)) found.push(ref); return ref; });
  return found;
}

/** Converts schemas on the side they are used: request bodies and queries as input, responses as output. */
function schemaConverter() {
  const registry = contractRegistry();
  const output = z.toJSONSchema(registry, { ...conversion, io: 'output', uri: (id) => `${COMPONENTS}${id}` }).schemas;
  const input = z.toJSONSchema(registry, { ...conversion, io: 'input', uri: (id) => `${COMPONENTS}${id}${INPUT_MARK}` }).schemas;
  const candidates: Json = {};
  for (const [id, schema] of Object.entries(output)) candidates[id] = strip(schema);
  for (const [id, schema] of Object.entries(input)) candidates[`${id}${INPUT_MARK}`] = strip(schema);

  return {
    /** A `$ref` to the schema's component, or the schema inlined when it has no name. */
    ref(schema: z.ZodType, io: 'input' | 'output'): Json {
      const id = registry.get(schema)?.id;
      if (id) return { $ref: `${COMPONENTS}${id}${io === 'input' ? INPUT_MARK : ''}` };
      return strip(z.toJSONSchema(schema, { ...conversion, io }) as Json);
    },
    /** The resolved (not referenced) schema, for splitting a query object into parameters. */
    resolved(schema: z.ZodType, io: 'input' | 'output'): Json {
      const id = registry.get(schema)?.id;
      return id ? candidates[`${id}${io === 'input' ? INPUT_MARK : ''}`] : strip(z.toJSONSchema(schema, { ...conversion, io }) as Json);
    },
    /**
     * The components the paths reference (transitively), with final names: an input-side schema
     * keeps the contract's name unless its output side is used too and differs from it, in which
     * case it becomes `<name>Input`.
     */
    components(paths: Json): { paths: Json; schemas: Json } {
      const used = new Set<string>();
      const pending = refsIn(paths);
      while (pending.length > 0) {
        const name = pending.pop()!.slice(COMPONENTS.length);
        if (used.has(name)) continue;
        if (!candidates[name]) throw new Error(`No component ${name}`);
        used.add(name);
        pending.push(...refsIn(candidates[name]));
      }
      // An input component merges with its output twin when both read the same, refs included.
      const merged = new Set<string>();
      const same = (inputName: string): boolean => {
        const base = inputName.slice(0, -INPUT_MARK.length);
        if (!used.has(base)) return true;
        const drop = (ref: string) => ref.replace(INPUT_MARK, '');
        if (JSON.stringify(mapRefs(candidates[inputName], drop)) !== JSON.stringify(candidates[base])) return false;
        return refsIn(candidates[inputName]).filter((r) => r.endsWith(INPUT_MARK)).every((r) => merged.has(r.slice(COMPONENTS.length)));
      };
      for (let changed = true; changed;) {
        changed = false;
        for (const name of used) {
          if (name.endsWith(INPUT_MARK) && !merged.has(name) && same(name)) { merged.add(name); changed = true; }
        }
      }
      const finalName = (name: string) => {
        if (!name.endsWith(INPUT_MARK)) return name;
        const base = name.slice(0, -INPUT_MARK.length);
        if (merged.has(name)) return base;
        const renamed = `${base}Input`;
        if (used.has(renamed)) throw new Error(`Component name clash: ${renamed}`);
        return renamed;
      };
      const rename = (ref: string) => (ref.startsWith(COMPONENTS) ? `${COMPONENTS}${finalName(ref.slice(COMPONENTS.length))}` : ref);
      const schemas: Json = {};
      for (const name of [...used].sort()) {
        const target = finalName(name);
        if (!schemas[target]) schemas[target] = mapRefs(candidates[name], rename);
      }
      return { paths: mapRefs(paths, rename), schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) };
    },
  };
}

type Converter = ReturnType<typeof schemaConverter>;

const jsonContent = (schema: Json, contentType = 'application/json') => ({ [contentType]: { schema } });

/** The error codes an operation can answer with: its own plus those its declaration implies. */
export function errorCodesOf(route: RouteSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors ?? []);
  if (route.query || route.body || route.params) codes.add('validation_failed');
  if (route.params && route.auth !== 'none') codes.add('not_found');
  if (route.auth === 'bearer') { codes.add('unauthenticated'); codes.add('account_deleted'); }
  if (route.role === 'admin') codes.add('forbidden');
  if (route.body) codes.add('payload_too_large');
  codes.add('internal');
  return [...codes];
}

function errorResponses(route: RouteSpec): Json {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(route)) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  const out: Json = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: `Error: ${codes.map((code) => `\`${code}\``).join(', ')}`,
      content: jsonContent({ $ref: `${COMPONENTS}errorBody` }),
    };
  }
  return out;
}

function parameters(route: RouteSpec, convert: Converter): Json[] {
  const out: Json[] = [];
  for (const [name, schema] of Object.entries(route.params ?? {})) {
    out.push({ name, in: 'path', required: true, schema: convert.ref(schema, 'input') });
  }
  if (route.query) {
    const query = convert.resolved(route.query, 'input');
    const shape = route.query.shape as Record<string, z.ZodType>;
    for (const [name, schema] of Object.entries<Json>(query['properties'] ?? {})) {
      const { description, ...rest } = schema;
      out.push({
        // Asked of zod itself: a preprocessed field (repeated keys) reads as required in JSON
        // Schema, yet an absent key parses.
        name, in: 'query', required: !shape[name]?.safeParse(undefined).success, schema: rest,
        ...(description ? { description } : {}),
        // Repeated keys (`?expertise=a&expertise=b`) carry arrays.
        ...(rest['type'] === 'array' ? { style: 'form', explode: true } : {}),
      });
    }
  }
  if (route.idempotencyKey) out.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return out;
}

function operation(route: RouteSpec, convert: Converter): Json {
  const responses: Json = {};
  for (const r of route.responses) {
    const content = r.schema ? jsonContent(convert.ref(r.schema, 'output'), r.contentType) : r.contentType ? { [r.contentType]: {} } : undefined;
    responses[String(r.status)] = { description: r.description, ...(content ? { content } : {}) };
  }
  Object.assign(responses, errorResponses(route));
  const params = parameters(route, convert);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    ...(route.auth === 'bearer' ? {} : { security: [] }),
    'x-role': route.role,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: jsonContent(convert.ref(route.body.schema, 'input'), route.body.contentType) } } : {}),
    responses,
  };
}

export interface DocumentOptions {
  /** Include the demo-only routes (they exist only when `MENTORSHIP_DEMO=1`). */
  demo: boolean;
}

/** Builds the OpenAPI 3.1 document from the route table's declarations and the contract's zod schemas. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], options: DocumentOptions): Json {
  const convert = schemaConverter();
  const paths: Json = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = operation(route, convert);
  }
  const { paths: named, schemas } = convert.components(paths);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mentorkit API',
      version,
      description: [
        'Alumni mentorship for university portals. JSON, camelCase, under `/api/v1`.',
        'Every error is `{"error":{"code","message","issues?","requestId"}}`; a resource the caller may not see answers 404, not 403.',
        'Lists are cursor-paged: `limit` ≤ 100 and `cursor` in, `{items, nextCursor}` out.',
        'Creating POSTs accept an `Idempotency-Key` header: a repeat answers with the same resource.',
        'Sign-in: the portal hands a short-lived JWT, sent as `Authorization: Bearer <token>`.',
        'Realtime: `GET /api/v1/realtime` upgrades to a WebSocket that authenticates with its first message.',
      ].join('\n\n'),
    },
    servers: [{ url: API_BASE_PATH, description: 'This server' }],
    security: [{ bearerAuth: [] }],
    tags: Object.entries(tags).filter(([name]) => options.demo || name !== 'demo').map(([name, description]) => ({ name, description })),
    paths: named,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT from the host portal (HS256 secret or JWKS).' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key', in: 'header', required: false,
          description: 'Makes a create safe to retry: the same key answers with the resource the first call made.',
          schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
        },
      },
    },
  };
}
