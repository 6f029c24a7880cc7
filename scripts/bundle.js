// Bundle the CLI into dist/bundle/, so start-up loads a few files instead of
// resolving hundreds of small modules (the @stdlib packages alone are dozens). Run by `npm run build` after tsc.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const result = await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true, // each command stays a lazily loaded chunk
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  // the bundled CommonJS packages (@stdlib, papaparse, iconv-lite) call require()
  banner: {
    js:
      "import { createRequire as __scSurveyRequire } from 'node:module'; " +
      'const require = __scSurveyRequire(import.meta.url);',
  },
});
// Chunk names change with their content: drop the files an earlier build left (after writing, so that a CLI
// started meanwhile never finds the bundle missing).
const made = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(f)));
for (const f of readdirSync('dist/bundle')) {
  const p = path.resolve('dist/bundle', f);
  if (!made.has(p)) rmSync(p, { force: true, recursive: true });
}
