import { toCsv } from '../format/csv.js';
import type { TagResult } from './tag-areas.js';

export const AREAS_CSV_HEADER = ['code', 'name', 'aliases', 'district', 'type', 'type_source'] as const;

/** The tagged registry: the columns `analyse --areas` reads. Aliases are left blank. */
export function renderTagCsv(result: TagResult): string {
  return toCsv(
    AREAS_CSV_HEADER,
    result.areas.map((a) => ({ code: a.code, name: a.name, aliases: '', district: a.district, type: a.type, type_source: a.typeSource })),
  );
}
