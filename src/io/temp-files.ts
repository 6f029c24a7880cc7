import { rmSync } from 'node:fs';

/**
 * Every temporary file or folder the tool has made and not yet removed or renamed into place: the `-o` and
 * `--rejects` temporaries beside their targets and stdin's spool folder. bin/sc-survey.js removes them on SIGINT
 * and SIGTERM, and main() on its way out, so an interrupted or failed run leaves no litter.
 */
const live = new Set<string>();

export function registerTemp(path: string): void {
  live.add(path);
}

/** The file was renamed into place or removed by its owner. */
export function releaseTemp(path: string): void {
  live.delete(path);
}

/** Remove every registered temporary (synchronously: this runs in signal handlers and at exit). */
export function removeTempsSync(): void {
  for (const p of live) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // nothing more can be done on the way out
    }
  }
  live.clear();
}

/** What is registered now (for tests). */
export function liveTemps(): string[] {
  return [...live];
}
