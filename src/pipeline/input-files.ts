import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { isCi } from '../io/ci-environment.js';
import { spoolSpecialFile, spoolStdin } from '../ingest/spool-stdin.js';
import type { Io } from '../io/console.js';
import { DATA_DIR } from '../paths.js';

export const SAMPLE_DIR = join(DATA_DIR, 'samples');

export interface InputFiles {
  files: { path: string; label: string }[];
  /** no files were named, so the bundled sample waves are read */
  usedSamples: boolean;
  /** removes stdin's spool file; call when done */
  cleanup: () => Promise<void>;
}

/** The bundled sample waves, in name order. */
export function sampleFiles(): { path: string; label: string }[] {
  return readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({ path: join(SAMPLE_DIR, f), label: `data/samples/${f}` }));
}

export const NO_INPUT_UNDER_CI = 'no input files; the bundled samples are used only outside CI, or with `--samples`';

/**
 * Under CI a run given no files is far more likely a broken glob or variable than a wish for the demo data, and
 * results from the samples would pass for the real ones; so there the samples need `--samples`.
 */
export function assertInputsGiven(names: readonly string[], samples: boolean, io: Pick<Io, 'env'>): void {
  if (names.length === 0 && !samples && isCi(io.env)) throw new UsageError(NO_INPUT_UNDER_CI);
}

/**
 * A FIFO or socket (`<(cat file.csv)` is a pipe). A device is not copied: /dev/zero would never end. A missing path is
 * reported later.
 */
function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/**
 * The files a command reads: those named (`-` is stdin and a FIFO is read as a stream: each spooled to a file), or the
 * bundled sample waves (with `--samples`, or when none are named outside CI).
 */
export async function resolveInputFiles(names: string[], io: Io, samples = false): Promise<InputFiles> {
  assertInputsGiven(names, samples, io);
  if (names.length === 0) {
    const files = sampleFiles();
    io.stderr.write(
      `sc-survey: no files given; using the bundled synthetic sample waves (${files.map((f) => f.label).join(', ')})\n`,
    );
    return { files, usedSamples: true, cleanup: async () => undefined };
  }
  const cleanups: (() => Promise<void>)[] = [];
  const files: { path: string; label: string }[] = [];
  for (const f of names) {
    if (f !== '-') {
      if (!isSpecialFile(f)) {
        files.push({ path: f, label: f });
        continue;
      }
      // A FIFO or `<(cat file.csv)` has no size and can be read once: copy it, as stdin is.
      const spooled = await spoolSpecialFile(f);
      cleanups.push(spooled.cleanup);
      files.push({ path: spooled.path, label: f });
      continue;
    }
    if (!io.stdin) throw new DataError('-: no standard input');
    const spooled = await spoolStdin(io.stdin);
    cleanups.push(spooled.cleanup);
    files.push({ path: spooled.path, label: '-' });
  }
  return { files, usedSamples: false, cleanup: async () => void (await Promise.all(cleanups.map((c) => c()))) };
}
