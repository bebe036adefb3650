import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { notFound } from '../http/errors.js';
import { defineRoute, docsAssets } from '../http/route.js';

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
 * DESIGN lists every path relative to the base. `document` builds the document of the whole
 * table (these routes included); it is built once, on first request.
 */
export function openApiRoutes(document: () => object) {
  let json: string | undefined;
  return [
    defineRoute({
      method: 'get', path: '/openapi.json', operationId: 'openApiDocument', summary: 'This OpenAPI 3.1 document', tag: 'ops', auth: 'none', role: 'anyone',
      responses: [{ status: 200, contentType: 'application/json', description: 'The OpenAPI document, generated from the contract' }],
    }, (c) => {
      json ??= JSON.stringify(document());
      return c.body(json, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
    }),
    defineRoute({
      method: 'get', path: '/docs', operationId: 'apiReference', summary: 'The browsable API reference', tag: 'ops', auth: 'none', role: 'anyone',
      responses: [{ status: 200, contentType: 'text/html', description: 'A self-contained page that renders this document' }],
    }, async (c) => c.body(await asset('index.html'), 200, { 'content-type': assets['index.html'], 'cache-control': 'no-cache' })),
    defineRoute({
      method: 'get', path: '/docs/{asset}', operationId: 'apiReferenceAsset', summary: 'Script and style of the API reference page', tag: 'ops', auth: 'none', role: 'anyone',
      params: { asset: z.enum(docsAssets) }, errors: ['not_found'],
      responses: [{ status: 200, contentType: 'text/javascript', description: 'The asset' }],
    }, async (c, { params }) => {
      const name = docsAssets.find((a) => a === params.asset);
      if (!name) throw notFound('Asset');
      return c.body(await asset(name), 200, { 'content-type': assets[name], 'cache-control': 'no-cache' });
    }),
  ];
}
