import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/build.mjs (`npm run build`, and `npm start`'s prestart with --if-stale) in a small copy
 * of the repository's layout whose tsc, rollup and cem are stand-ins that record each run: a step
 * runs when what it reads changed (content, not times), when its outputs went missing, and
 * always on a full build; a failed step leaves no stamp claiming success.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const fakeTool = (name: string, body: string) => `const { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const root = ${JSON.stringify('__ROOT__')};
appendFileSync(join(root, 'runs.log'), ${JSON.stringify(`${name}\n`)});
${body}
`;

/** "Compiles" each project's src/*.ts to dist/*.js (the same text): unchanged sources give unchanged outputs. */
const tsc = fakeTool('tsc', `
if (existsSync(join(root, 'fail-tsc'))) { console.error('error TS0000: failing on purpose'); process.exit(2); }
for (const project of ['packages/elements', 'packages/server']) {
  mkdirSync(join(root, project, 'dist'), { recursive: true });
  for (const f of readdirSync(join(root, project, 'src'))) writeFileSync(join(root, project, 'dist', f.replace(/\\.ts$/, '.js')), readFileSync(join(root, project, 'src', f)));
  writeFileSync(join(root, project, 'tsconfig.tsbuildinfo'), '{}');
}`);
const rollup = fakeTool('rollup', `
const text = readdirSync(join(root, 'packages/elements/dist')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(root, 'packages/elements/dist', f), 'utf8')).join('\\n');
for (const dir of ['examples/portal', 'packages/elements/dist/bundle']) { mkdirSync(join(root, dir), { recursive: true }); writeFileSync(join(root, dir, 'mentorkit.js'), text); }`);
const cem = fakeTool('cem', `writeFileSync(join(process.cwd(), 'custom-elements.json'), JSON.stringify(readdirSync(join(process.cwd(), 'src'))));`);

function makeTree(): string {
  const t = mkdtempSync(join(tmpdir(), 'mentorkit-build-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(t, path)), { recursive: true });
    writeFileSync(join(t, path), text.replaceAll('__ROOT__', t));
  };
  cpSync(join(ROOT, 'scripts', 'build.mjs'), join(t, 'scripts', 'build.mjs'));
  write('package.json', '{"name":"fake","type":"module"}');
  write('package-lock.json', '{}');
  write('tsconfig.json', '{"files":[],"references":[{"path":"packages/elements"},{"path":"packages/server"}]}');
  write('tsconfig.base.json', '{}');
  write('rollup.config.mjs', 'export default {};');
  for (const p of ['elements', 'server']) {
    write(`packages/${p}/package.json`, `{"name":"@fake/${p}"}`);
    write(`packages/${p}/tsconfig.json`, '{"include":["src"]}');
  }
  write('packages/elements/src/button.ts', 'export const button = 1;');
  write('packages/elements/custom-elements-manifest.config.mjs', 'export default {};');
  write('packages/server/src/main.ts', 'export const main = 1;');
  write('examples/portal/index.html', '<!doctype html>');
  // Stand-ins (CommonJS, as the real tsc's entry is) where the real programs are, named by their packages' bin.
  write('node_modules/typescript/package.json', '{"bin":{"tsc":"./bin/tsc"}}');
  write('node_modules/typescript/bin/tsc', tsc);
  write('node_modules/rollup/package.json', '{"bin":{"rollup":"dist/bin/rollup"}}');
  write('node_modules/rollup/dist/bin/rollup', rollup);
  write('node_modules/@custom-elements-manifest/analyzer/package.json', '{"bin":{"cem":"./cem.js"}}');
  write('node_modules/@custom-elements-manifest/analyzer/cem.js', cem);
  return t;
}

describe('scripts/build.mjs', () => {
  let tree: string;
  beforeAll(() => { tree = makeTree(); });
  afterAll(() => { rmSync(tree, { recursive: true, force: true }); });

  /** Runs the build and returns the steps that ran (in order), its exit code and output. */
  const build = (...args: string[]) => {
    rmSync(join(tree, 'runs.log'), { force: true });
    const r = spawnSync(process.execPath, [join(tree, 'scripts', 'build.mjs'), ...args], { cwd: tree, encoding: 'utf8' });
    const runs = existsSync(join(tree, 'runs.log')) ? readFileSync(join(tree, 'runs.log'), 'utf8').trim().split('\n') : [];
    return { runs, code: r.status, output: r.stdout + r.stderr };
  };
  const edit = (path: string, text: string) => writeFileSync(join(tree, path), text);
  const stamp = (step: string) => join(tree, 'node_modules', '.cache', 'mentorkit-build', `${step}.json`);

  it('a fresh tree builds everything once; then nothing, and says it is up to date', () => {
    expect(build('--if-stale').runs).toEqual(['tsc', 'rollup', 'cem']);
    const again = build('--if-stale');
    expect(again.runs).toEqual([]);
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/up to date/);
  });

  it('a touched file with the same content rebuilds nothing', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(tree, 'packages/server/src/main.ts'), later, later);
    utimesSync(join(tree, 'packages/elements/src/button.ts'), later, later);
    expect(build('--if-stale').runs).toEqual([]);
  });

  it('a changed server source runs tsc only (the bundle and the manifest read nothing it changed)', () => {
    edit('packages/server/src/main.ts', 'export const main = 2;');
    expect(build('--if-stale').runs).toEqual(['tsc']);
    expect(build('--if-stale').runs).toEqual([]);
  });

  it('a changed element source runs tsc, the bundle and the manifest', () => {
    edit('packages/elements/src/button.ts', 'export const button = 2;');
    expect(build('--if-stale').runs).toEqual(['tsc', 'rollup', 'cem']);
    expect(readFileSync(join(tree, 'examples/portal/mentorkit.js'), 'utf8')).toContain('button = 2');
  });

  it('a new element source file, or a changed rollup config, is seen', () => {
    edit('packages/elements/src/card.ts', 'export const card = 1;');
    expect(build('--if-stale').runs).toEqual(['tsc', 'rollup', 'cem']);
    edit('rollup.config.mjs', 'export default { changed: true };');
    expect(build('--if-stale').runs).toEqual(['rollup']);
  });

  it('a deleted output is rebuilt', () => {
    rmSync(join(tree, 'examples/portal/mentorkit.js'));
    expect(build('--if-stale').runs).toEqual(['rollup']);
    rmSync(join(tree, 'packages/server/dist'), { recursive: true });
    expect(build('--if-stale').runs).toEqual(['tsc']);
    expect(existsSync(join(tree, 'packages/server/dist/main.js'))).toBe(true);
  });

  it('a failed step exits non-zero, leaves no stamp, and runs again next time', () => {
    edit('packages/server/src/main.ts', 'export const main = 3;');
    edit('fail-tsc', '');
    const failed = build('--if-stale');
    expect(failed.code).not.toBe(0);
    expect(failed.runs).toEqual(['tsc']);
    expect(failed.output).toMatch(/tsc -b failed/);
    expect(existsSync(stamp('tsc'))).toBe(false);
    // Still failing: tried again, not skipped.
    expect(build('--if-stale').runs).toEqual(['tsc']);
    rmSync(join(tree, 'fail-tsc'));
    expect(build('--if-stale').runs).toEqual(['tsc']);
    expect(existsSync(stamp('tsc'))).toBe(true);
    expect(build('--if-stale').runs).toEqual([]);
  });

  it('without --if-stale (npm run build) every step runs; an unknown argument is refused', () => {
    expect(build().runs).toEqual(['tsc', 'rollup', 'cem']);
    expect(build('--if-stale').runs).toEqual([]);
    const bad = build('--fast');
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/unknown argument --fast/);
    expect(bad.runs).toEqual([]);
  });
});
