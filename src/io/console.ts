import { UsageError } from '../errors.js';
import { describeFsError, writeFileAtomic } from './files.js';

/** The streams and environment a command may touch; passing them in keeps `main` testable in-process. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin?: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
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
