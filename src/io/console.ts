import { UsageError } from '../errors.js';
import { writeOutputFile } from './files.js';

/** The streams and environment a command may touch; passing them in keeps `main` testable in-process. */
export interface Io {
  /** `columns`: a terminal's width (bin/sc-survey.js passes process.stdout, which has it on a TTY) */
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin?: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
}

/**
 * A binary result (an .xlsx workbook) goes to `-o file` or a pipe, never to a terminal, where it would be noise.
 * Checked before any work is done.
 */
export function refuseBinaryToTerminal(io: Io, format: string, output: string | undefined): void {
  if (format === 'xlsx' && (!output || output === '-') && io.stdout.isTTY === true)
    throw new UsageError('xlsx is binary: use -o <file>.xlsx (or redirect standard output to a file)');
}

/**
 * Write a command's result to stdout, or to `-o file`: atomically for a regular file, directly for a device or FIFO.
 * A path that cannot be used is a usage error (exit 2); a write that fails on the way (disk full) is exit 1.
 */
export async function emit(io: Io, text: string | Uint8Array, output: string | undefined): Promise<void> {
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

/**
 * The width tables and notes must fit: COLUMNS when a positive integer, whatever stdout is; else a terminal's
 * width (not when writing to -o file); else none, so a pipe or a file gets whole lines.
 */
export function outputWidth(io: Io, output?: string): number | undefined {
  const c = io.env.COLUMNS?.trim();
  if (c && /^\d+$/.test(c) && Number(c) > 0) return Number(c);
  const toFile = output !== undefined && output !== '-';
  const cols = io.stdout.columns;
  if (!toFile && io.stdout.isTTY === true && cols !== undefined && cols > 0) return cols;
  return undefined;
}

/** `{ width }` when there is one, so an optional property stays absent rather than undefined. */
export const widthOf = (width: number | undefined): { width?: number } => (width === undefined ? {} : { width });
