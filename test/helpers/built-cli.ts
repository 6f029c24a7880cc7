import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

export const BIN = join(ROOT, 'bin/sc-survey.js');
const DIST_CLI = join(ROOT, 'dist/bundle/cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Make sure dist/ is built from the current src/: `npm test` builds it in `pretest`, but `npx vitest run test/e2e`
 * alone may find it missing or stale. The bundle (what bin/sc-survey.js runs) and tsc's output (the worker's
 * fallback) are both made; esbuild does not type-check, so a type error elsewhere does not stop it.
 */
export function ensureBuilt(): void {
  if (existsSync(DIST_CLI) && statSync(DIST_CLI).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // type errors elsewhere in the tree: the JavaScript is emitted regardless
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.js')], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(DIST_CLI)) throw new Error('could not build dist/bundle/cli.js');
}

export interface SpawnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built bin/sc-survey.js as a user would: at a developer's prompt, so without the CI variable this test
 * run may have inherited (under CI, a run with no files is refused); pass `{ CI: 'true' }` to test that.
 */
export function runBuilt(args: string[], env: Record<string, string> = {}): SpawnResult {
  const { CI: _inherited, ...outside } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...outside, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
