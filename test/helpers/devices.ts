import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** mknod needs root; tests that need a device node are skipped, with this reason, when not root. */
export const IS_ROOT = process.getuid?.() === 0;

/**
 * A character device of our own in `dir` (never the system's /dev/null or /dev/full, which a bug could destroy):
 * minor 3 is a null device, 7 a full one (every write fails with ENOSPC).
 */
export function makeDevice(dir: string, name: string, kind: 'null' | 'full'): string {
  const p = join(dir, name);
  execFileSync('mknod', [p, 'c', '1', kind === 'null' ? '3' : '7']);
  return p;
}
