// The self-registering browser bundle of the elements, loaded by portals with one script tag.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

export default {
  input: 'packages/elements/src/index.ts',
  output: {
    file: 'examples/portal/mentorkit.js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    // The `production` condition keeps Lit's development build (with its warnings) out.
    nodeResolve({ exportConditions: ['production'], browser: true }),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'packages/elements/tsconfig.json' }),
  ],
};
