import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root (one level above dist/ or src/), where data/ lives. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
