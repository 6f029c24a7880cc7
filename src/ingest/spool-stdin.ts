import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DataError, UsageError } from '../errors.js';
import { describeFsError } from '../io/files.js';
import { registerTemp, releaseTemp } from '../io/temp-files.js';

export interface Spooled {
  path: string;
  cleanup: () => Promise<void>;
}

/**
 * Copy a stream (stdin, a FIFO, `<(cat file)`) to a temporary file so it can be sniffed (and split) like any file.
 * `label` names the input in messages. The folder is under $TMPDIR; one that is missing or read-only is a usage error
 * (exit 2) saying so, a disk that fills up while copying a data error (exit 1). The copy is removed by cleanup(), and
 * on SIGINT, SIGTERM or any error exit (src/io/temp-files.ts).
 */
export async function spoolStream(input: NodeJS.ReadableStream, label: string): Promise<Spooled> {
  const base = tmpdir();
  let dir: string;
  try {
    dir = await mkdtemp(join(base, 'sc-survey-'));
  } catch (err) {
    throw new UsageError(
      `cannot read ${label}: it is copied to a temporary folder under ${base} first, and that folder cannot be used ` +
        `(${describeFsError(err)}); set TMPDIR to a writable folder`,
    );
  }
  registerTemp(dir);
  const cleanup = async () => {
    await rm(dir, { recursive: true, force: true });
    releaseTemp(dir);
  };
  const path = join(dir, 'stdin.csv');
  try {
    await pipeline(input, createWriteStream(path));
  } catch (err) {
    await cleanup().catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === undefined) throw err;
    throw new DataError(`cannot read ${label}: copying it to ${base} failed: ${describeFsError(err)}`);
  }
  return { path, cleanup };
}

/** stdin, spooled (see spoolStream). */
export function spoolStdin(stdin: NodeJS.ReadableStream): Promise<Spooled> {
  return spoolStream(stdin, 'standard input');
}

/** A FIFO or a process substitution (`<(cat file.csv)`), read once as a stream and spooled. */
export function spoolSpecialFile(path: string): Promise<Spooled> {
  return spoolStream(createReadStream(path), path);
}
