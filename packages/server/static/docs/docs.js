// The API reference viewer: reads ./openapi.json and renders operations by tag, with their
// parameters, request bodies and responses, and the schemas they reference. It builds the DOM with
// textContent only (no innerHTML) and loads from this server, so it runs under the strict CSP.

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ROLE_TEXT = {
  anyone: 'No sign-in',
  user: 'Any signed-in alumnus',
  self: 'Signed in; acts on the caller’s own data',
  party: 'Either party of the resource (others get 404)',
  mentor: 'The mentor of the resource (the mentee gets 403, others 404)',
  mentee: 'The mentee of the resource (the mentor gets 403, others 404)',
  approvedMentor: 'An approved mentor (others get 404)',
  admin: 'Admin role (others get 403)',
};

/** `h('p', {class: 'x'}, 'text', child)`: an element with attributes and children (strings become text). */
function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Prose with `code` spans, as the document writes them. */
function prose(text) {
  return String(text).split(/(`[^`]*`)/).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? h('code', {}, part.slice(1, -1)) : part));
}

const refName = (ref) => decodeURIComponent(ref.split('/').pop());
const slug = (text) => text.replace(/[^A-Za-z0-9_-]+/g, '-');
const schemaLink = (name) => h('a', { href: `#schema-${slug(name)}` }, name);

/** A one-line description of a schema's type, with links to named schemas. */
function typeOf(schema) {
  if (!schema || Object.keys(schema).length === 0) return ['any'];
  if (schema.$ref) return [schemaLink(refName(schema.$ref))];
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.flatMap((v, i) => (i === 0 ? typeOf(v) : [' or ', ...typeOf(v)]));
  if (schema.allOf) return schema.allOf.flatMap((v, i) => (i === 0 ? typeOf(v) : [' and ', ...typeOf(v)]));
  if (schema.const !== undefined) return [h('code', {}, JSON.stringify(schema.const))];
  if (schema.enum) return ['one of ', ...schema.enum.flatMap((v, i) => [i ? ', ' : '', h('code', {}, JSON.stringify(v))])];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object'];
  return types.flatMap((type, i) => {
    const sep = i ? [' or '] : [];
    if (type === 'array') return [...sep, 'array of ', ...typeOf(schema.items)];
    return [...sep, type === 'string' && schema.format ? `string (${schema.format})` : type];
  });
}

/** Limits worth reading: lengths, ranges, item counts, defaults. */
function constraints(schema) {
  const notes = [];
  const range = (min, max, unit) => {
    if (min !== undefined && max !== undefined) notes.push(`${min}–${max}${unit}`);
    else if (min !== undefined) notes.push(`≥ ${min}${unit}`);
    else if (max !== undefined) notes.push(`≤ ${max}${unit}`);
  };
  range(schema.minLength, schema.maxLength, ' characters');
  range(schema.minimum, schema.maximum, '');
  range(schema.minItems, schema.maxItems, ' items');
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes.join('; ');
}

/** An object's properties as a table; nested objects render inside their row. */
function propertiesTable(schema, depth = 0) {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, name), required.has(name) ? '' : h('span', { class: 'muted' }, ' optional')),
      h('td', {}, typeOf(property), nested(property, depth)),
      h('td', {}, property.description ? prose(property.description) : '', constraints(property) ? h('span', { class: 'muted' }, ` ${constraints(property)}`) : '')));
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Notes'))),
    h('tbody', {}, rows));
}

function nested(schema, depth) {
  if (depth > 3) return '';
  const inner = schema.type === 'array' ? schema.items : schema;
  return inner && !inner.$ref && inner.properties ? propertiesTable(inner, depth + 1) : '';
}

/** A schema in full: a link when named, a table for objects, a type line otherwise. */
function schemaBlock(schema) {
  if (!schema) return h('p', { class: 'muted' }, 'No body');
  if (schema.properties) return propertiesTable(schema);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.some((v) => v.properties)) {
    return h('div', {}, h('p', {}, 'One of:'), variants.map((v) => schemaBlock(v)));
  }
  return h('p', {}, typeOf(schema));
}

function parametersSection(parameters, doc) {
  const resolved = parameters.map((p) => (p.$ref ? doc.components.parameters[refName(p.$ref)] : p));
  return h('section', {},
    h('h4', {}, 'Parameters'),
    h('table', {},
      h('thead', {}, h('tr', {}, ['Name', 'In', 'Type', 'Notes'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, resolved.map((p) => h('tr', {},
        h('th', { scope: 'row' }, h('code', {}, p.name), p.required ? '' : h('span', { class: 'muted' }, ' optional')),
        h('td', {}, p.in),
        h('td', {}, typeOf(p.schema)),
        h('td', {}, p.description ? prose(p.description) : '', constraints(p.schema ?? {}) ? h('span', { class: 'muted' }, ` ${constraints(p.schema)}`) : ''))))));
}

function contentBlock(content) {
  return Object.entries(content ?? {}).map(([type, media]) =>
    h('div', { class: 'media' }, h('p', { class: 'muted' }, type), media.schema ? schemaBlock(media.schema) : ''));
}

function operationCard(path, method, op, doc) {
  const id = `op-${op.operationId}`;
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  return h('article', { class: 'op', id, 'data-search': `${method} ${path} ${op.summary} ${op.operationId}`.toLowerCase() },
    h('h3', {}, h('span', { class: `method method-${method}` }, method.toUpperCase()), ' ', h('code', { class: 'path' }, path)),
    h('p', {}, op.summary),
    op.description ? h('p', {}, prose(op.description)) : '',
    h('p', { class: 'muted' }, isPublic ? 'No bearer token. ' : 'Bearer token. ', ROLE_TEXT[op['x-role']] ?? ''),
    op.parameters?.length ? parametersSection(op.parameters, doc) : '',
    op.requestBody ? h('section', {}, h('h4', {}, 'Request body'), contentBlock(op.requestBody.content)) : '',
    h('section', {}, h('h4', {}, 'Responses'),
      h('dl', { class: 'responses' }, Object.entries(op.responses).map(([status, response]) => [
        h('dt', {}, h('span', { class: `status status-${status[0]}` }, status), ' ', prose(response.description)),
        h('dd', {}, contentBlock(response.content)),
      ]))));
}

function render(doc) {
  document.title = `${doc.info.title} ${doc.info.version}`;
  document.getElementById('title').textContent = `${doc.info.title} reference`;
  document.getElementById('version').textContent = `Version ${doc.info.version} · base URL ${doc.servers?.[0]?.url ?? '/'}`;
  document.getElementById('intro').append(...String(doc.info.description ?? '').split('\n\n').map((p) => h('p', {}, prose(p))));

  const byTag = new Map((doc.tags ?? []).map((t) => [t.name, { description: t.description, ops: [] }]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, { description: '', ops: [] });
      byTag.get(tag).ops.push(operationCard(path, method, op, doc));
    }
  }
  const operations = document.getElementById('operations');
  const tagList = document.getElementById('tag-list');
  for (const [name, { description, ops }] of byTag) {
    if (ops.length === 0) continue;
    const headingId = `tag-${slug(name)}`;
    operations.append(h('section', { class: 'tag', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, name), description ? h('p', {}, prose(description)) : '', ops));
    tagList.append(h('li', {}, h('a', { href: `#${headingId}` }, name), h('span', { class: 'muted' }, ` ${ops.length}`)));
  }
  tagList.append(h('li', {}, h('a', { href: '#schemas-heading' }, 'Schemas')));

  const schemaList = document.getElementById('schema-list');
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    schemaList.append(h('section', { class: 'schema', id: `schema-${slug(name)}` },
      h('h3', {}, h('code', {}, name)), schema.description ? h('p', {}, prose(schema.description)) : '', schemaBlock(schema)));
  }
  document.getElementById('schemas').hidden = false;
}

function wireFilter() {
  const input = document.getElementById('filter');
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const op of document.querySelectorAll('.op')) {
      const text = op.dataset.search;
      op.hidden = !words.every((w) => text.includes(w));
    }
    for (const section of document.querySelectorAll('.tag')) {
      section.hidden = [...section.querySelectorAll('.op')].every((op) => op.hidden);
    }
  });
}

async function main() {
  const status = document.getElementById('status');
  try {
    const res = await fetch('openapi.json', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`openapi.json answered ${res.status}`);
    render(await res.json());
    wireFilter();
    status.textContent = '';
    status.hidden = true;
    // A deep link (#op-…) is only there once rendered.
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  } catch (err) {
    status.textContent = `Could not load the API description: ${err instanceof Error ? err.message : String(err)}`;
  }
}

main();
