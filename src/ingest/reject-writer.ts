import { createWriteStream, openSync, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import Papa from 'papaparse';
import { UsageError } from '../errors.js';
import { describeFsError, tempSibling } from '../io/files.js';

/** `--rejects`: every set-aside row, its fields re-joined with the file's separator, with file, line and reason. */
export interface RejectWriter {
  /** `raw`: the row's text as it stands in the file, when the reader has it; else the fields re-joined */
  write(file: string, line: number, reason: string, fields: string[], separator: string, raw?: string): void;
  /** rename into place (atomic); call abort() instead on failure */
  close(): Promise<void>;
  abort(): Promise<void>;
}

const cannotWrite = (path: string, err: unknown) =>
  new UsageError(`cannot write the --rejects file ${path}: ${describeFsError(err)}`);

export function createRejectWriter(path: string): RejectWriter {
  const tmp = tempSibling(path);
  // Open now, so that a path that cannot be written fails before any input is read, as a message, not a crash.
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (err) {
    throw cannotWrite(path, err);
  }
  const out: WriteStream = createWriteStream(tmp, { fd });
  let failed: Error | undefined;
  out.on('error', (err) => (failed ??= err));
  out.write('file,line,reason,row\n');
  const done = () => new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  const abort = async () => {
    await done().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
  };
  return {
    write(file, line, reason, fields, separator, raw) {
      if (failed) return;
      const row = raw ?? Papa.unparse([fields], { delimiter: separator, newline: '\n' });
      out.write(`${Papa.unparse([[file, String(line), reason, row]], { newline: '\n' })}\n`);
    },
    async close() {
      try {
        await done();
        if (failed) throw failed;
        await rename(tmp, path);
      } catch (err) {
        await unlink(tmp).catch(() => undefined);
        throw cannotWrite(path, err);
      }
    },
    abort,
  };
}
