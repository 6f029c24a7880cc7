import { z } from 'zod';
import { UsageError } from '../errors.js';
import { COMMANDS, type CommandName } from './command-options.js';
import { formatOption, OPTIONS, type OptionKey } from './option-table.js';

type Shape<K extends OptionKey> = { [P in K]: (typeof OPTIONS)[P]['schema'] };

/** The zod shape of some options, each with its table default applied (parsed by its own schema). */
export function optionShape<K extends OptionKey>(keys: readonly K[]): Shape<K> {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const k of keys) {
    if (k === 'noCi' || k === 'noAdjust') continue; // commander stores --no-ci under `ci`, --no-adjust under `adjust`
    const spec: { schema: z.ZodTypeAny; default?: string } = OPTIONS[k];
    shape[k] = spec.default !== undefined ? spec.schema.prefault(spec.default) : spec.schema;
  }
  return shape as Shape<K>;
}

/** The whole schema of one command: its options plus `files` and `--format` with the command's formats. */
export function commandSchema<C extends CommandName>(name: C) {
  const { options, formats } = COMMANDS[name];
  const format = formatOption(formats);
  return z.object({
    files: z.array(z.string()).default([]),
    ...optionShape(options as readonly (typeof options)[number][]),
    format: format.schema.prefault(formats[0]),
  });
}

export type CommandOptions<C extends CommandName> = z.infer<ReturnType<typeof commandSchema<C>>>;

/** Parse with a zod schema; a failure is a usage error (exit 2) naming the option. */
export function parseOptions<T extends z.ZodTypeAny>(schema: T, raw: Record<string, unknown>, prefix = ''): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new UsageError(prefix + r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}

/** A command's options, validated at the boundary. */
export function parseCommandOptions<C extends CommandName>(name: C, raw: Record<string, unknown>): CommandOptions<C> {
  return parseOptions(commandSchema(name), raw, name === 'tag' ? 'tag: ' : '') as CommandOptions<C>;
}
