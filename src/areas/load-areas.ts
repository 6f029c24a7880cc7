import { join } from 'node:path';
import { z } from 'zod';
import { DataError } from '../errors.js';
import { readSmallCsv, rowRecord } from '../io/small-csv.js';
import { DATA_DIR } from '../paths.js';
import type { Area } from '../types/index.js';
import { buildRegistry, type AreaRegistry } from './area-registry.js';

export { matchArea, suggestArea, type AreaRegistry } from './area-registry.js';

export const DEFAULT_AREAS = join(DATA_DIR, 'areas.csv');

const areaRowSchema = z
  .object({
    code: z.string().trim().min(1, 'code is blank'),
    name: z.string().trim().min(1, 'name is blank'),
    aliases: z.string().trim().optional().default(''),
    district: z.string().trim().min(1, 'district is blank'),
    type: z.string().trim().min(1, 'type is blank'),
    type_source: z.string().trim().optional().default(''),
    mailed: z
      .string()
      .trim()
      .optional()
      .refine((s) => s === undefined || s === '' || /^\d+$/.test(s), 'mailed must be a whole number'),
    adults: z
      .string()
      .trim()
      .optional()
      .refine(
        (s) => s === undefined || s === '' || (/^\d+(\.\d+)?$/.test(s) && Number(s) > 0),
        'adults must be a number above 0',
      ),
    households: z
      .string()
      .trim()
      .optional()
      .refine(
        (s) => s === undefined || s === '' || (/^\d+(\.\d+)?$/.test(s) && Number(s) > 0),
        'households must be a number above 0',
      ),
  })
  .loose();

/** Load and validate an area registry CSV (the bundled one by default). */
export function loadAreas(path: string = DEFAULT_AREAS): AreaRegistry {
  const csv = readSmallCsv(path, 'area registry');
  const fields = csv.header.map((h) => h.toLowerCase());
  const missing = ['code', 'name', 'district', 'type'].filter((f) => !fields.includes(f));
  if (missing.length)
    throw new DataError(
      `${path}: area registry lacks column(s) ${missing.join(', ')} ` +
        '(needs code,name,aliases,district,type,type_source[,mailed,adults,households])',
    );
  const problems: string[] = [];
  const areas: Area[] = [];
  for (const row of csv.rows) {
    const line = row.line;
    const r = areaRowSchema.safeParse({ ...rowRecord(csv, row) });
    if (!r.success) {
      for (const issue of r.error.issues)
        problems.push(`${path}:${line}: ${String(issue.path[0] ?? '')}: ${issue.message}`);
      continue;
    }
    const { code, name, aliases, district, type, type_source, mailed, adults, households } = r.data;
    areas.push({
      code,
      name,
      aliases: aliases
        ? aliases
            .split(/[|;]/)
            .map((a) => a.trim())
            .filter(Boolean)
        : [],
      district,
      type,
      typeSource: type_source,
      ...(mailed ? { mailed: Number(mailed) } : {}),
      ...(adults ? { adults: Number(adults) } : {}),
      ...(households ? { households: Number(households) } : {}),
    });
  }
  const { registry, clashes } = buildRegistry(areas, path);
  problems.push(...clashes.map((c) => `${path}: ${c}`));
  if (problems.length) throw new DataError(`invalid area registry:\n  ${problems.join('\n  ')}`);
  if (!areas.length) throw new DataError(`${path}: the area registry has no areas`);
  return registry;
}
