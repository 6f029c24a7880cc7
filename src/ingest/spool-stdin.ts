import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Copy stdin to a temporary file so it can be sniffed (and split) like any file. */
export async function spoolStdin(stdin: NodeJS.ReadableStream): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sc-survey-'));
  const path = join(dir, 'stdin.csv');
  await pipeline(stdin, createWriteStream(path));
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
