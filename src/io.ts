import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { UsageError } from './errors.js';

/** The streams and environment a command may touch; passing them in keeps `main` testable in-process. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin?: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
}

/** A hidden temporary name beside `path`, on the same file system, so that rename() into place is atomic. */
export function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Write a file atomically: a temporary sibling, then rename, so a failed run never leaves half a report. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = tempSibling(path);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** Write a command's result to `-o file` atomically, or to stdout. A path that cannot be written is a usage error. */
export async function emit(io: Io, text: string, output: string | undefined): Promise<void> {
  if (!output || output === '-') {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(output, text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR' || code === 'EROFS')
      throw new UsageError(`cannot write -o ${output}: ${describeFsError(err)}`);
    throw err;
  }
}

/** Colour only on a TTY, never with NO_COLOR or --no-color. */
export function useColour(io: Io, colourOption: boolean | undefined): boolean {
  if (colourOption === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
};

/** A file-system error in words ("no such file or folder"), not a bare ENOENT. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code && FS_ERRORS[code]) ?? (err instanceof Error ? err.message : String(err));
}
