// The self-registering browser bundle of the elements, loaded by portals with one script tag.
// Its size is budgeted per page: `npm run size` builds it in memory and reports, min+gzip, what a
// page embedding each element loads (scripts/bundle-size.mjs).
//
// It bundles the package's compiled modules (packages/elements/dist, from `tsc -b`), the same
// files npm consumers import. The elements use TypeScript's experimental decorators (their
// `__decorate` calls are a fraction of the code standard decorators lower to: ~2.5 KB gzip
// less for a workspace page) with helpers imported once from tslib, and keep `#private` members
// native; esbuild, lowering decorators, would rewrite every `#private` access into WeakMap helpers.
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** lightningcss browser versions: `color-mix()` and container queries need these anyway. */
const version = (major, minor = 0) => (major << 16) | (minor << 8);
const cssTargets = { chrome: version(111), edge: version(111), firefox: version(113), safari: version(16, 4), ios_saf: version(16, 4) };

export default {
  // The autoloader: defines <mentorship-provider> and fetches each other element's chunk the first
  // time its tag is on the page (packages/elements/src/autoload.ts).
  input: 'packages/elements/dist/autoload.js',
  // The entry may export more than its own signature (`discover`, plus what the lazily loaded
  // chunks import from it), so Rollup needs no extra facade chunk: the page loads one file up front.
  preserveEntrySignatures: 'allow-extension',
  onwarn(warning, warn) {
    // TypeScript's decorator helpers start `(this && this.__esDecorate) || …`; at the top of a
    // module `this` is undefined, which is what they expect.
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
  onLog(level, log, handler) {
    // The chunk merging's own account ("24 chunks, of which…"): `npm run size` reports the result.
    if (log.code !== 'OPTIMIZE_CHUNK_STATUS') handler(level, log);
  },
  // The demo portal serves the first copy; the package ships the second (`@mentorkit/elements/bundle.js`).
  output: ['examples/portal', 'packages/elements/dist/bundle'].map((dir) => ({
    dir,
    entryFileNames: 'mentorkit.js',
    // Elements, the code they share, and translations are imported on demand and land beside it
    // (mentorkit-mentor-search.js, mentorkit-fil.js, …); no hash, so a rebuild overwrites instead
    // of piling up files. The chunks import each other by relative URL: same origin, so a CSP of
    // `script-src 'self'` allows them.
    chunkFileNames: 'mentorkit-[name].js',
    // Tiny shared modules (dates, badges, formatters) are merged into a chunk their pages load
    // anyway instead of travelling as files of a few hundred bytes each (gzip's per-file cost):
    // the workspace page went from 10 files to 8 and 0.1 KB lighter, the demo portal from 19 to 14.
    experimentalMinChunkSize: 2_000,
    format: 'es',
    sourcemap: true,
  })),
  plugins: [
    // The `production` condition keeps Lit's development build (with its warnings) out.
    nodeResolve({ exportConditions: ['production'], browser: true }),
    // Minifies the text of html`` and css`` templates. conservativeCollapse keeps one space
    // where there was whitespace: html` on ${date}` must not lose its leading space. A template
    // that cannot be minified (e.g. a css`` fragment without a selector) fails the build.
    minifyHTML({
      include: ['packages/elements/dist/**/*.js'],
      failOnError: true,
      options: { minifyOptions: { conservativeCollapse: true, minifyCSS: { targets: cssTargets } } },
    }),
    // `comments: 'some'` keeps Lit's licence notices, which gzip folds to almost nothing.
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: 'some' } }),
  ],
};
