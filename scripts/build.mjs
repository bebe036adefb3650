// The build: TypeScript (`tsc -b`), the element bundle (rollup.config.mjs) and the elements'
// manifest (`cem analyze` → packages/elements/custom-elements.json).
//
//   node scripts/build.mjs             every step (`npm run build`)
//   node scripts/build.mjs --if-stale  only the steps whose inputs or outputs changed since that
//                                      step last succeeded (`npm start`'s prestart)
//
// After a step succeeds, a stamp in node_modules/.cache/mentorkit-build/ records a digest of the
// step's inputs (file contents, taken before the step ran, so an edit made while it ran is seen
// next time) and of its outputs (names, sizes and times, taken after). A step is stale when either
// digest differs from its stamp, or it has no stamp. The stamp is removed before a step runs and
// written only when the step exits 0: a failed or interrupted build never claims success. A fresh
// clone (or `npm ci`, which empties node_modules) has no stamps, so it builds everything once.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMPS = join(ROOT, 'node_modules', '.cache', 'mentorkit-build');

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--if-stale');
if (unknown.length > 0) {
  process.stderr.write(`build: unknown argument ${unknown[0]} (usage: node scripts/build.mjs [--if-stale])\n`);
  process.exit(2);
}
const ifStale = args.includes('--if-stale');

const log = (line) => process.stdout.write(`build: ${line}\n`);
const rel = (p) => relative(ROOT, p).split(sep).join('/');

/** Every file under `dir` (recursively) that `keep` accepts; none when `dir` is missing. */
function files(dir, keep = () => true, skipDir = () => false) {
  const out = [];
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !skipDir(p)) walk(p);
      } else if (keep(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const existing = (paths) => paths.filter((p) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
});

/** Each file's content digest, read once per run (the lock file is an input of every step). */
const fileDigests = new Map();
function fileDigest(path) {
  let d = fileDigests.get(path);
  if (d === undefined) {
    try {
      d = createHash('sha256').update(readFileSync(path)).digest('hex');
    } catch {
      d = '(missing)';
    }
    fileDigests.set(path, d);
  }
  return d;
}

/** Digest of the files' names and contents (a `touch` alone changes nothing). */
function contentDigest(paths) {
  const h = createHash('sha256');
  for (const p of [...new Set(paths)].sort()) h.update(`${rel(p)}\0${fileDigest(p)}\0`);
  return h.digest('hex');
}

/** Digest of the files' names, sizes and modification times (outputs: deleted or rewritten). */
function statDigest(paths) {
  const h = createHash('sha256');
  for (const p of [...new Set(paths)].sort()) {
    let s = '(missing)';
    try {
      const st = statSync(p);
      s = `${st.size}:${st.mtimeMs}`;
    } catch {
      // missing: part of the digest
    }
    h.update(`${rel(p)}\0${s}\0`);
  }
  return h.digest('hex');
}

/** The projects `tsc -b` builds: the root tsconfig's references, each with the folders it includes. */
function tsProjects() {
  const root = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
  return root.references.map(({ path }) => {
    const dir = join(ROOT, path);
    let include = ['src'];
    try {
      include = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')).include ?? include;
    } catch {
      // a tsconfig with comments: its sources are under src/ in this repository
    }
    return { dir, include: include.map((i) => join(dir, i.replace(/\/?\*.*$/, ''))) };
  });
}

const ELEMENTS = join(ROOT, 'packages', 'elements');
const BUNDLE_DIRS = [join(ROOT, 'examples', 'portal'), join(ELEMENTS, 'dist', 'bundle')];
const isBundleDir = (d) => BUNDLE_DIRS.includes(d);
const lockfiles = () => existing([join(ROOT, 'package.json'), join(ROOT, 'package-lock.json')]);

/** Runs a package's command-line program (from its package.json `bin`) with this Node. */
function bin(pkg, name, argv, cwd = ROOT) {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return { command: process.execPath, args: [join(ROOT, 'node_modules', pkg, entry), ...argv], cwd };
}

const steps = [
  {
    name: 'tsc',
    label: 'tsc -b',
    inputs: () => {
      const out = [join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.base.json'), ...lockfiles()];
      for (const p of tsProjects()) {
        out.push(...existing([join(p.dir, 'package.json')]), ...files(p.dir, (f) => /(^|[/\\])tsconfig[^/\\]*\.json$/.test(f), () => true));
        for (const dir of p.include) out.push(...files(dir));
      }
      return out;
    },
    outputs: () => tsProjects().flatMap((p) => [
      join(p.dir, 'tsconfig.tsbuildinfo'),
      ...files(join(p.dir, 'dist'), () => true, isBundleDir),
    ]),
    run: () => bin('typescript', 'tsc', ['-b']),
  },
  {
    name: 'bundle',
    label: 'rollup -c rollup.config.mjs',
    // What rollup reads: the compiled modules the autoloader imports (elements, SDK, contract) and
    // the packages from node_modules (their versions are in the lock file).
    inputs: () => [
      join(ROOT, 'rollup.config.mjs'),
      ...lockfiles(),
      ...['elements', 'sdk', 'contract'].flatMap((pkg) => [
        join(ROOT, 'packages', pkg, 'package.json'),
        ...files(join(ROOT, 'packages', pkg, 'dist'), (f) => f.endsWith('.js') && !f.endsWith('.test.js'), isBundleDir),
      ]),
    ],
    outputs: () => [
      ...files(BUNDLE_DIRS[0], (f) => /[/\\]mentorkit[^/\\]*\.js(\.map)?$/.test(f), () => true),
      ...files(BUNDLE_DIRS[1]),
    ],
    run: () => bin('rollup', 'rollup', ['-c', 'rollup.config.mjs']),
  },
  {
    name: 'manifest',
    label: 'cem analyze (packages/elements)',
    inputs: () => [
      ...existing([join(ELEMENTS, 'custom-elements-manifest.config.mjs'), join(ELEMENTS, 'package.json')]),
      ...lockfiles(),
      ...files(join(ELEMENTS, 'src')),
    ],
    outputs: () => [join(ELEMENTS, 'custom-elements.json')],
    run: () => bin('@custom-elements-manifest/analyzer', 'cem', ['analyze'], ELEMENTS),
  },
];

const stampFile = (step) => join(STAMPS, `${step.name}.json`);

function readStamp(step) {
  try {
    return JSON.parse(readFileSync(stampFile(step), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeStamp(step, stamp) {
  mkdirSync(STAMPS, { recursive: true });
  const tmp = `${stampFile(step)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(tmp, stampFile(step));
}

function execute({ command, args: argv, cwd }) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd, stdio: 'inherit' });
    child.once('error', (err) => {
      process.stderr.write(`build: ${err.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const started = performance.now();
const ran = [];
for (const step of steps) {
  const inputs = contentDigest(step.inputs());
  const stamp = readStamp(step);
  const why = !ifStale ? 'full build'
    : !stamp ? 'never built here'
    : stamp.inputs !== inputs ? 'inputs changed'
    : stamp.outputs !== statDigest(step.outputs()) ? 'outputs changed or missing'
    : undefined;
  if (!why) continue;
  log(`${step.label} (${why})`);
  rmSync(stampFile(step), { force: true });
  const t0 = performance.now();
  const code = await execute(step.run());
  if (code !== 0) {
    process.stderr.write(`build: ${step.label} failed (exit ${code})\n`);
    process.exit(code);
  }
  writeStamp(step, { inputs, outputs: statDigest(step.outputs()), builtAt: new Date().toISOString() });
  ran.push(`${step.name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const total = `${((performance.now() - started) / 1000).toFixed(1)} s`;
log(ran.length ? `done in ${total} (${ran.join(', ')})` : `up to date (checked in ${Math.round(performance.now() - started)} ms)`);
