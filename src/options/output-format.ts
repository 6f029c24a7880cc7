import { extname } from 'node:path';
import { UsageError } from '../errors.js';

/** The format a file name's extension says. */
const BY_EXTENSION: Record<string, string> = {
  '.json': 'json',
  '.csv': 'csv',
  '.md': 'md',
  '.markdown': 'md',
  '.xlsx': 'xlsx',
  '.html': 'html',
  '.htm': 'html',
};

/**
 * The output format: `--format` when given, else what `-o`'s extension says, else the command's default. An
 * extension that contradicts `--format` (`-o out.xlsx --format csv`), or names a format the command cannot write,
 * is refused: writing a text table into `out.xlsx` would be a file no program opens.
 */
export function resolveOutputFormat(
  command: string,
  formats: readonly [string, ...string[]],
  given: string | undefined,
  output: string | undefined,
): string {
  const ext = output === undefined || output === '-' ? '' : extname(output).toLowerCase();
  const implied = BY_EXTENSION[ext];
  if (implied === undefined) return given ?? formats[0];
  if (given !== undefined && given !== implied)
    throw new UsageError(
      `-o ${output} is a ${ext} file but --format is ${given}: give --format ${implied}, or a file name that ` +
        `ends in the format's own extension`,
    );
  if (!formats.includes(implied))
    throw new UsageError(
      `-o ${output}: ${command} cannot write ${implied} (its formats: ${formats.join(', ')}); ` +
        'choose one with --format and a matching file name',
    );
  return implied;
}
