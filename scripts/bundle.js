// Bundle the CLI into dist/bundle/, so start-up loads a few files instead of
// resolving hundreds of small modules (the @stdlib packages alone are dozens). Run by `npm run build` after tsc.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true }); // chunks are content-named: drop the last build's

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true, // each command stays a lazily loaded chunk
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // the bundled CommonJS packages (@stdlib, papaparse, iconv-lite) call require()
  banner: {
    js:
      "import { createRequire as __scSurveyRequire } from 'node:module'; " +
      'const require = __scSurveyRequire(import.meta.url);',
  },
});
