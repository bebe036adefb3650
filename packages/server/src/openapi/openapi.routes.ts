import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { notFound } from '../http/errors.js';
import type { AppEnv } from '../http/env.js';
import { buildOpenApiDocument } from './document.js';
import { docsAssets } from './registry.js';

/** The reference viewer's files: plain HTML, CSS and one script (no inline script, for the CSP). */
const DOCS_DIR = new URL('../../static/docs/', import.meta.url);
const assets = {
  'index.html': 'text/html; charset=utf-8',
  'docs.js': 'text/javascript; charset=utf-8',
  'docs.css': 'text/css; charset=utf-8',
} as const;
type Asset = keyof typeof assets;

const files = new Map<Asset, Promise<string>>();
const asset = (name: Asset) => {
  let text = files.get(name);
  if (!text) files.set(name, (text = readFile(new URL(name, DOCS_DIR), 'utf8')));
  return text;
};

/**
 * `GET /openapi.json` and the browsable reference at `GET /docs`, both under the API base: an
 * operator who proxies only `/api/v1` to Mentorkit (the portal owns `/`) still gets them, and
 * DESIGN lists every path relative to the base. The document is generated once per process.
 */
export function openApiRoutes(options: { demo: boolean }) {
  let document: string | undefined;
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => {
      document ??= JSON.stringify(buildOpenApiDocument(options));
      return c.body(document, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
    })
    .get('/docs', async (c) => c.body(await asset('index.html'), 200, { 'content-type': assets['index.html'], 'cache-control': 'no-cache' }))
    .get('/docs/:asset', async (c) => {
      const name = docsAssets.find((a) => a === c.req.param('asset'));
      if (!name) throw notFound('Asset');
      return c.body(await asset(name), 200, { 'content-type': assets[name], 'cache-control': 'no-cache' });
    });
}
