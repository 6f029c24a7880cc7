import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../errors.js';
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

/** The files a command reads: those named (`-` is stdin and a FIFO is read as a stream: each spooled to a file), or the bundled sample waves. */
export async function resolveInputFiles(names: string[], io: Io): Promise<InputFiles> {
  if (names.length === 0) {
    const files = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => ({ path: join(SAMPLE_DIR, f), label: `data/samples/${f}` }));
    io.stderr.write(`sc-survey: no files given; using the bundled synthetic sample waves (${files.map((f) => f.label).join(', ')})\n`);
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
