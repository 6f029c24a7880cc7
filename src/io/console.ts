import { writeOutputFile } from './files.js';

/** The streams and environment a command may touch; passing them in keeps `main` testable in-process. */
export interface Io {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin?: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
}

/**
 * Write a command's result to stdout, or to `-o file`: atomically for a regular file, directly for a device or FIFO.
 * A path that cannot be used is a usage error (exit 2); a write that fails on the way (disk full) is exit 1.
 */
export async function emit(io: Io, text: string, output: string | undefined): Promise<void> {
  if (!output || output === '-') {
    io.stdout.write(text);
    return;
  }
  writeOutputFile(output, text, `-o ${output}`);
}

/** Colour only on a TTY, never with NO_COLOR, TERM=dumb or --no-color. */
export function useColour(io: Io, colourOption: boolean | undefined): boolean {
  if (colourOption === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.stdout.isTTY === true;
}
