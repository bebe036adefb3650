import * as contract from '@mentorkit/contract';
import fc from 'fast-check';
import { sql } from 'kysely';
import { z } from 'zod';
import type { TestContext } from '../test/harness.js';

/**
 * Hostile-input generators for the fuzz tests, and a row count of every table a request could
 * write to (equal counts before and after a refused request: nothing was written).
 */

/** The property names of an object schema (and of the objects inside it): keys that get past "unknown key" and reach the type checks. */
export function fieldNames(...schemas: unknown[]): string[] {
  const names = new Set<string>();
  const visit = (schema: unknown, depth: number) => {
    if (depth > 3) return;
    if (schema instanceof z.ZodObject) {
      for (const [key, inner] of Object.entries(schema.shape as Record<string, unknown>)) {
        names.add(key);
        visit(inner, depth + 1);
      }
    } else if (schema instanceof z.ZodUnion) {
      for (const option of schema.options as unknown[]) visit(option, depth + 1);
    } else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
      visit(schema.unwrap(), depth + 1);
    } else if (schema instanceof z.ZodArray) {
      visit(schema.element, depth + 1);
    }
  };
  for (const schema of schemas) visit(schema, 0);
  return [...names].sort();
}

/** Every field name of every schema the contract exports. */
export const contractFieldNames = fieldNames(...Object.values(contract));

const specialStrings = [
  '', ' ', '\u0000', 'a\u0000b', '\u0000'.repeat(64), '\uD800', '\uDFFF', 'x\uDBFFy', '\uFFFE', '\uFFFF', '\uFEFF',
  '\u202Egnp.exe', '\u200B', 'ǅ', 'İ', 'ß', '🙂', '👩🏽‍💻', 'e\u0301', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫ', '\t\r\n', '\u001B[31m', '\u007F',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' OR 1=1 --", '%00', '%', '../../etc/passwd',
  'null', 'undefined', 'NaN', '-1', '0', '1e308', '9007199254740993', '2026-02-30', '2026-11-28T25:00:00Z', '0000-00-00',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '__proto__', 'constructor', 'toString',
  'javascript:alert(1)', 'data:text/html,<b>x</b>', 'https://', 'Europe/Nowhere',
];

/** Strings meant to break parsers and the database: controls, NUL, lone surrogates, odd Unicode, sizes. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...specialStrings) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 70_000, 300_000).chain((n) => fc.constantFrom('a', 'é', '\u0000', '🙂').map((ch) => ch.repeat(n))) },
);

/** Mostly the route's own field names, then any of the contract's, then prototype keys and junk. */
const hostileKey = (own: string[] = []) => fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...(own.length ? own : contractFieldNames)) },
  { weight: 3, arbitrary: fc.constantFrom(...contractFieldNames) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty') },
  { weight: 1, arbitrary: hostileString.filter((s) => s.length < 100) },
);

/** Any JSON-ish value: wrong types, nesting, NaN-ish numbers, hostile strings. */
export const hostileValue = (own: string[] = []): fc.Arbitrary<unknown> => fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    hostileString,
    fc.integer(),
    fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -0),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey(own), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Raw body text: mostly JSON objects with the API's field names and wrong values, also broken or enormous JSON. */
export const hostileBody = (own: string[] = []): fc.Arbitrary<string> => fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(hostileKey(own), hostileValue(own), { maxKeys: 6 }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: hostileValue(own).map((v) => JSON.stringify(v) ?? 'null') },
  {
    weight: 2,
    // JSON.stringify drops `__proto__` own keys set by assignment, so these are written by hand.
    arbitrary: fc.tuple(hostileKey(own).filter((k) => k !== '__proto__'), hostileValue(own)).chain(([key, value]) => fc.constantFrom(
      `{"__proto__":{"polluted":true,"role":"admin"},${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`,
      `{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`,
      `{${JSON.stringify(key)}:{"__proto__":{"polluted":true}}}`,
      `{${JSON.stringify(key)}:1,${JSON.stringify(key)}:"dup"}`,
    )),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(100, 5_000, 50_000).chain((n) => fc.constantFrom(
      '['.repeat(n) + ']'.repeat(n),
      '{"a":'.repeat(n) + '1' + '}'.repeat(n),
      `{"goals":${'['.repeat(n)}${']'.repeat(n)}}`,
      '['.repeat(n),
    )),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom('', 'null', '[]', '"text"', '1e400', '{', '{"a":}', '\u0000', '{"body":"\\u0000"}', '{"body":"\\ud800"}', 'tru', '\uFEFF{}', '{}garbage'),
      fc.string({ unit: 'binary', maxLength: 60 }),
    ),
  },
);

export const contentTypes = [
  'application/json', 'application/json; charset=utf-8', 'application/JSON', 'application/vnd.api+json', 'application/json; charset=utf-16',
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', '*/*', 'application/json, text/plain', ';;;',
];

/** Header values must be ByteStrings without CR, LF or NUL (fetch's `Headers` refuses those before anything is sent). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 120 }),
  fc.constantFrom('x'.repeat(10_000), '\t', '  ', 'Ã©', '${jndi:ldap://x}', '../../', '%00'),
);

/** `encodeURIComponent` throws on lone surrogates; a client would send their UTF-8 replacement bytes, which this does. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
}

const queryKeys = ['limit', 'cursor', 'role', 'status', 'q', 'expertise', 'availability', 'industry', 'location', 'language', 'meetingFormat',
  'minYearsExperience', 'graduationYearFrom', 'graduationYearTo', 'sort', 'from', 'to', 'before', 'token', 'upTo', 'unread', 'kind'];

/** A raw query string: known keys with hostile values, repeated keys, broken percent-encoding. */
export const hostileQuery = (own: string[] = []): fc.Arbitrary<string> => fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys, ...own, ...own), hostileKey(own)), hostileString), { minLength: 1, maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')) },
  { weight: 2, arbitrary: fc.constantFrom('%', '%zz', 'q=%E0%A4%A', 'q=%00', 'limit=%00', 'a[b]=1', 'limit=1e308', 'limit=-1', 'limit=0x10',
    `cursor=${'A'.repeat(5000)}`, 'expertise=a&expertise=b&expertise=', '__proto__[x]=1', 'constructor[prototype][x]=1', '&&&==&', 'q=%C0%AF',
    `q=${'%F0%9F%99%82'.repeat(2000)}`, 'before=99999999999999999999', 'from=2026-13-01&to=x') },
);

let countQuery: string | undefined;

/** Row counts of every table of the schema (read from the catalog, so a table added later is counted too). */
export async function rowCounts(t: TestContext): Promise<Record<string, number>> {
  if (!countQuery) {
    const { rows: tables } = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(t.handle.db);
    countQuery = `SELECT ${tables.map(({ name }) => `(SELECT count(*) FROM "${name}")::int AS "${name}"`).join(', ')}`;
  }
  const { rows } = await sql<Record<string, number>>`${sql.raw(countQuery)}`.execute(t.handle.db);
  return rows[0]!;
}

/** The error format of DESIGN §3, checked field by field. */
export function errorFormatProblem(status: number, text: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} with a body that is not JSON: ${text.slice(0, 200)}`;
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== 'object') return `${status} without an "error" object: ${text.slice(0, 200)}`;
  for (const field of ['code', 'message', 'requestId'] as const) {
    if (typeof error[field] !== 'string' || error[field] === '') return `${status} whose error.${field} is not a non-empty string: ${text.slice(0, 200)}`;
  }
  if (!(contract.errorCodes as readonly string[]).includes(error['code'] as string)) return `${status} with an unknown code ${String(error['code'])}`;
  if (contract.errorStatus[error['code'] as contract.ErrorCode] !== status) return `${status} with code ${String(error['code'])}, which belongs to ${contract.errorStatus[error['code'] as contract.ErrorCode]}`;
  if (/\bat .+\.(ts|js):\d+/.test(text)) return `${status} leaks a stack trace`;
  return undefined;
}
