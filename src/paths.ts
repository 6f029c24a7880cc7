import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, where data/ lives: the nearest folder above this module with a package.json. The module
 * may run from src/ (tests), dist/ (tsc) or dist/bundle/ (the bundled CLI), at different depths.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('sc-survey: cannot find the package root (no package.json above the code)');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot();
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
