// The size budget of the browser bundle, per page: what a page embedding one element downloads.
//
// Builds rollup.config.mjs in memory (nothing is written). The entry (the autoloader, with
// <mentorship-provider>) loads each element's chunk the first time its tag is on the page, so
// for every element this prints what a page showing only that element loads up front (the entry,
// the element's chunk and everything they import statically) and what it loads later (the
// dashboards fetch <mentorship-workspace> the first time one is opened), min+gzip: each file
// gzipped alone (level 9) and summed, as they travel. Exits 1 when an element's initial load is
// over BUDGET, or all chunks together are over CEILING. `--top N`
// lists the N largest modules (default 15; 0 for none). Run from the repository root after
// `tsc -b`: the bundle is made from packages/*/dist.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';

/**
 * The min+gzip budget set for a page embedding one element (its initial load). Raised on
 * 2026-12-07 from 45 KB to 46.5 KB (the largest page, the workspace, is 46.0 KB): every page's entry carries the SDK, which gained the twelve
 * programme methods (+0.5 KB), and the programme on request and mentorship cards reaches the
 * dashboards and the workspace; Rollup's regrouping of the chunks shared with the lazily loaded
 * programme panels costs the workspace page about 0.5 KB more (measured with and without them).
 */
export const BUDGET = 46.5 * 1024;
/**
 * A ratchet on every chunk together (all elements, shared code, translations): just above the
 * total, so the code cannot grow unnoticed even where no page loads it all up front. Raised on
 * 2026-12-07 from 115 KB to 130 KB (total 128.8 KB) for what the workspace and dashboards became
 * (tabs with an overview, forms in dialogs, toasts with Undo, list → detail with the URL hash,
 * role checks) and their translations. Lower it whenever a change shrinks the total.
 * Raised on 2026-12-07 by 16 KB for the admin's Programmes tab (list, form, detail with
 * enrolments, match review and the report; a chunk of its own, about 11.5 KB, loaded when the tab
 * first opens) and its Filipino translations (about 3 KB).
 * Raised on 2026-12-07 by 8 KB for programmes in search and the dashboards (the programme banner
 * with enrolment in <mentor-search>, about 3.5 KB; the dashboards' Programmes section, a chunk of
 * its own of about 4.3 KB loaded after their first render; the programme on request and
 * mentorship cards) and their Filipino translations (about 1.4 KB).
 */
export const CEILING = 154 * 1024;

const topArg = process.argv.indexOf('--top');
const top = topArg > 0 ? Number(process.argv[topArg + 1]) : 15;

const started = performance.now();
const bundle = await rollup({
  input: config.input,
  preserveEntrySignatures: config.preserveEntrySignatures,
  plugins: config.plugins,
  onwarn: config.onwarn,
  onLog: config.onLog,
});
const { output } = await bundle.generate({ ...config.output[0], sourcemap: false });
await bundle.close();

const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
const gzip = new Map([...chunks.values()].map((c) => [c.fileName, gzipSync(c.code, { level: 9 }).length]));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (names) => [...names].reduce((total, name) => total + gzip.get(name), 0);

/** A chunk and every chunk it imports statically (what the browser fetches before running it). */
const closure = (name, into = new Set()) => {
  if (into.has(name)) return into;
  into.add(name);
  for (const dep of chunks.get(name).imports) closure(dep, into);
  return into;
};
const isTranslation = (chunk) => /\/generated\/locales\//.test(chunk.facadeModuleId ?? '');
/**
 * The element a chunk defines. An element's chunk that also exports code to a chunk it loads
 * later (the admin's Programmes tab) has no facade module: its define module is then found
 * among the chunk's modules.
 */
const defineOf = (id) => id?.match(/\/define\/([a-z-]+)\.js$/)?.[1];
const tagOf = (chunk) => defineOf(chunk.facadeModuleId) ?? chunk.moduleIds.map(defineOf).find(Boolean);

const entry = [...chunks.values()].find((c) => c.isEntry);
const upFront = closure(entry.fileName);
const translations = [...chunks.values()].filter(isTranslation);

/** Per element: its initial load, and the elements its own code imports on first use. */
const pages = [{ tag: 'mentorship-provider', initial: upFront, later: [] }];
for (const name of entry.dynamicImports) {
  const chunk = chunks.get(name);
  const tag = tagOf(chunk);
  if (!tag) continue;
  const initial = closure(name, new Set(upFront));
  const later = [...initial]
    .filter((n) => !upFront.has(n))
    .flatMap((n) => chunks.get(n).dynamicImports)
    .filter((n) => !initial.has(n) && !isTranslation(chunks.get(n)))
    .map((n) => ({ tag: tagOf(chunks.get(n)) ?? n, files: [...closure(n)].filter((f) => !initial.has(f)) }));
  pages.push({ tag, initial, later });
}

const total = sum(chunks.keys());
const pageNamed = (tag) => pages.find((p) => p.tag === tag).initial;
/** The demo portal (examples/portal) shows search, both dashboards and admin at once. */
const portal = new Set(['mentor-search', 'mentee-dashboard', 'mentor-dashboard', 'mentorship-admin'].flatMap((t) => [...pageNamed(t)]));
const built = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Per page embedding one element, min+gzip (each file gzipped alone, summed); budget ${kb(BUDGET)} up front:`);
const rows = pages.map((p) => [
  `<${p.tag}>`,
  kb(sum(p.initial)),
  String(p.initial.size),
  sum(p.initial) <= BUDGET ? 'ok' : `over by ${kb(sum(p.initial) - BUDGET)}`,
  p.later.map((l) => `+${kb(sum(l.files))} <${l.tag}> on first open`).join(', '),
]);
const head = ['element', 'up front', 'files', 'budget', 'later'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
for (const row of [head, ...rows]) console.log(`  ${row.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd()}`);
for (const t of translations) console.log(`translations ${t.fileName}: ${kb(gzip.get(t.fileName))}, on demand (pages in that language only)`);
console.log(`the demo portal (search, both dashboards, admin): ${kb(sum(portal))} in ${portal.size} files up front`);
console.log(`all ${chunks.size} chunks together: ${kb(total)} min+gzip (enforced ceiling ${kb(CEILING)}), built in ${built} s`);

if (top > 0) {
  // Per module: the text each one contributes after the template minifier, before terser
  // (which works on the whole chunk), gzipped alone. Enough to see what to cut.
  const modules = [...chunks.values()]
    .flatMap((c) => Object.entries(c.modules).map(([id, m]) => ({ id, m, chunk: c.fileName })))
    .map(({ id, m, chunk }) => ({ id: id.replace(/^.*?\/(packages|node_modules)\//, '$1/'), chunk, size: m.renderedLength, gzip: gzipSync(m.code ?? '').length }))
    .sort((a, b) => b.gzip - a.gzip);
  console.log(`largest modules (rendered before terser / alone gzipped, chunk):`);
  for (const m of modules.slice(0, top)) console.log(`  ${kb(m.size).padStart(9)} ${kb(m.gzip).padStart(9)}  ${m.id} (${m.chunk})`);
}

const over = pages.filter((p) => sum(p.initial) > BUDGET);
if (over.length) {
  console.error(`over the budget up front: ${over.map((p) => `<${p.tag}> ${kb(sum(p.initial))} (limit ${kb(BUDGET)})`).join(', ')}`);
  process.exitCode = 1;
}
if (total > CEILING) {
  console.error(`all chunks together are over the enforced ceiling by ${kb(total - CEILING)}`);
  process.exitCode = 1;
}
