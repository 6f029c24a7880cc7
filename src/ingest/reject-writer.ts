import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import Papa from 'papaparse';

/** `--rejects`: every set-aside row, its fields re-joined with the file's separator, with file, line and reason. */
export interface RejectWriter {
  write(file: string, line: number, reason: string, fields: string[], separator: string): void;
  /** rename into place (atomic); call abort() instead on failure */
  close(): Promise<void>;
  abort(): Promise<void>;
}

export function createRejectWriter(path: string): RejectWriter {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const out: WriteStream = createWriteStream(tmp);
  out.write('file,line,reason,row\n');
  const done = () => new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return {
    write(file, line, reason, fields, separator) {
      const raw = Papa.unparse([fields], { delimiter: separator, newline: '\n' });
      out.write(`${Papa.unparse([[file, String(line), reason, raw]], { newline: '\n' })}\n`);
    },
    async close() {
      await done();
      await rename(tmp, path);
    },
    async abort() {
      await done().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
    },
  };
}
