import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { registerTemp, releaseTemp } from './temp-files.js';

/** A hidden temporary name beside `path`, on the same file system, so that rename() into place is atomic. */
export function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  ENXIO: 'nothing is reading at the other end',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EIO: 'an input/output error on the device',
  EFBIG: 'the file is too large for the file system',
  EMFILE: 'too many open files',
};

/** A file-system error in words ("no such file or folder"), not a bare ENOENT. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code && FS_ERRORS[code]) ?? (err instanceof Error ? err.message : String(err));
}

/** Errors that say the path the user chose cannot be used (exit 2); any other write error is data lost (exit 1). */
const UNUSABLE_PATH = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENAMETOOLONG',
  'ELOOP',
  'ENXIO',
]);

/**
 * A write error as the error the user sees: `cannot write <what>: <reason>`. A path that cannot be used is a usage
 * error (exit 2); a write that failed on the way (ENOSPC, EDQUOT, EIO, EFBIG…) is a data error (exit 1).
 */
export function writeError(what: string, err: unknown, direct = false): Error {
  if (err instanceof UsageError || err instanceof DataError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const message = `cannot write ${what}: ${describeFsError(err)}`;
  if (code && UNUSABLE_PATH.has(code)) return new UsageError(message);
  if (code) return new DataError(`${message}; ${direct ? 'what it holds is incomplete' : 'it is left as it was'}`);
  return err instanceof Error ? err : new Error(String(err));
}

/** An output opened for writing: write() buffers and writes synchronously, so memory stays flat on any size. */
export interface OutputFile {
  /** text, or bytes (an .xlsx workbook) */
  write(text: string | Uint8Array): void;
  /** write what is buffered and put the file in place (renamed over the target when it is a regular file) */
  close(): void;
  /** give up: remove the temporary file (a device or FIFO keeps what was written); never throws */
  abort(): void;
}

export interface OutputFileOptions {
  /** for tests: the function that writes bytes to the file descriptor (default fs.writeSync) */
  writeBytes?: (fd: number, bytes: Uint8Array, offset: number, length: number) => number;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

const FLUSH_AT = 1 << 16;

/**
 * Opens `path` for output. A regular file (or a new path) is written to a temporary sibling that close() renames into
 * place, keeping the old file's mode, so a failed run leaves the old target as it was. Anything else — a character or
 * block device, a FIFO, a socket, /dev/stdout — is written directly: replacing it would destroy it. A symbolic link
 * to a regular file is followed, so the link stays a link. `what` names the output in errors (`-o out.csv`).
 * Every error is a UsageError or DataError from writeError.
 */
export function openOutputFile(path: string, what: string, o: OutputFileOptions = {}): OutputFile {
  const writeBytes = o.writeBytes ?? writeSync;
  let fd: number;
  let tmp: string | undefined;
  let target = path;
  let direct = false;
  try {
    const st = statOrUndefined(path);
    if (st?.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (st && !st.isFile()) {
      direct = true;
      fd = openSync(path, 'w');
    } else {
      if (st) target = realpathSync.native(path);
      tmp = tempSibling(target);
      fd = openSync(tmp, 'wx', 0o666);
      registerTemp(tmp);
      if (st) keepOwnerAndMode(fd, st);
    }
  } catch (err) {
    throw writeError(what, err, direct);
  }
  let chunks: (string | Uint8Array)[] = [];
  let pending = 0;
  let closed = false;
  const flush = () => {
    if (pending === 0) return;
    const bytes = chunks.every((c) => typeof c === 'string')
      ? Buffer.from(chunks.join(''))
      : Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    chunks = [];
    pending = 0;
    for (let at = 0; at < bytes.length;) at += writeBytes(fd, bytes, at, bytes.length - at);
  };
  const abort = () => {
    if (closed) return;
    closed = true;
    try {
      closeSync(fd);
    } catch {
      // already failing; the temporary is removed below
    }
    if (tmp) {
      try {
        unlinkSync(tmp);
      } catch {
        // gone already
      }
      releaseTemp(tmp);
    }
  };
  return {
    write(text) {
      if (closed) return;
      chunks.push(text);
      pending += text.length;
      if (pending < FLUSH_AT) return;
      try {
        flush();
      } catch (err) {
        abort();
        throw writeError(what, err, direct);
      }
    },
    close() {
      if (closed) return;
      try {
        flush();
        closed = true;
        closeSync(fd);
        if (tmp) {
          renameSync(tmp, target);
          releaseTemp(tmp);
        }
      } catch (err) {
        closed = false;
        abort();
        throw writeError(what, err, direct);
      }
    },
    abort,
  };
}

/** A replaced file keeps its mode (0600 stays 0600) and, when we may, its owner. */
function keepOwnerAndMode(fd: number, st: Stats): void {
  fchmodSync(fd, st.mode & 0o7777);
  if (process.getuid?.() === 0) {
    try {
      fchownSync(fd, st.uid, st.gid);
    } catch {
      // a file system without owners: the mode is what matters
    }
  }
}

/** Write a whole text to `path` through openOutputFile (atomic for a regular file, direct for a device or FIFO). */
export function writeOutputFile(
  path: string,
  text: string | Uint8Array,
  what: string,
  o: OutputFileOptions = {},
): void {
  const out = openOutputFile(path, what, o);
  out.write(text);
  out.close();
}
