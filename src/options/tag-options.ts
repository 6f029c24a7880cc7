import { parseCommandOptions } from './option-schema.js';
import type { TagOptions } from '../tag/tag-settings.js';

/** Validate the commander options of `tag`; any problem is a UsageError listing them all. */
export function parseTagOptions(opts: Record<string, unknown>): TagOptions {
  const o = parseCommandOptions('tag', opts);
  return {
    neighbourhoods: o.neighbourhoods,
    imd: o.imd,
    ruc: o.ruc,
    share: o.deprivedShare,
    method: o.imdMethod,
    lsoaCount: o.lsoaCount,
    precedence: o.precedence,
    format: o.format as TagOptions['format'],
    output: o.output,
    color: o.color,
  };
}
