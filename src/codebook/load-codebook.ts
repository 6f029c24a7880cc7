import { existsSync } from 'node:fs';
import { readSideText } from '../io/small-csv.js';
import { join } from 'node:path';
import type { z } from 'zod';
import { DataError, UsageError } from '../errors.js';
import { DATA_DIR } from '../paths.js';
import { codebookSchema, type Codebook } from './schema.js';

/** Load a codebook by name (data/codebooks/<name>.json) or by path, and validate it. */
export function loadCodebook(nameOrPath: string): { codebook: Codebook; source: string } {
  const builtIn = join(DATA_DIR, 'codebooks', `${nameOrPath}.json`);
  const source = /[\\/]|\.json$/i.test(nameOrPath) ? nameOrPath : builtIn;
  if (!existsSync(source)) throw new UsageError(`codebook "${nameOrPath}" not found (looked for ${source})`);
  const text = readSideText(source, 'codebook'); // bounded, and without the byte-order mark Notepad writes
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DataError(`${source}: not valid JSON: ${(err as Error).message}`);
  }
  return { codebook: parseCodebook(raw, source), source };
}

export function parseCodebook(raw: unknown, source: string): Codebook {
  const result = codebookSchema.safeParse(raw);
  if (!result.success) throw new DataError(`${source}: invalid codebook:\n${formatZodIssues(result.error)}`);
  return result.data;
}

/**
 * One line per problem, each naming the JSON path, e.g.
 * `items[3].positive[0]: positive code 9 is not on scale "agree"`.
 */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
        '',
      );
      return `  ${path || '(root)'}: ${issue.message}`;
    })
    .join('\n');
}
